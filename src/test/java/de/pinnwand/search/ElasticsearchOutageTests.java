package de.pinnwand.search;

import java.time.Duration;
import java.util.Map;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import de.pinnwand.system.embedded.EmbeddedElasticsearchNode;
import de.pinnwand.system.embedded.EmbeddedServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the real Elasticsearch process stopped, writes still succeed, search says plainly
 * that it is away, and once the node is back everything written meanwhile is indexed.
 */
@PinnwandTest
class ElasticsearchOutageTests {

	@Autowired
	private WebTestClient web;

	@Autowired
	private de.pinnwand.accounts.AccountService accounts;

	private EmbeddedElasticsearchNode node;

	@BeforeEach
	void findNode() {
		this.node = EmbeddedServices.elasticsearchNode();
	}

	@AfterEach
	void restartNode() {
		this.node.start();
	}

	@Test
	void keepsWritingWhileElasticsearchIsDownAndIndexesEverythingOnceItIsBack() throws InterruptedException {
		this.node.stop();
		assertThat(this.node.isRunning()).isFalse();

		String id = this.web.post()
			.uri("/api/v1/listings")
			.headers(de.pinnwand.TestMembers.bearer("tester"))
			.bodyValue(TestListings.offer("Geschrieben während des Ausfalls"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();
		this.web.get().uri("/api/v1/listings/" + id).exchange().expectStatus().isOk();
		this.web.get().uri("/").exchange().expectStatus().isOk();

		this.web.get()
			.uri("/search?q=Ausfalls")
			.header("Accept-Language", "en")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Search is not working right now")
				.doesNotContain("Exception", "Connection refused"));
		this.web.get()
			.uri("/api/v1/listings?q=Ausfalls")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(503);
		this.accounts
			.prepare(de.pinnwand.TestMembers.subject("outage-admin"), "Outage Admin", java.util.List.of("de"),
					java.util.Set.of(de.pinnwand.accounts.Role.ADMIN))
			.block();
		// Writes go on without Elasticsearch: degraded, not down, and still ready for
		// traffic.
		this.web.get()
			.uri("/actuator/health")
			.headers(de.pinnwand.TestMembers.bearer("outage-admin"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DEGRADED")
			.jsonPath("$.components.elasticsearch.status")
			.isEqualTo("DEGRADED")
			.jsonPath("$.components.r2dbc.status")
			.isEqualTo("UP");
		this.web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();

		this.node.start();
		long start = System.nanoTime();
		while (!found(id)) {
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("indexed after the node is back")
				.isLessThan(Duration.ofSeconds(60));
			Thread.sleep(250);
		}
	}

	@SuppressWarnings("unchecked")
	private boolean found(String id) {
		var result = this.web.get().uri("/api/v1/listings?q=Ausfalls").exchange().expectBody(Map.class).returnResult();
		if (result.getStatus().value() != 200) {
			return false;
		}
		var items = (java.util.List<Map<String, Object>>) result.getResponseBody().get("items");
		return items.stream().anyMatch((item) -> id.equals(((Map<String, Object>) item.get("listing")).get("id")));
	}

}
