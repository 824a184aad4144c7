package de.pinnwand.moderation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import de.pinnwand.TestMembers;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.accounts.Role;
import de.pinnwand.web.InterfaceLanguages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moderation as people meet it: a new member's listing waits for review, a coordinator
 * approves it, visitors report it off the board, the coordinator puts it back, and the
 * admins' audit log shows every step. Review of new members is on while these tests run
 * (it is off for the other tests, see {@link PinnwandTest}).
 */
@PinnwandTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModerationTests {

	private static final String COORDINATOR = "moderation-coordinator";

	private static final String ADMIN = "moderation-admin";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	private WebTestClient web;

	@Autowired
	private Premoderation premoderation;

	@Autowired
	private AccountService accounts;

	@Autowired
	private org.springframework.context.ConfigurableApplicationContext context;

	@Autowired
	private DecisionTexts decisionTexts;

	@Autowired
	private org.springframework.r2dbc.core.DatabaseClient database;

	/** Every {@link ListingDecided} published while the tests run. */
	private final List<ListingDecided> decided = new java.util.concurrent.CopyOnWriteArrayList<>();

	@BeforeAll
	void reviewNewMembers() {
		this.accounts
			.prepare(TestMembers.subject(COORDINATOR), "Moderation Koordination", List.of("de"),
					Set.of(Role.COORDINATOR))
			.block();
		this.accounts.prepare(TestMembers.subject(ADMIN), "Moderation Admin", List.of("de"), Set.of(Role.ADMIN))
			.block();
		this.premoderation.reviewNewMembers(true);
		this.context.addApplicationListener(
				(org.springframework.context.ApplicationListener<org.springframework.context.PayloadApplicationEvent<ListingDecided>>) (
						event) -> this.decided.add(event.getPayload()));
	}

	@AfterAll
	void publishDirectlyAgain() {
		this.premoderation.reviewNewMembers(false);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> post(String poster, String title) {
		return this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer(poster))
			.bodyValue(TestListings.offer(title))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private boolean searchable(String word, String id) {
		var result = this.web.get().uri("/api/v1/listings?q=" + word).exchange().expectBody(Map.class).returnResult();
		var items = (List<Map<String, Object>>) result.getResponseBody().get("items");
		return items.stream().anyMatch((item) -> id.equals(((Map<String, Object>) item.get("listing")).get("id")));
	}

	/**
	 * Waits (at most {@code seconds}) until search finds the listing or not, as expected.
	 */
	private void awaitSearch(String word, String id, boolean expected, int seconds) throws InterruptedException {
		long start = System.nanoTime();
		while (searchable(word, id) != expected) {
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("search %s %s", expected ? "finds" : "drops", id)
				.isLessThan(Duration.ofSeconds(seconds));
			Thread.sleep(100);
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> queueItem(String id) {
		List<Map<String, Object>> queue = this.web.get()
			.uri("/api/v1/moderation/queue")
			.headers(TestMembers.bearer(COORDINATOR))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(Map.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.map((item) -> (Map<String, Object>) item)
			.toList();
		return queue.stream()
			.filter((item) -> id.equals(((Map<String, Object>) item.get("item")).get("id")))
			.findFirst()
			.orElse(null);
	}

	@SuppressWarnings("unchecked")
	private String queueIdOf(String title) {
		return this.web.get()
			.uri("/api/v1/moderation/queue")
			.headers(TestMembers.bearer(COORDINATOR))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(Map.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.map((item) -> (Map<String, Object>) item.get("item"))
			.filter((listing) -> title.equals(listing.get("title")))
			.map((listing) -> (String) listing.get("id"))
			.findFirst()
			.orElseThrow(() -> new AssertionError(title + " is not in the queue"));
	}

	private WebTestClient.ResponseSpec decide(String id, String decision, Object version, String reason) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("decision", decision, "version", version));
		if (reason != null) {
			body.put("reason", reason);
		}
		return this.web.post()
			.uri("/api/v1/moderation/items/" + id + "/decision")
			.headers(TestMembers.bearer(COORDINATOR))
			.bodyValue(body)
			.exchange();
	}

	private void reportAsVisitor(String id, String address) {
		this.web.post()
			.uri("/api/v1/listings/" + id + "/reports")
			.header("X-Forwarded-For", address)
			.bodyValue(Map.of("reason", "spam", "text", "Sieht nach Werbung aus"))
			.exchange()
			.expectStatus()
			.isAccepted();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aNewMembersListingWaitsIsApprovedReportedAwayRestoredAndAudited() throws InterruptedException {
		Map<String, Object> posted = post("moderation-newcomer", "Lastenradmoderation zu verleihen");
		String id = (String) posted.get("id");
		assertThat(posted.get("status")).isEqualTo("PENDING_REVIEW");
		this.web.get().uri("/api/v1/listings/" + id).exchange().expectStatus().isNotFound();
		// A coordinator's listing goes up at once; once search has it, it has seen the
		// waiting one too.
		String control = (String) post(COORDINATOR, "Lastenradmoderation der Koordination").get("id");
		awaitSearch("Lastenradmoderation", control, true, 10);
		assertThat(searchable("Lastenradmoderation", id)).as("a listing waiting for review is not findable").isFalse();

		Map<String, Object> item = queueItem(id);
		assertThat(item).as("the listing is in the queue").isNotNull();
		assertThat(item.get("reported")).isEqualTo(false);
		assertThat((Map<String, Object>) item.get("authorHistory")).containsEntry("PENDING_REVIEW", 1);
		decide(id, "APPROVE", item.get("version"), null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PUBLISHED");
		awaitSearch("Lastenradmoderation", id, true, 5);

		reportAsVisitor(id, "198.51.100.121");
		reportAsVisitor(id, "198.51.100.121");
		reportAsVisitor(id, "198.51.100.122");
		this.web.get().uri("/api/v1/listings/" + id).exchange().expectStatus().isOk();
		assertThat(queueItem(id)).as("two reporters are not enough").isNull();
		reportAsVisitor(id, "198.51.100.123");
		this.web.get().uri("/api/v1/listings/" + id).exchange().expectStatus().isNotFound();
		awaitSearch("Lastenradmoderation", id, false, 5);

		Map<String, Object> reported = queueItem(id);
		assertThat(reported.get("reported")).isEqualTo(true);
		assertThat((List<Object>) reported.get("reports")).hasSize(3);
		decide(id, "APPROVE", reported.get("version"), null).expectStatus().isOk();
		awaitSearch("Lastenradmoderation", id, true, 5);

		String csv = this.web.get()
			.uri("/admin/audit.csv")
			.cookie("SESSION", TestMembers.signIn(this.web, ADMIN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		List<String> about = csv.lines().filter((line) -> line.contains(id)).toList();
		assertThat(about).hasSize(3);
		assertThat(about.get(2)).contains("moderation.approve");
		assertThat(about.get(1)).contains("moderation.hidden").contains("reported");
		assertThat(about.get(0)).contains("moderation.approve");
	}

	@Test
	void aVisitorReportsThroughTheFormAndTheCoordinatorSeesTheReport() {
		String id = (String) post(COORDINATOR, "Rollstuhlmoderation zu verleihen").get("id");
		this.web.get()
			.uri("/listings/" + id)
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("/listings/" + id + "/report"));
		EntityExchangeResult<String> form = this.web.get()
			.uri("/listings/" + id + "/report")
			.header("Accept-Language", "de")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		assertThat(form.getResponseBody()).contains("Rollstuhlmoderation").contains("Werbung oder Spam");
		Matcher token = CSRF.matcher(form.getResponseBody());
		assertThat(token.find()).isTrue();
		this.web.post()
			.uri("/listings/" + id + "/reports")
			.header("X-Forwarded-For", "198.51.100.141")
			.header("Accept-Language", "de")
			.cookie("XSRF-TOKEN", form.getResponseCookies().getFirst("XSRF-TOKEN").getValue())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("_csrf", token.group(1))
				.with("reason", "fraud")
				.with("text", "Verlangt Geld vorab"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Ihre Meldung. Die Ehrenamtskoordination"));
		this.web.post()
			.uri("/listings/" + id + "/reports")
			.header("X-Forwarded-For", "198.51.100.142")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("reason", "fraud"))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.web.post()
			.uri("/api/v1/listings/" + id + "/reports")
			.header("X-Forwarded-For", "198.51.100.143")
			.bodyValue(Map.of("reason", "spam", "text", "x".repeat(1001)))
			.exchange()
			.expectStatus()
			.isEqualTo(422);
		this.web.post()
			.uri("/api/v1/listings/" + id + "/reports")
			.headers(TestMembers.bearer("moderation-reader"))
			.bodyValue(Map.of("reason", "fraud"))
			.exchange()
			.expectStatus()
			.isAccepted();
		// Two reporters: still up, not in the queue.
		this.web.get().uri("/api/v1/listings/" + id).exchange().expectStatus().isOk();
		assertThat(queueItem(id)).isNull();
	}

	@Test
	void aStaleOrRepeatedDecisionIsRefusedWithAConflict() {
		String id = (String) post("moderation-stale-newcomer", "Nähmaschinenmoderation abzugeben").get("id");
		Object version = queueItem(id).get("version");
		decide(id, "REJECT", version, "commercial").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("REJECTED");
		decide(id, "APPROVE", version, null).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Jemand hat den Eintrag inzwischen geändert. Bitte laden Sie die Seite neu.");
		this.web.get().uri("/api/v1/listings/" + id).exchange().expectStatus().isNotFound();
	}

	@Test
	void aMemberWithAnApprovedListingPublishesDirectly() {
		String id = (String) post("moderation-trusted-newcomer", "Werkzeugkistenmoderation zu verleihen").get("id");
		decide(id, "APPROVE", queueItem(id).get("version"), null).expectStatus().isOk();
		assertThat(post("moderation-trusted-newcomer", "Werkzeugkistenmoderation zum Zweiten").get("status"))
			.isEqualTo("PUBLISHED");
	}

	@Test
	void aBlockedAuthorCannotPostUntilTheBlockEnds() {
		String author = "moderation-blocked-newcomer";
		String id = (String) post(author, "Kühlschrankmoderation günstig").get("id");
		Object version = queueItem(id).get("version");
		decide(id, "BLOCK", version, "commercial").expectStatus().isEqualTo(422);
		this.web.post()
			.uri("/api/v1/moderation/items/" + id + "/decision")
			.headers(TestMembers.bearer(COORDINATOR))
			.bodyValue(Map.of("decision", "BLOCK", "version", version, "reason", "commercial", "blockDays", 7))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("WITHDRAWN");
		this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer(author))
			.bodyValue(TestListings.offer("Kühlschrankmoderation noch einmal"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("moderation.blocked");
	}

	@Test
	void anAuthorBlockedForGoodCannotPostAgainAndTheAuditSaysSo() {
		String author = "moderation-blocked-for-good";
		String id = (String) post(author, "Gefälschte Wohnungsmoderation").get("id");
		Object version = queueItem(id).get("version");
		this.web.post()
			.uri("/api/v1/moderation/items/" + id + "/decision")
			.headers(TestMembers.bearer(COORDINATOR))
			.bodyValue(Map.of("decision", "BLOCK", "version", version, "reason", "spam", "blockDays", -1))
			.exchange()
			.expectStatus()
			.isEqualTo(422);
		this.web.post()
			.uri("/api/v1/moderation/items/" + id + "/decision")
			.headers(TestMembers.bearer(COORDINATOR))
			.bodyValue(Map.of("decision", "BLOCK", "version", version, "reason", "spam", "blockDays", 0))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("WITHDRAWN");
		this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer(author))
			.bodyValue(TestListings.offer("Gefälschte Wohnungsmoderation noch einmal"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("moderation.blocked");
		this.web.get()
			.uri("/admin/audit.csv")
			.cookie("SESSION", TestMembers.signIn(this.web, ADMIN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((csv) -> assertThat(csv.lines().filter((line) -> line.contains(id)))
				.anySatisfy((line) -> assertThat(line).contains("author blocked for good")));
	}

	@Test
	void aRejectionNeedsOneOfTheConfiguredReasons() {
		String id = (String) post("moderation-reason-newcomer", "Kinderwagenmoderation abzugeben").get("id");
		decide(id, "REJECT", queueItem(id).get("version"), "because").expectStatus().isEqualTo(422);
		assertThat(queueItem(id)).isNotNull();
	}

	@Test
	void onlyCoordinatorsSeeTheQueueAndOnlyAdminsTheAuditLog() {
		this.web.get()
			.uri("/api/v1/moderation/queue")
			.headers(TestMembers.bearer("moderation-plain-member"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.get().uri("/api/v1/moderation/queue").exchange().expectStatus().isUnauthorized();
		this.web.get()
			.uri("/moderation")
			.cookie("SESSION", TestMembers.signIn(this.web, "moderation-plain-member"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.get()
			.uri("/admin/audit")
			.cookie("SESSION", TestMembers.signIn(this.web, COORDINATOR))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.web.get()
			.uri("/admin/audit")
			.cookie("SESSION", TestMembers.signIn(this.web, ADMIN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("role.granted")
				.contains("/admin/audit.csv")
				.contains("href=\"/admin/audit\"")
				.contains("href=\"/moderation\""));
	}

	@Test
	void aCoordinatorApprovesFromTheQueuePageAndThePosterSawItWaiting() {
		String poster = "moderation-page-newcomer";
		String posterSession = TestMembers.signIn(this.web, poster);
		EntityExchangeResult<String> newForm = this.web.get()
			.uri("/listings/new")
			.cookie("SESSION", posterSession)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		Matcher formToken = CSRF.matcher(newForm.getResponseBody());
		assertThat(formToken.find()).isTrue();
		this.web.post()
			.uri("/listings")
			.cookie("SESSION", posterSession)
			.cookie("XSRF-TOKEN", newForm.getResponseCookies().getFirst("XSRF-TOKEN").getValue())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("_csrf", formToken.group(1))
				.with("kind", "OFFER")
				.with("title", "Bügelbrettmoderation zu verschenken")
				.with("description", "Eine Beschreibung, lang genug für die Regeln.")
				.with("topics", "mobility")
				.with("languages", "de")
				.with("textLanguage", "de")
				.with("place", "71634"))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.location("/my/listings?done=pending");
		this.web.get()
			.uri("/my/listings?done=pending")
			.cookie("SESSION", posterSession)
			.header("Accept-Language", "de")
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Bügelbrettmoderation")
				.contains("wird geprüft")
				.contains("Die Ehrenamtskoordination prüft jetzt Ihren Eintrag"));
		String id = queueIdOf("Bügelbrettmoderation zu verschenken");

		String session = TestMembers.signIn(this.web, COORDINATOR);
		EntityExchangeResult<String> page = this.web.get()
			.uri("/moderation?topic=mobility")
			.cookie("SESSION", session)
			.header("Accept-Language", "de")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		// Topics and languages as words a coordinator reads, not as codes.
		assertThat(page.getResponseBody()).contains("Bügelbrettmoderation")
			.contains("<p class=\"meta\">Mobilität (Fahrräder, Fahrten) · Deutsch</p>")
			.contains("href=\"/moderation\"")
			.doesNotContain("href=\"/admin/audit\"");
		Matcher token = CSRF.matcher(page.getResponseBody());
		assertThat(token.find()).isTrue();
		Object version = queueItem(id).get("version");
		this.web.post()
			.uri("/moderation/items/" + id + "/decision")
			.cookie("SESSION", session)
			.cookie("XSRF-TOKEN", page.getResponseCookies().getFirst("XSRF-TOKEN").getValue())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("_csrf", token.group(1))
				.with("decision", "APPROVE")
				.with("version", String.valueOf(version)))
			.exchange()
			.expectStatus()
			.is3xxRedirection();
		this.web.get().uri("/listings/" + id).exchange().expectStatus().isOk();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> mine(String author, String id, String language) {
		return this.web.get()
			.uri("/api/v1/me/listings")
			.headers(TestMembers.bearer(author))
			.header("Accept-Language", language)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(Map.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.map((listing) -> (Map<String, Object>) listing)
			.filter((listing) -> id.equals(listing.get("id")))
			.findFirst()
			.orElseThrow();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theAuthorReadsWhyTheirListingWasRejectedInTheirLanguage() {
		String author = "moderation-rejected-newcomer";
		String id = (String) post(author, "Sofamoderation zu verkaufen").get("id");
		assertThat(mine(author, id, "en")).doesNotContainKey("review");
		decide(id, "REJECT", queueItem(id).get("version"), "commercial").expectStatus().isOk();

		Map<String, Object> review = (Map<String, Object>) mine(author, id, "en").get("review");
		assertThat(review).containsEntry("decision", "REJECT")
			.containsEntry("reason", "commercial")
			.containsEntry("text", "Rejected: Commercial offer");
		assertThat((String) ((Map<String, Object>) mine(author, id, "ar").get("review")).get("text"))
			.startsWith("مرفوض: ")
			.doesNotContain("Commercial");
		this.web.get()
			.uri("/my/listings")
			.cookie("SESSION", TestMembers.signIn(this.web, author))
			.header("Accept-Language", "de")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Sofamoderation").contains("Abgelehnt: Gewerbliches Angebot"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void aCoordinatorAsksForChangesTheAuthorEditsAndTheListingReturnsToTheQueue() {
		String author = "moderation-changes-newcomer";
		String id = (String) post(author, "Regalmoderation abzugeben").get("id");
		Object version = queueItem(id).get("version");
		decide(id, "ASK_FOR_CHANGES", version, null).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("moderation.note");
		this.web.post()
			.uri("/api/v1/moderation/items/" + id + "/decision")
			.headers(TestMembers.bearer(COORDINATOR))
			.bodyValue(Map.of("decision", "ASK_FOR_CHANGES", "version", version, "note", "Bitte ohne Telefonnummer"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DRAFT");
		this.web.get().uri("/api/v1/listings/" + id).exchange().expectStatus().isNotFound();
		assertThat(queueItem(id)).as("a listing sent back is not in the queue").isNull();
		assertThat(((Map<String, Object>) mine(author, id, "en").get("review")).get("text"))
			.isEqualTo("Please change: Bitte ohne Telefonnummer");

		String session = TestMembers.signIn(this.web, author);
		this.web.get()
			.uri("/my/listings")
			.cookie("SESSION", session)
			.header("Accept-Language", "de")
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Bitte ändern: Bitte ohne Telefonnummer")
				.contains("/listings/" + id + "/edit"));
		EntityExchangeResult<String> form = this.web.get()
			.uri("/listings/" + id + "/edit")
			.cookie("SESSION", session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		Matcher token = CSRF.matcher(form.getResponseBody());
		assertThat(token.find()).isTrue();
		Matcher formVersion = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(form.getResponseBody());
		assertThat(formVersion.find()).isTrue();
		this.web.post()
			.uri("/listings/" + id + "/edit")
			.cookie("SESSION", session)
			.cookie("XSRF-TOKEN", form.getResponseCookies().getFirst("XSRF-TOKEN").getValue())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("_csrf", token.group(1))
				.with("kind", "OFFER")
				.with("title", "Regalmoderation abzugeben, geändert")
				.with("description", "Eine Beschreibung, lang genug für die Regeln.")
				.with("topics", "mobility")
				.with("languages", "de")
				.with("textLanguage", "de")
				.with("place", "71634")
				.with("version", formVersion.group(1)))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.location("/my/listings?done=pending");

		assertThat(queueItem(id)).as("the changed listing is back in the queue").isNotNull();
		assertThat(mine(author, id, "en")).containsEntry("status", "PENDING_REVIEW").doesNotContainKey("review");
		String csv = this.web.get()
			.uri("/admin/audit.csv")
			.cookie("SESSION", TestMembers.signIn(this.web, ADMIN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(csv.lines().filter((line) -> line.contains(id))).singleElement()
			.asString()
			.contains("moderation.ask_for_changes")
			.contains("Bitte ohne Telefonnummer");
	}

	@SuppressWarnings("unchecked")
	private List<String> queueIds(String coordinator) {
		return this.web.get()
			.uri("/api/v1/moderation/queue")
			.headers(TestMembers.bearer(coordinator))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(Map.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.map((item) -> (String) ((Map<String, Object>) item.get("item")).get("id"))
			.toList();
	}

	private WebTestClient.ResponseSpec scope(String as, Object accountId, List<String> areas) {
		return this.web.put()
			.uri("/api/v1/moderation/coordinators/" + accountId + "/areas")
			.headers(TestMembers.bearer(as))
			.bodyValue(Map.of("areas", areas))
			.exchange();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aCoordinatorScopedToAreasSeesAndDecidesOnlyListingsThere() {
		String scoped = "moderation-area-coordinator";
		Object scopedId = this.accounts
			.prepare(TestMembers.subject(scoped), "Gebietskoordination", List.of("de"), Set.of(Role.COORDINATOR))
			.block()
			.accountId();
		Map<String, Object> posted = post("moderation-area-newcomer", "Gartenmoderation abzugeben");
		String id = (String) posted.get("id");
		Map<String, Object> place = (Map<String, Object>) posted.get("place");

		scope(COORDINATOR, scopedId, List.of("Marbach am Neckar")).expectStatus().isForbidden();
		scope(ADMIN, scopedId, List.of(" Marbach am Neckar ", "Marbach am Neckar")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.areas.length()")
			.isEqualTo(1)
			.jsonPath("$.areas[0]")
			.isEqualTo("Marbach am Neckar");
		assertThat(queueIds(scoped)).as("outside the areas").doesNotContain(id);
		assertThat(queueIds(COORDINATOR)).as("the county office sees everything").contains(id);
		Object version = queueItem(id).get("version");
		this.web.post()
			.uri("/api/v1/moderation/items/" + id + "/decision")
			.headers(TestMembers.bearer(scoped))
			.bodyValue(Map.of("decision", "APPROVE", "version", version))
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(queueItem(id)).as("nothing was decided").isNotNull();

		scope(ADMIN, scopedId, List.of(((String) place.get("district")).toUpperCase(java.util.Locale.ROOT)))
			.expectStatus()
			.isOk();
		assertThat(queueIds(scoped)).as("in the district, in any case").contains(id);
		scope(ADMIN, scopedId, List.of((String) place.get("name"))).expectStatus().isOk();
		assertThat(queueIds(scoped)).as("in the municipality").contains(id);
		this.web.post()
			.uri("/api/v1/moderation/items/" + id + "/decision")
			.headers(TestMembers.bearer(scoped))
			.bodyValue(Map.of("decision", "APPROVE", "version", version))
			.exchange()
			.expectStatus()
			.isOk();

		String csv = this.web.get()
			.uri("/admin/audit.csv")
			.cookie("SESSION", TestMembers.signIn(this.web, ADMIN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(
				csv.lines().filter((line) -> line.contains("moderation.areas") && line.contains(scopedId.toString())))
			.hasSize(3);
		scope(ADMIN, scopedId, List.of()).expectStatus().isOk().expectBody().jsonPath("$.areas.length()").isEqualTo(0);
	}

	@Test
	void everyCommittedDecisionIsPublishedWithTheAuthorAndARefusedOneIsNot() {
		String author = "moderation-event-newcomer";
		Map<String, Object> posted = post(author, "Gitarrenmoderation abzugeben");
		String id = (String) posted.get("id");
		Object version = queueItem(id).get("version");
		decide(id, "REJECT", version, "commercial").expectStatus().isOk();
		decide(id, "APPROVE", version, null).expectStatus().isEqualTo(409);
		Object authorId = this.accounts.bySubject(TestMembers.subject(author)).block().accountId();
		assertThat(this.decided.stream().filter((event) -> event.listingId().toString().equals(id))).singleElement()
			.satisfies((event) -> {
				assertThat(event.decision()).isEqualTo(Decision.REJECT);
				assertThat(event.authorAccountId()).isEqualTo(authorId);
				assertThat(event.at()).isNotNull();
			});
	}

	@Test
	@SuppressWarnings("unchecked")
	void theAuthorIsToldInTheInterfaceLanguageStoredInTheirAccount() {
		String author = "moderation-english-newcomer";
		String id = (String) post(author, "Tischmoderation abzugeben").get("id");
		this.web.put()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer(author))
			.bodyValue(Map.of("displayName", "English Newcomer", "languages", List.of("en"), "interfaceLanguage", "en"))
			.exchange()
			.expectStatus()
			.isOk();
		decide(id, "REJECT", queueItem(id).get("version"), "commercial").expectStatus().isOk();

		assertThat(((Map<String, Object>) mine(author, id, "de").get("review")).get("text"))
			.as("the account's language wins over the request's")
			.isEqualTo("Rejected: Commercial offer");
		this.web.get()
			.uri("/my/listings")
			.cookie("SESSION", TestMembers.signIn(this.web, author))
			.header("Accept-Language", "de")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Tischmoderation").contains("Rejected: Commercial offer"));
		ListingDecided event = this.decided.stream()
			.filter((each) -> each.listingId().toString().equals(id))
			.findFirst()
			.orElseThrow();
		assertThat(this.decisionTexts.explain(event).block()).as("what a mail would say")
			.isEqualTo("Rejected: Commercial offer");
		assertThat(this.decisionTexts.reason("commercial", java.util.Locale.forLanguageTag("tr")))
			.doesNotContain("Commercial")
			.isNotBlank();
	}

	private WebTestClient.ResponseSpec editReason(String session, EntityExchangeResult<String> page, String code,
			Map<String, String> texts) {
		Matcher token = CSRF.matcher(page.getResponseBody());
		assertThat(token.find()).isTrue();
		var form = BodyInserters.fromFormData("_csrf", token.group(1));
		texts.forEach((language, text) -> form.with("text." + language, text));
		return this.web.post()
			.uri("/moderation/reasons/" + code)
			.cookie("SESSION", session)
			.cookie("XSRF-TOKEN", page.getResponseCookies().getFirst("XSRF-TOKEN").getValue())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.exchange();
	}

	@Test
	@SuppressWarnings("unchecked")
	void coordinatorsEditTheReasonsTextsAndAuthorsReadTheNewOnes() {
		String session = TestMembers.signIn(this.web, COORDINATOR);
		EntityExchangeResult<String> page = this.web.get()
			.uri("/moderation/reasons")
			.cookie("SESSION", session)
			.header("Accept-Language", "de")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		assertThat(page.getResponseBody()).as("seeded from the bundles")
			.contains("Nicht aus unserer Region")
			.contains("name=\"text.fa\"")
			.contains("dir=\"rtl\"")
			.contains("name=\"text.fa-AF\"")
			.contains(">دری<");
		Map<String, String> original = new java.util.LinkedHashMap<>();
		for (String language : InterfaceLanguages.CODES) {
			original.put(language, this.decisionTexts.reason("not-local", java.util.Locale.forLanguageTag(language)));
		}
		Map<String, String> edited = new java.util.LinkedHashMap<>(original);
		edited.put("en", "Not from the Testhausen county");
		edited.put("de", "Nicht aus dem Landkreis Testhausen");
		try {
			Map<String, String> missing = new java.util.LinkedHashMap<>(edited);
			missing.remove("tr");
			editReason(session, page, "not-local", missing).expectStatus()
				.is3xxRedirection()
				.expectHeader()
				.location("/moderation/reasons?invalid");
			assertThat(this.decisionTexts.reason("not-local", java.util.Locale.ENGLISH))
				.isEqualTo("Not from our region");
			editReason(session, page, "no-such-reason", edited).expectStatus()
				.is3xxRedirection()
				.expectHeader()
				.location("/moderation/reasons?invalid");
			editReason(session, page, "not-local", edited).expectStatus()
				.is3xxRedirection()
				.expectHeader()
				.location("/moderation/reasons?saved");

			String author = "moderation-reason-text-newcomer";
			String id = (String) post(author, "Schrankmoderation aus der Ferne").get("id");
			decide(id, "REJECT", queueItem(id).get("version"), "not-local").expectStatus().isOk();
			assertThat(((Map<String, Object>) mine(author, id, "en").get("review")).get("text"))
				.isEqualTo("Rejected: Not from the Testhausen county");
			this.web.get()
				.uri("/moderation")
				.cookie("SESSION", session)
				.header("Accept-Language", "de")
				.exchange()
				.expectBody(String.class)
				.value((html) -> assertThat(html).contains("Nicht aus dem Landkreis Testhausen"));
			String csv = this.web.get()
				.uri("/admin/audit.csv")
				.cookie("SESSION", TestMembers.signIn(this.web, ADMIN))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(
					csv.lines().filter((line) -> line.contains("moderation.reason-text") && line.contains("not-local")))
				.singleElement()
				.asString()
				.contains("en: Not from the Testhausen county")
				.doesNotContain("fa:");
		}
		finally {
			editReason(session, page, "not-local", original).expectStatus().is3xxRedirection();
		}
		this.web.get()
			.uri("/moderation/reasons")
			.cookie("SESSION", TestMembers.signIn(this.web, "moderation-plain-member"))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void adminsSetACoordinatorsAreasOnAPage() {
		Object coordinatorId = this.accounts
			.prepare(TestMembers.subject("moderation-page-area-coordinator"), "Seitengebietskoordination",
					List.of("de"), Set.of(Role.COORDINATOR))
			.block()
			.accountId();
		String session = TestMembers.signIn(this.web, ADMIN);
		EntityExchangeResult<String> page = this.web.get()
			.uri("/admin/coordinators")
			.cookie("SESSION", session)
			.header("Accept-Language", "de")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		assertThat(page.getResponseBody()).contains("Seitengebietskoordination")
			.contains("Moderation Koordination")
			.contains("/admin/coordinators/" + coordinatorId + "/areas")
			.contains("href=\"/admin/coordinators\"");
		Matcher token = CSRF.matcher(page.getResponseBody());
		assertThat(token.find()).isTrue();
		this.web.post()
			.uri("/admin/coordinators/" + coordinatorId + "/areas")
			.cookie("SESSION", session)
			.cookie("XSRF-TOKEN", page.getResponseCookies().getFirst("XSRF-TOKEN").getValue())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("_csrf", token.group(1))
				.with("areas", "Marbach am Neckar\r\n Ludwigsburg \r\n"))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.location("/admin/coordinators?saved");
		this.web.get()
			.uri("/admin/coordinators?saved")
			.cookie("SESSION", session)
			.header("Accept-Language", "de")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Die Gebiete sind gespeichert")
				.contains("Ludwigsburg\nMarbach am Neckar</textarea>"));
		this.web.post()
			.uri("/admin/coordinators/" + coordinatorId + "/areas")
			.cookie("SESSION", session)
			.cookie("XSRF-TOKEN", page.getResponseCookies().getFirst("XSRF-TOKEN").getValue())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("_csrf", token.group(1)).with("areas", "x".repeat(121)))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.location("/admin/coordinators?invalid");
		String csv = this.web.get()
			.uri("/admin/audit.csv")
			.cookie("SESSION", session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(csv.lines()
			.filter((line) -> line.contains("moderation.areas") && line.contains(coordinatorId.toString())))
			.singleElement()
			.asString()
			.contains("Ludwigsburg, Marbach am Neckar");
		this.web.get()
			.uri("/admin/coordinators")
			.cookie("SESSION", TestMembers.signIn(this.web, COORDINATOR))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@SuppressWarnings("unchecked")
	private List<String> queueIdsWhere(String query) {
		String name = query.substring(0, query.indexOf('='));
		String value = query.substring(query.indexOf('=') + 1);
		return this.web.get()
			.uri((uri) -> uri.path("/api/v1/moderation/queue").queryParam(name, "{value}").build(value))
			.headers(TestMembers.bearer(COORDINATOR))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(Map.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.map((item) -> (String) ((Map<String, Object>) item.get("item")).get("id"))
			.toList();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theQueueFiltersByDistrictTopicLanguageAndType() {
		Map<String, Object> body = TestListings.offer("Filtermoderation Fahrrad");
		body.put("topics", List.of("mobility/bikes"));
		Map<String, Object> posted = this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer("moderation-filter-newcomer"))
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String id = (String) posted.get("id");
		String district = (String) ((Map<String, Object>) posted.get("place")).get("district");
		assertThat(queueIdsWhere("topic=mobility")).as("a subtopic").contains(id);
		assertThat(queueIdsWhere("topic=mobility/bikes")).contains(id);
		assertThat(queueIdsWhere("topic=mobil")).as("not a prefix of a word").doesNotContain(id);
		assertThat(queueIdsWhere("topic=mobility%")).as("no LIKE patterns").doesNotContain(id);
		assertThat(queueIdsWhere("language=ar")).contains(id);
		assertThat(queueIdsWhere("language=uk")).doesNotContain(id);
		assertThat(queueIdsWhere("district=" + district.toUpperCase(java.util.Locale.ROOT))).contains(id);
		assertThat(queueIdsWhere("district=Nirgendwo")).doesNotContain(id);
		assertThat(queueIdsWhere("type=listing")).contains(id);
		assertThat(queueIdsWhere("type=activity")).doesNotContain(id);
	}

	@SuppressWarnings("unchecked")
	private String activityOfNewOrganisation(String founder, String title) {
		Map<String, Object> organisation = this.web.post()
			.uri("/api/v1/organisations")
			.headers(TestMembers.bearer(founder))
			.bodyValue(Map.of("name", title + " Verein " + java.util.UUID.randomUUID().toString().substring(0, 8),
					"type", "ASSOCIATION"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("organisation", organisation.get("id"));
		body.put("title", title);
		body.put("description", "Ein Treffen für alle, die kommen mögen, mit Kaffee und Kuchen.");
		body.put("languages", List.of("de"));
		body.put("place", "71634");
		body.put("date", java.time.LocalDate.now().plusDays(9).toString());
		body.put("startTime", "15:00");
		body.put("endTime", "17:00");
		body.put("recurrence", "NONE");
		Map<String, Object> created = this.web.post()
			.uri("/api/v1/activities")
			.headers(TestMembers.bearer(founder))
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(created.get("hidden")).as("hidden: true only while it waits")
			.isEqualTo(COORDINATOR.equals(founder) ? null : true);
		return (String) created.get("id");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aNewMembersActivityForAnUnverifiedOrganisationWaitsForReview() {
		String founder = "moderation-activity-newcomer";
		String id = activityOfNewOrganisation(founder, "Wartetreffmoderation");
		this.web.get().uri("/api/v1/activities/" + id).exchange().expectStatus().isNotFound();
		this.web.get()
			.uri("/activities/" + id)
			.cookie("SESSION", TestMembers.signIn(this.web, founder))
			.header("Accept-Language", "de")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Wartetreffmoderation").contains("wartet auf Pr"));
		Map<String, Object> item = queueItem(id);
		assertThat(item).as("waits in the queue").isNotNull();
		assertThat(item.get("type")).isEqualTo("activity");
		assertThat(item.get("reported")).isEqualTo(false);
		this.web.post()
			.uri("/api/v1/moderation/items/activity:" + id + "/decision")
			.headers(TestMembers.bearer(COORDINATOR))
			.bodyValue(Map.of("decision", "APPROVE"))
			.exchange()
			.expectStatus()
			.isOk();
		this.web.get().uri("/api/v1/activities/" + id).exchange().expectStatus().isOk();

		String direct = activityOfNewOrganisation(COORDINATOR, "Direkttreffmoderation");
		this.web.get().uri("/api/v1/activities/" + direct).exchange().expectStatus().isOk();
		assertThat(queueItem(direct)).isNull();
	}

	@Test
	void aReasonTextEditedOnAnotherInstanceShowsHereWithinASecond() throws InterruptedException {
		String original = this.decisionTexts.reason("duplicate", java.util.Locale.ENGLISH);
		try {
			// What another instance's edit leaves in PostgreSQL; this instance's snapshot
			// knows nothing of it.
			setReasonText("duplicate", "en", "Posted twice (edited elsewhere)");
			long started = System.nanoTime();
			while (!"Posted twice (edited elsewhere)"
				.equals(this.decisionTexts.reason("duplicate", java.util.Locale.ENGLISH))
					&& System.nanoTime() - started < java.time.Duration.ofSeconds(5).toNanos()) {
				Thread.sleep(50);
			}
			assertThat(this.decisionTexts.reason("duplicate", java.util.Locale.ENGLISH))
				.isEqualTo("Posted twice (edited elsewhere)");
			// Half a second between looks; a loaded test machine gets some slack beyond
			// the second.
			assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
				.isLessThan(java.time.Duration.ofSeconds(3));
		}
		finally {
			setReasonText("duplicate", "en", original);
		}
	}

	private void setReasonText(String code, String language, String text) {
		this.database
			.sql("insert into decision_reason_text (reason_code, language, text, updated_at) "
					+ "values (:code, :language, :text, now()) on conflict (reason_code, language) do update set "
					+ "text = excluded.text, updated_at = excluded.updated_at")
			.bind("code", code)
			.bind("language", language)
			.bind("text", text)
			.then()
			.block();
	}

}
