package de.pinnwand.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import de.pinnwand.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes to a listing sent after the session ran out are kept while the person signs in
 * again, come back in the form once, and belong to the browser that typed them.
 */
@PinnwandTest
class FormDraftsTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	private WebTestClient web;

	@Test
	void anEditSentWithAnExpiredSessionComesBackInTheFormOnceAfterSigningIn() {
		String id = (String) this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer("draft-editor"))
			.bodyValue(TestListings.offer("Ursprünglicher Titel des Eintrags"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		String session = TestMembers.signIn(this.web, "draft-editor");
		EntityExchangeResult<String> page = this.web.get()
			.uri("/listings/" + id + "/edit")
			.cookie("SESSION", session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		Matcher token = CSRF.matcher(page.getResponseBody());
		assertThat(token.find()).isTrue();
		String xsrf = page.getResponseCookies().getFirst("XSRF-TOKEN").getValue();

		// The session is gone (no cookie); the CSRF double submit still holds.
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("_csrf", token.group(1));
		fields.add("version", "0");
		fields.add("kind", "OFFER");
		fields.add("title", "Neuer Titel, lange getippt");
		fields.add("description", "Eine neue Beschreibung, lang genug für die Regeln.");
		fields.add("topics", "mobility");
		fields.add("languages", "de");
		fields.add("textLanguage", "de");
		fields.add("place", "71634");
		EntityExchangeResult<Void> sent = this.web.post()
			.uri("/listings/" + id + "/edit")
			.cookie("XSRF-TOKEN", xsrf)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(fields))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectBody(Void.class)
			.returnResult();
		assertThat(sent.getResponseHeaders().getLocation().toString())
			.startsWith("/oauth2/authorization/pinnwand?return=");
		ResponseCookie draft = sent.getResponseCookies().getFirst("pinnwand-draft");
		assertThat(draft).isNotNull();
		assertThat(draft.isHttpOnly()).isTrue();

		// Another browser's draft cookie finds nothing; this browser's finds the text
		// once.
		this.web.get()
			.uri("/listings/" + id + "/edit")
			.cookie("SESSION", session)
			.cookie("pinnwand-draft", "0".repeat(32))
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).doesNotContain("Neuer Titel, lange getippt"));
		this.web.get()
			.uri("/listings/" + id + "/edit?ui=de")
			.cookie("SESSION", session)
			.cookie("pinnwand-draft", draft.getValue())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("value=\"Neuer Titel, lange getippt\"")
				.contains("Ihr Text ist noch da"));
		this.web.get()
			.uri("/listings/" + id + "/edit")
			.cookie("SESSION", session)
			.cookie("pinnwand-draft", draft.getValue())
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).doesNotContain("Neuer Titel, lange getippt")
				.contains("Ursprünglicher Titel des Eintrags"));
	}

	@Test
	void encodesAndDecodesEveryFieldButTheOldCsrfToken() {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("_csrf", "alt");
		fields.add("title", "أحتاج مساعدة & = ?");
		fields.add("languages", "ar");
		fields.add("languages", "de");
		MultiValueMap<String, String> back = FormDrafts.decode(FormDrafts.encode(fields));
		assertThat(back.getFirst("title")).isEqualTo("أحتاج مساعدة & = ?");
		assertThat(back.get("languages")).containsExactly("ar", "de");
		assertThat(back).doesNotContainKey("_csrf");
	}

}
