package de.pinnwand.search;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployment's shards and replicas go into the index it creates; only the shards make
 * it a new index.
 */
class IndexDefinitionTests {

	@Test
	void theDeploymentsShardsAndReplicasReplaceTheFiles() {
		JsonNode definition = JsonMapper.builder().build().readTree(IndexDefinition.load(properties(2, 1)).json());
		JsonNode settings = definition.path("settings");
		assertThat(settings.path("number_of_shards").asInt()).isEqualTo(2);
		assertThat(settings.path("number_of_replicas").asInt()).isEqualTo(1);
		// The rest of the file stays: its mappings and refresh interval.
		assertThat(definition.path("mappings").path("properties").path("title").isObject()).isTrue();
		assertThat(IndexDefinition.load(properties(2, 1)).refreshInterval()).isEqualTo("500ms");
	}

	@Test
	void moreShardsMeanANewIndexMoreReplicasDoNot() {
		String single = IndexDefinition.load(properties(1, 0)).hash();
		assertThat(IndexDefinition.load(properties(1, 1)).hash()).isEqualTo(single);
		assertThat(IndexDefinition.load(properties(1, 2)).replicas()).isEqualTo(2);
		assertThat(IndexDefinition.load(properties(3, 0)).hash()).isNotEqualTo(single);
	}

	private static SearchProperties properties(int shards, int replicas) {
		return new SearchProperties(List.of("http://127.0.0.1:9200"), null, null, "pinnwand-listings", 500,
				Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(30), 2000, 3, shards, replicas);
	}

}
