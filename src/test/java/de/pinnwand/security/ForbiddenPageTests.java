package de.pinnwand.security;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member without the right gets a page in their language and in the layout, and the API
 * a problem body.
 */
@PinnwandTest
class ForbiddenPageTests {

	@Autowired
	private WebTestClient web;

	@Test
	void aPlainMemberOpeningTheAuditLogGetsTheLocalizedPageInTheLayout() {
		String session = TestMembers.signIn(this.web, "forbidden-plain-member");
		this.web.get()
			.uri("/admin/audit?ui=ar")
			.cookie("SESSION", session)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("<html lang=\"ar\" dir=\"rtl\"")
				.contains("details class=\"menu\"")
				.contains("حسابكم لا يملك الصلاحية لهذا.")
				.doesNotContain("Access Denied"));
	}

	@Test
	void theApiAnswersWithAProblem() {
		this.web.get()
			.uri("/actuator/metrics")
			.headers(TestMembers.bearer("forbidden-api-member"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(403);
	}

}
