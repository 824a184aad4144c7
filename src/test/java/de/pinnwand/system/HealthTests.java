package de.pinnwand.system;

import java.util.List;
import java.util.Set;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestMembers;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.accounts.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Health: the overall status for anyone, the components (PostgreSQL and Elasticsearch
 * reported separately, the mail outbox) only for admins; readiness with PostgreSQL,
 * liveness cheap.
 */
@PinnwandTest
class HealthTests {

	static final String ADMIN = "health-admin";

	@Autowired
	private WebTestClient web;

	@Autowired
	private AccountService accounts;

	@BeforeEach
	void prepareAdmin() {
		this.accounts.prepare(TestMembers.subject(ADMIN), "Health Admin", List.of("de"), Set.of(Role.ADMIN)).block();
	}

	@Test
	void showsVisitorsAndMembersTheOverallStatusOnly() {
		this.web.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components")
			.doesNotExist()
			.jsonPath("$.details")
			.doesNotExist();
		this.web.get()
			.uri("/actuator/health")
			.headers(TestMembers.bearer("health-member"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components")
			.doesNotExist();
		this.web.get().uri("/actuator/health/r2dbc").exchange().expectStatus().isNotFound();
	}

	@Test
	void reportsPostgresAndElasticsearchSeparatelyToAdmins() {
		this.web.get()
			.uri("/actuator/health")
			.headers(TestMembers.bearer(ADMIN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.r2dbc.status")
			.isEqualTo("UP")
			.jsonPath("$.components.elasticsearch.status")
			.isEqualTo("UP")
			.jsonPath("$.components.elasticsearch.details.indexReady")
			.isEqualTo(true);
	}

	@Test
	void needsPostgresForReadinessAndNothingForLiveness() {
		this.web.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		this.web.get()
			.uri("/actuator/health/readiness")
			.headers(TestMembers.bearer(ADMIN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.r2dbc.status")
			.isEqualTo("UP")
			.jsonPath("$.components.elasticsearch")
			.doesNotExist();
		this.web.get()
			.uri("/actuator/health/liveness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void sendsSecurityHeadersOnPages() {
		this.web.get()
			.uri("/")
			.exchange()
			.expectHeader()
			.valueMatches("Content-Security-Policy", ".*frame-ancestors 'none'.*")
			.expectHeader()
			.valueEquals("Referrer-Policy", "same-origin")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff");
	}

}
