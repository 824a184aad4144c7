package de.pinnwand.system;

import de.pinnwand.PinnwandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Health reports PostgreSQL and Elasticsearch separately. */
@PinnwandTest
class HealthTests {

	@Autowired
	private WebTestClient web;

	@Test
	void reportsPostgresAndElasticsearchSeparately() {
		this.web.get().uri("/actuator/health").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.components.r2dbc.status").isEqualTo("UP")
			.jsonPath("$.components.elasticsearch.status").isEqualTo("UP")
			.jsonPath("$.components.elasticsearch.details.indexReady").isEqualTo(true);
	}

	@Test
	void sendsSecurityHeadersOnPages() {
		this.web.get().uri("/").exchange()
			.expectHeader().valueMatches("Content-Security-Policy", ".*frame-ancestors 'none'.*")
			.expectHeader().valueEquals("Referrer-Policy", "same-origin")
			.expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
	}

}
