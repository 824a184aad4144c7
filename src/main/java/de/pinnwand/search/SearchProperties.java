package de.pinnwand.search;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how listings are indexed.
 *
 * @param uris the Elasticsearch HTTP addresses; when unset the app starts its embedded
 * node
 * @param username user for an Elasticsearch with security on; empty for none
 * @param password that user's password, from the environment only
 * @param indexAlias the alias searches go to; physical indices are named after it with
 * their mapping's hash
 * @param relayBatchSize how many outbox entries go to Elasticsearch in one bulk request
 * @param relayInterval how often the relay looks for due entries when no write nudged it
 * @param relayMaxBackoff the longest wait before a failed entry is tried again
 * @param requestTimeout how long a search or bulk request may take before it counts as
 * failed
 * @param rebuildBatchSize how many listings go to Elasticsearch in one bulk request of a
 * full rebuild
 * @param rebuildConcurrency how many of a rebuild's bulk requests may be in flight at
 * once
 * @param shards how many primary shards a new listings index gets (a change takes effect
 * with the next rebuild)
 * @param replicas how many copies of each shard a cluster keeps on other nodes: 0 for one
 * node, 1 or more for a cluster that should go on answering when a node is lost; applied
 * to the live index at start
 */
@ConfigurationProperties("pinnwand.search")
@Validated
public record SearchProperties(List<String> uris, String username, String password,
		@DefaultValue("pinnwand-listings") String indexAlias, @DefaultValue("500") @Positive int relayBatchSize,
		@DefaultValue("1s") Duration relayInterval, @DefaultValue("30s") Duration relayMaxBackoff,
		@DefaultValue("30s") Duration requestTimeout, @DefaultValue("2000") @Positive int rebuildBatchSize,
		@DefaultValue("3") @Positive int rebuildConcurrency, @DefaultValue("1") @Positive int shards,
		@DefaultValue("0") @PositiveOrZero int replicas) {

}
