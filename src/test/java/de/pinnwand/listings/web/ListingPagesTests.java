package de.pinnwand.listings.web;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.pinnwand.PinnwandTest;
import de.pinnwand.listings.Listings;
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
 * The post-a-listing form as a browser without JavaScript uses it: signed in through the
 * real provider, with the real CSRF token and session cookie.
 */
@PinnwandTest
class ListingPagesTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	private WebTestClient web;

	@Autowired
	private Listings listings;

	/** The form's CSRF token, the CSRF cookie, and the signed-in member's session. */
	private record Form(String token, String session, String member) {
	}

	private Form openForm(String language) {
		return openForm(language, "form-tester");
	}

	private Form openForm(String language, String username) {
		String member = de.pinnwand.TestMembers.signIn(this.web, username);
		EntityExchangeResult<String> page = this.web.get()
			.uri("/listings/new?kind=REQUEST&ui=" + language)
			.cookie("SESSION", member)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		Matcher token = CSRF.matcher(page.getResponseBody());
		assertThat(token.find()).as("the form carries a CSRF token").isTrue();
		ResponseCookie session = page.getResponseCookies().getFirst("XSRF-TOKEN");
		assertThat(session).isNotNull();
		return new Form(token.group(1), session.getValue(), member);
	}

	private MultiValueMap<String, String> fields(Form form, String title, String description) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("_csrf", form.token());
		fields.add("submissionKey", UUID.randomUUID().toString());
		fields.add("kind", "REQUEST");
		fields.add("title", title);
		fields.add("description", description);
		fields.add("topics", "accompaniment");
		fields.add("languages", "fa");
		fields.add("languages", "de");
		fields.add("textLanguage", "de");
		fields.add("place", "Ludwigsburg");
		fields.add("reachKm", "5");
		return fields;
	}

	@Test
	void postsARequestThroughTheFormAndShowsItEscaped() {
		Form form = openForm("de");
		String location = this.web.post()
			.uri("/listings")
			.cookie("XSRF-TOKEN", form.session())
			.cookie("SESSION", form.member())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(fields(form, "Begleitung zur Ausländerbehörde",
					"Dienstag früh, Termin um 9 Uhr.\nBitte mit Dari & Deutsch: a < b")))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectBody()
			.returnResult()
			.getResponseHeaders()
			.getLocation()
			.toString();
		assertThat(location).startsWith("/listings/");
		this.web.get()
			.uri(location)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Begleitung zur Ausländerbehörde")
				.contains("Dari &amp; Deutsch: a &lt; b")
				.contains("<br>")
				.contains("role=\"status\""));
	}

	@Test
	void returnsTheFormWithLocalizedErrorsAndKeepsWhatWasTyped() {
		Form form = openForm("uk");
		long before = this.listings.count().block();
		MultiValueMap<String, String> fields = fields(form, "Ок", "");
		fields.set("place", "99999");
		this.web.post()
			.uri("/listings")
			.cookie("XSRF-TOKEN", form.session())
			.cookie("SESSION", form.member())
			.cookie("lang", "uk")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(fields))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("lang=\"uk\"")
				.contains("value=\"Ок\"")
				.contains("aria-invalid=\"true\"")
				.containsPattern("\\p{IsCyrillic}{4,}"));
		assertThat(this.listings.count().block()).isEqualTo(before);
	}

	@Test
	void groupsSubtopicsUnderTheirTopicAndShowsThemOnTheListing() {
		Form form = openForm("de");
		String page = this.web.get()
			.uri("/listings/new?ui=en")
			.cookie("SESSION", form.member())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).containsPattern("<fieldset class=\"topic-group\"><legend><label class=\"choice\">"
				+ "<input type=\"checkbox\" name=\"topics\" value=\"housing\"> Housing and moving</label></legend>\\s*"
				+ "<div class=\"subtopics\"><label class=\"choice\"><input type=\"checkbox\" name=\"topics\" "
				+ "value=\"housing/flat-search\"> Finding a flat</label>");
		assertThat(page.split("class=\"topic-group\"", -1)).hasSize(13);

		MultiValueMap<String, String> fields = fields(form, "Formtest Unterthema Umzugskartons",
				"Wir brauchen Hilfe beim Tragen der Kartons.");
		fields.set("topics", "housing/moving-help");
		fields.add("topics", "accompaniment");
		EntityExchangeResult<byte[]> posted = this.web.post()
			.uri("/listings")
			.cookie("XSRF-TOKEN", form.session())
			.cookie("SESSION", form.member())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(fields))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectBody()
			.returnResult();
		String listing = posted.getResponseHeaders().getLocation().getPath();
		this.web.get()
			.uri(listing + "?ui=de")
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("<span class=\"chip\">Wohnen und Umzug: Hilfe beim Umzug</span>")
				.contains("<span class=\"chip\">Begleitung zu Ämtern und Ärzten</span>"));
		this.web.get()
			.uri(listing + "/edit?ui=de")
			.cookie("SESSION", form.member())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).as("the implied parent is ticked when the listing is edited")
				.contains("value=\"housing\" checked")
				.contains("value=\"housing/moving-help\" checked")
				.doesNotContain("value=\"housing/flat-search\" checked"));
	}

	@Test
	void storesADoubleClickedSubmitOnce() {
		Form form = openForm("de");
		MultiValueMap<String, String> fields = fields(form, "Doppelt geklickt", "Nur ein Eintrag soll entstehen.");
		String first = submit(form, fields);
		String second = submit(form, fields);
		assertThat(second).isEqualTo(first);
	}

	private String submit(Form form, MultiValueMap<String, String> fields) {
		return this.web.post()
			.uri("/listings")
			.cookie("XSRF-TOKEN", form.session())
			.cookie("SESSION", form.member())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(fields))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectBody()
			.returnResult()
			.getResponseHeaders()
			.getLocation()
			.toString();
	}

	@Test
	void managesMyListingsAsTheMemberWhoPostedThem() {
		Form form = openForm("en", "manager-of-own-listings");
		EntityExchangeResult<byte[]> posted = this.web.post()
			.uri("/listings")
			.cookie("XSRF-TOKEN", form.session())
			.cookie("SESSION", form.member())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(fields(form, "Mein eigener Eintrag", "Den verwalte ich selbst.")))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectBody()
			.returnResult();
		String id = posted.getResponseHeaders().getLocation().getPath().substring("/listings/".length());

		this.web.get()
			.uri("/my/listings?ui=en")
			.cookie("SESSION", form.member())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Mein eigener Eintrag")
				.contains("/listings/" + id + "/renewal")
				.contains("/listings/" + id + "/edit"));
		// A visitor is sent to sign in; another member sees neither the listing in their
		// list nor its edit form.
		this.web.get()
			.uri("/my/listings")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.location(de.pinnwand.accounts.web.SignIn.startReturningTo("/my/listings"));
		String other = de.pinnwand.TestMembers.signIn(this.web, "someone-else-entirely");
		this.web.get()
			.uri("/my/listings")
			.cookie("SESSION", other)
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).doesNotContain("Mein eigener Eintrag"));
		this.web.get().uri("/listings/" + id + "/edit").cookie("SESSION", other).exchange().expectStatus().isNotFound();

		this.web.post()
			.uri("/listings/" + id + "/renewal")
			.cookie("SESSION", form.member())
			.cookie("XSRF-TOKEN", form.session())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("_csrf", form.token()))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.location("/my/listings?done=renewed#listing-" + id);
		this.web.post()
			.uri("/listings/" + id + "/withdrawal")
			.cookie("SESSION", form.member())
			.cookie("XSRF-TOKEN", form.session())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("_csrf", form.token()))
			.exchange()
			.expectStatus()
			.is3xxRedirection();
		// A visitor's link to the withdrawn listing says it is gone (410), not that it
		// never was.
		this.web.get().uri("/listings/" + id).exchange().expectStatus().isEqualTo(410);
		this.web.get()
			.uri("/my/listings?ui=en")
			.cookie("SESSION", form.member())
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Mein eigener Eintrag").contains("withdrawn"));
	}

	@Test
	void sendsVisitorsWhoWantToPostToSignInFirst() {
		this.web.get()
			.uri("/listings/new?kind=OFFER")
			.header("Accept", "text/html")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.location(de.pinnwand.accounts.web.SignIn.startReturningTo("/listings/new?kind=OFFER"));
	}

	@Test
	void refusesAFormPostWithoutCsrfToken() {
		Form form = openForm("de");
		MultiValueMap<String, String> fields = fields(form, "Ohne Token", "Dieser Eintrag darf nicht entstehen.");
		fields.remove("_csrf");
		this.web.post()
			.uri("/listings")
			.cookie("XSRF-TOKEN", form.session())
			.cookie("SESSION", form.member())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(fields))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void rendersPagesInArabicRightToLeft() {
		this.web.get()
			.uri("/?ui=ar")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches("Set-Cookie", "lang=ar.*")
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("<html lang=\"ar\" dir=\"rtl\">"));
		this.web.get()
			.uri("/")
			.cookie("lang", "fa")
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("<html lang=\"fa\" dir=\"rtl\">"));
		this.web.get()
			.uri("/search?lang=ar")
			.header("Accept-Language", "de")
			.exchange()
			.expectHeader()
			.values("Set-Cookie",
					(cookies) -> assertThat(cookies)
						.noneMatch((cookie) -> cookie.startsWith("lang=") || cookie.startsWith("SESSION=")))
			.expectBody(String.class)
			.value((html) -> assertThat(html).as("lang filters listings, it does not switch the " + "interface")
				.contains("<html lang=\"de\" dir=\"ltr\">"));
		this.web.get()
			.uri("/")
			.header("Accept-Language", "tr-TR,tr;q=0.9")
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("<html lang=\"tr\" dir=\"ltr\">"));
	}

	@Test
	void showsAnErrorPageInTheReadersLanguageForUnknownPages() {
		this.web.get()
			.uri("/no/such/page")
			.header("Accept-Language", "en")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Page not found").doesNotContain("Exception"));
	}

}
