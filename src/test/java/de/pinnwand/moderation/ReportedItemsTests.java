package de.pinnwand.moderation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestMembers;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.accounts.Role;
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
 * Organisations and activities can be reported like listings: at the threshold of
 * independent reporters they leave the lists and their pages, wait in the coordinators'
 * queue, and come back (or stay down) by a decision.
 */
@PinnwandTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportedItemsTests {

	private static final String COORDINATOR = "reported-items-coordinator";

	private static final String ADMIN = "reported-items-admin";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	private WebTestClient web;

	@Autowired
	private AccountService accounts;

	@Autowired
	private org.springframework.r2dbc.core.DatabaseClient database;

	@BeforeAll
	void coordinators() {
		this.accounts
			.prepare(TestMembers.subject(COORDINATOR), "Meldungen Koordination", List.of("de"),
					Set.of(Role.COORDINATOR))
			.block();
		this.accounts.prepare(TestMembers.subject(ADMIN), "Meldungen Admin", List.of("de"), Set.of(Role.ADMIN)).block();
	}

	@SuppressWarnings("unchecked")
	private String organisation(String admin, String name) {
		Map<String, Object> created = this.web.post()
			.uri("/api/v1/organisations")
			.headers(TestMembers.bearer(admin))
			.bodyValue(Map.of("name", name + " " + UUID.randomUUID().toString().substring(0, 8), "type", "ASSOCIATION",
					"postcode", "71634"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) created.get("id");
	}

	@SuppressWarnings("unchecked")
	private String activity(String admin, String organisation, String title) {
		LocalDate date = LocalDate.now().plusDays(7);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("organisation", organisation);
		body.put("title", title);
		body.put("description", "Kaffee, Kuchen und Gespräche für alle, die kommen mögen.");
		body.put("languages", List.of("de", "ar"));
		body.put("place", "71634");
		body.put("date", date.toString());
		body.put("startTime", "15:00");
		body.put("endTime", "17:00");
		body.put("recurrence", "NONE");
		Map<String, Object> created = this.web.post()
			.uri("/api/v1/activities")
			.headers(TestMembers.bearer(admin))
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) created.get("id");
	}

	private WebTestClient.ResponseSpec reportAsVisitor(String path, String address) {
		return this.web.post()
			.uri(path)
			.header("X-Forwarded-For", address)
			.bodyValue(Map.of("reason", "fraud", "text", "Verlangt Geld vorab"))
			.exchange();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> queueItem(String id) {
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
			.map((item) -> (Map<String, Object>) item)
			.filter((item) -> id.equals(((Map<String, Object>) item.get("item")).get("id")))
			.findFirst()
			.orElse(null);
	}

	private WebTestClient.ResponseSpec decide(String key, String decision, String reason) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("decision", decision));
		if (reason != null) {
			body.put("reason", reason);
		}
		return this.web.post()
			.uri("/api/v1/moderation/items/" + key + "/decision")
			.headers(TestMembers.bearer(COORDINATOR))
			.bodyValue(body)
			.exchange();
	}

	private boolean listed(String organisationId, String activityId) {
		String list = this.web.get()
			.uri("/api/v1/activities?organisation=" + organisationId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return list.contains(activityId);
	}

	@Test
	@SuppressWarnings("unchecked")
	void anActivityReportedByThreeVisitorsIsHiddenUntilACoordinatorRestoresIt() {
		String organisation = organisation("reported-activity-admin", "Meldetreff Verein");
		String id = activity("reported-activity-admin", organisation, "Meldecafé am Donnerstag");
		assertThat(listed(organisation, id)).isTrue();

		reportAsVisitor("/api/v1/activities/" + id + "/reports", "198.51.100.201").expectStatus().isAccepted();
		reportAsVisitor("/api/v1/activities/" + id + "/reports", "198.51.100.202").expectStatus().isAccepted();
		assertThat(queueItem(id)).as("two reporters are not enough").isNull();
		this.web.get().uri("/api/v1/activities/" + id).exchange().expectStatus().isOk();
		reportAsVisitor("/api/v1/activities/" + id + "/reports", "198.51.100.203").expectStatus().isAccepted();

		this.web.get().uri("/api/v1/activities/" + id).exchange().expectStatus().isNotFound();
		this.web.get().uri("/activities/" + id).exchange().expectStatus().isNotFound();
		assertThat(listed(organisation, id)).as("gone from the list").isFalse();
		this.web.get()
			.uri("/organisations/" + organisation + "/activities.ics")
			.exchange()
			.expectBody(String.class)
			.value((ics) -> assertThat(ics).doesNotContain("Meldecafé am Donnerstag"));
		reportAsVisitor("/api/v1/activities/" + id + "/reports", "198.51.100.204").expectStatus().isNotFound();
		this.web.post()
			.uri("/api/v1/activities/" + id + "/signups")
			.headers(TestMembers.bearer("reported-guest"))
			.bodyValue(Map.of("occurrence", LocalDate.now().plusDays(7).toString(), "sharedContact", "NONE"))
			.exchange()
			.expectStatus()
			.isNotFound();

		Map<String, Object> item = queueItem(id);
		assertThat(item).as("waits in the queue").isNotNull();
		assertThat(item.get("type")).isEqualTo("activity");
		assertThat(item.get("reported")).isEqualTo(true);
		assertThat((List<Object>) item.get("reports")).hasSize(3);
		assertThat((Map<String, Object>) item.get("item")).containsEntry("key", "activity:" + id)
			.containsEntry("visible", false)
			.containsEntry("title", "Meldecafé am Donnerstag");
		this.web.get()
			.uri("/api/v1/moderation/queue?type=organisation")
			.headers(TestMembers.bearer(COORDINATOR))
			.exchange()
			.expectBody(String.class)
			.value((json) -> assertThat(json).doesNotContain(id));
		this.web.get()
			.uri("/activities/" + id)
			.cookie("SESSION", TestMembers.signIn(this.web, COORDINATOR))
			.exchange()
			.expectStatus()
			.isOk();

		decide("activity:" + id, "REJECT", "commercial").expectStatus().isEqualTo(422);
		decide("activity:" + id, "APPROVE", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.visible")
			.isEqualTo(true);
		decide("activity:" + id, "APPROVE", null).expectStatus().isEqualTo(409);
		// Its author hears of it, in their language.
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
		String notices = "";
		while (!notices.contains("/activities/" + id) && System.nanoTime() < deadline) {
			notices = this.web.get()
				.uri("/api/v1/me/notifications?ui=de")
				.headers(TestMembers.bearer("reported-activity-admin"))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
		}
		assertThat(notices).contains("MODERATION_DECISION", "/activities/" + id,
				"Entscheidung zu Ihrem Eintrag „Meldecafé am Donnerstag“: freigegeben");
		this.web.get().uri("/api/v1/activities/" + id).exchange().expectStatus().isOk();
		assertThat(listed(organisation, id)).as("back in the list").isTrue();
		assertThat(queueItem(id)).isNull();

		String csv = this.web.get()
			.uri("/admin/audit.csv")
			.cookie("SESSION", TestMembers.signIn(this.web, ADMIN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		List<String> about = csv.lines().filter((line) -> line.contains(id) && line.contains("moderation.")).toList();
		assertThat(about).hasSize(2);
		assertThat(String.join("\n", about)).contains("moderation.hidden").contains("moderation.approve");
	}

	@Test
	void oneAddressFloodingReportsCannotHideAnOrganisation() {
		String id = organisation("reported-flood-admin", "Flutverein");
		for (int i = 0; i < 10; i++) {
			reportAsVisitor("/api/v1/organisations/" + id + "/reports", "198.51.100.211").expectStatus().isAccepted();
		}
		reportAsVisitor("/api/v1/organisations/" + id + "/reports", "198.51.100.211").expectStatus().isEqualTo(429);
		this.web.post()
			.uri("/api/v1/organisations/" + id + "/reports")
			.headers(TestMembers.bearer("reported-flood-member"))
			.bodyValue(Map.of("reason", "spam"))
			.exchange()
			.expectStatus()
			.isAccepted();
		this.web.get().uri("/api/v1/organisations/" + id).exchange().expectStatus().isOk();
		assertThat(queueItem(id)).as("two reporters, however many reports").isNull();
		this.web.post()
			.uri("/api/v1/organisations/" + id + "/reports")
			.header("X-Forwarded-For", "198.51.100.212")
			.bodyValue(Map.of("reason", "because"))
			.exchange()
			.expectStatus()
			.isEqualTo(422);
		this.web.post()
			.uri("/api/v1/organisations/" + UUID.randomUUID() + "/reports")
			.header("X-Forwarded-For", "198.51.100.212")
			.bodyValue(Map.of("reason", "spam"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.post()
			.uri("/api/v1/organisations/not-an-id/reports")
			.header("X-Forwarded-For", "198.51.100.212")
			.bodyValue(Map.of("reason", "spam"))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void visitorsReportAnOrganisationThroughItsPageAndACoordinatorClosesIt() {
		String id = organisation("reported-page-admin", "Formularverein");
		this.web.get()
			.uri("/organisations/" + id)
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("/organisations/" + id + "/report"));
		for (String address : List.of("198.51.100.221", "198.51.100.222", "198.51.100.223")) {
			EntityExchangeResult<String> form = this.web.get()
				.uri("/organisations/" + id + "/report")
				.header("X-Forwarded-For", address)
				.header("Accept-Language", "de")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult();
			assertThat(form.getResponseBody()).contains("Formularverein")
				.contains("Inhalt melden")
				.contains("action=\"/organisations/" + id + "/reports\"");
			Matcher token = CSRF.matcher(form.getResponseBody());
			assertThat(token.find()).isTrue();
			this.web.post()
				.uri("/organisations/" + id + "/reports")
				.header("X-Forwarded-For", address)
				.header("Accept-Language", "de")
				.cookie("XSRF-TOKEN", form.getResponseCookies().getFirst("XSRF-TOKEN").getValue())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(BodyInserters.fromFormData("_csrf", token.group(1)).with("reason", "fraud"))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.value((html) -> assertThat(html).contains("Ihre Meldung. Die Ehrenamtskoordination"));
		}
		this.web.post()
			.uri("/organisations/" + id + "/reports")
			.header("X-Forwarded-For", "198.51.100.224")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("reason", "fraud"))
			.exchange()
			.expectStatus()
			.isForbidden();

		this.web.get().uri("/organisations/" + id).exchange().expectStatus().isNotFound();
		this.web.get().uri("/api/v1/organisations/" + id).exchange().expectStatus().isNotFound();
		this.web.get()
			.uri("/api/v1/organisations")
			.exchange()
			.expectBody(String.class)
			.value((json) -> assertThat(json).doesNotContain(id));

		String session = TestMembers.signIn(this.web, COORDINATOR);
		EntityExchangeResult<String> page = this.web.get()
			.uri("/moderation?type=organisation")
			.cookie("SESSION", session)
			.header("Accept-Language", "de")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		assertThat(page.getResponseBody()).contains("Formularverein")
			.contains("Betrug")
			.contains("/moderation/items/organisation:" + id + "/decision")
			.contains("Wieder anzeigen");
		Matcher token = CSRF.matcher(page.getResponseBody());
		assertThat(token.find()).isTrue();
		this.web.post()
			.uri("/moderation/items/organisation:" + id + "/decision")
			.cookie("SESSION", session)
			.cookie("XSRF-TOKEN", page.getResponseCookies().getFirst("XSRF-TOKEN").getValue())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("_csrf", token.group(1)).with("decision", "CLOSE").with("reason", "spam"))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.location("/moderation?done=close");
		assertThat(queueItem(id)).isNull();
		this.web.get().uri("/api/v1/organisations/" + id).exchange().expectStatus().isNotFound();
	}

	@Test
	void aMembersReportsAreInTheirDataExportAndNoOneElses() {
		String id = organisation("reported-export-admin", "Exportverein");
		this.web.post()
			.uri("/api/v1/organisations/" + id + "/reports")
			.headers(TestMembers.bearer("reported-exporter"))
			.bodyValue(Map.of("reason", "personal-data", "text", "Exportmeldung mit Telefonnummer"))
			.exchange()
			.expectStatus()
			.isAccepted();
		this.web.get()
			.uri("/api/v1/me/export")
			.headers(TestMembers.bearer("reported-exporter"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.reports[0].type")
			.isEqualTo("organisation")
			.jsonPath("$.reports[0].id")
			.isEqualTo(id)
			.jsonPath("$.reports[0].reason")
			.isEqualTo("personal-data")
			.jsonPath("$.reports[0].text")
			.isEqualTo("Exportmeldung mit Telefonnummer");
		this.web.get()
			.uri("/api/v1/me/export")
			.headers(TestMembers.bearer("reported-export-admin"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((json) -> assertThat(json).doesNotContain("Exportmeldung"));

		UUID reporter = this.accounts.bySubject(TestMembers.subject("reported-exporter")).block().accountId();
		this.web.delete()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer("reported-exporter"))
			.exchange()
			.expectStatus()
			.isNoContent();
		assertThat(this.database.sql("select count(*) as n from item_report where reporter = :reporter")
			.bind("reporter", "account:" + reporter)
			.map((row, meta) -> row.get("n", Long.class))
			.one()
			.block()).as("a member who left is not named in their reports").isZero();
		assertThat(this.database.sql("select count(*) as n from item_report where item_id = :item")
			.bind("item", UUID.fromString(id))
			.map((row, meta) -> row.get("n", Long.class))
			.one()
			.block()).as("the report still counts").isEqualTo(1);
	}

}
