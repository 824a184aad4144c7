package de.pinnwand.accounts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import de.pinnwand.TestMembers;
import de.pinnwand.audit.AuditLog;
import de.pinnwand.listings.ListingService;
import de.pinnwand.listings.RetentionProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leaving Pinnwand (DSGVO Art. 17) and the retention sweep: what a member exported is
 * gone afterwards, from the database and from search, while the audit log keeps its
 * entries.
 */
@PinnwandTest
class AccountDeletionTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	private WebTestClient web;

	@Autowired
	private AuditLog audit;

	@Autowired
	private ListingService listings;

	@Autowired
	private RetentionProperties retention;

	@Autowired
	private DatabaseClient database;

	@Test
	@SuppressWarnings("unchecked")
	void deletingTheAccountRemovesTheirListingsSearchesAndSignInButKeepsTheAudit() throws InterruptedException {
		String name = "leaving-" + UUID.randomUUID();
		String word = "Abschiedsfahrrad" + Math.abs(name.hashCode());
		String listing = post(name, TestListings.with(TestListings.offer("Fahrrad " + word), "description",
				"Ein " + word + " für Ausflüge, gut in Schuss."));
		this.web.post()
			.uri("/api/v1/me/searches")
			.headers(TestMembers.bearer(name))
			.bodyValue(Map.of("query", "q=" + word))
			.exchange()
			.expectStatus()
			.isCreated();
		await(() -> found(word, listing), "the listing is searchable");
		Map<String, Object> before = export(name);
		UUID accountId = UUID.fromString((String) ((Map<String, Object>) before.get("profile")).get("id"));
		assertThat((List<Object>) before.get("listings")).hasSize(1);
		assertThat((List<Object>) before.get("savedSearches")).hasSize(1);

		this.web.delete().uri("/api/v1/me").headers(TestMembers.bearer(name)).exchange().expectStatus().isNoContent();

		this.web.get().uri("/api/v1/listings/" + listing).exchange().expectStatus().isNotFound();
		await(() -> !found(word, listing), "the listing has left the index");
		assertThat(count("select count(*) as n from saved_search where account_id = :id", accountId)).isZero();
		assertThat(count("select count(*) as n from account where id = :id", accountId)).isZero();
		assertThat(this.audit.about("account", accountId.toString()).map(AuditLog.Entry::action).collectList().block())
			.contains("account.created", "account.deleted");
		// The provider still vouches for the token: it signs in like a first time, to a
		// new and empty account.
		Map<String, Object> after = export(name);
		assertThat(((Map<String, Object>) after.get("profile")).get("id")).isNotEqualTo(accountId.toString());
		assertThat((List<Object>) after.get("listings")).isEmpty();
		assertThat((List<Object>) after.get("savedSearches")).isEmpty();
	}

	@Test
	void theAccountPageDeletesOnlyWithConfirmationAndEndsTheSession() {
		String name = "leaving-page-" + UUID.randomUUID();
		String listing = post(name, TestListings.offer("Bücherregal zu verschenken"));
		String session = TestMembers.signIn(this.web, name);
		EntityExchangeResult<String> page = this.web.get()
			.uri("/my/account")
			.cookie("SESSION", session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		assertThat(page.getResponseBody()).contains("action=\"/my/account/deletion\"");
		Matcher token = CSRF.matcher(page.getResponseBody());
		assertThat(token.find()).isTrue();
		String xsrf = page.getResponseCookies().getFirst("XSRF-TOKEN").getValue();

		this.web.post()
			.uri("/my/account/deletion")
			.cookie("SESSION", session)
			.cookie("XSRF-TOKEN", xsrf)
			.body(BodyInserters.fromFormData("_csrf", token.group(1)))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("confirm-error"));
		this.web.get().uri("/api/v1/listings/" + listing).exchange().expectStatus().isOk();

		this.web.post()
			.uri("/my/account/deletion")
			.cookie("SESSION", session)
			.cookie("XSRF-TOKEN", xsrf)
			.body(BodyInserters.fromFormData("_csrf", token.group(1)).with("confirm", "yes"))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.location("/?account-deleted");
		this.web.get().uri("/api/v1/listings/" + listing).exchange().expectStatus().isNotFound();
		this.web.get()
			.uri("/my/account")
			.cookie("SESSION", session)
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.value("Location", (location) -> assertThat(location).contains("/oauth2/authorization/"));
	}

	@Test
	void aLeavingMembersPlaceAtAnActivityGoesToTheFirstOneWaiting() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String founder = "leaving-cafe-founder-" + run;
		String organisation = (String) this.web.post()
			.uri("/api/v1/organisations")
			.headers(TestMembers.bearer(founder))
			.bodyValue(Map.of("name", "Abschiedscafé " + run, "type", "MEETING_PLACE"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(7);
		Map<String, Object> cafe = new java.util.LinkedHashMap<>();
		cafe.put("organisation", organisation);
		cafe.put("title", "Begegnungscafé");
		cafe.put("description", "Kaffee und Gespräche, jede Woche.");
		cafe.put("languages", List.of("de"));
		cafe.put("place", "71634");
		cafe.put("date", day.toString());
		cafe.put("startTime", "15:00");
		cafe.put("endTime", "17:00");
		cafe.put("recurrence", "NONE");
		cafe.put("capacity", 1);
		String activity = this.web.post()
			.uri("/api/v1/activities")
			.headers(TestMembers.bearer(founder))
			.bodyValue(cafe)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();
		String leaving = "leaving-guest-" + run;
		String waiting = "waiting-guest-" + run;
		for (String guest : List.of(leaving, waiting)) {
			this.web.post()
				.uri("/api/v1/activities/" + activity + "/signups")
				.headers(TestMembers.bearer(guest))
				.bodyValue(Map.of("occurrence", day.toString(), "sharedContact", "NONE"))
				.exchange()
				.expectStatus()
				.isCreated();
		}
		assertThat(status(waiting, activity)).isEqualTo("WAITING");

		this.web.delete()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer(leaving))
			.exchange()
			.expectStatus()
			.isNoContent();

		assertThat(status(waiting, activity)).isEqualTo("CONFIRMED");
	}

	private Object status(String member, String activity) {
		List<?> mine = this.web.get()
			.uri("/api/v1/activities/" + activity + "/signups/mine")
			.headers(TestMembers.bearer(member))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		return ((Map<?, ?>) mine.get(0)).get("status");
	}

	@Test
	void endedListingsArePurgedAfterTheRetentionPeriod() throws InterruptedException {
		String name = "retention-" + UUID.randomUUID();
		String withdrawn = post(name, TestListings.offer("Kinderwagen, nicht mehr gebraucht"));
		String recent = post(name, TestListings.offer("Kinderwagen, gerade zurückgezogen"));
		String fulfilled = post(name, TestListings.offer("Kinderwagen, schon vergeben"));
		for (String id : List.of(withdrawn, recent)) {
			this.web.delete()
				.uri("/api/v1/listings/" + id)
				.headers(TestMembers.bearer(name))
				.exchange()
				.expectStatus()
				.is2xxSuccessful();
		}
		this.web.post()
			.uri("/api/v1/listings/" + fulfilled + "/fulfilment")
			.headers(TestMembers.bearer(name))
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
		Duration longAgo = this.retention.purgeAfter().plusDays(1);
		this.database.sql("update listing set updated_at = now() - make_interval(days => :days) where id in (:a, :b)")
			.bind("days", (int) longAgo.toDays())
			.bind("a", UUID.fromString(withdrawn))
			.bind("b", UUID.fromString(fulfilled))
			.then()
			.block();

		assertThat(this.listings.purgeEnded(this.retention.purgeAfter()).block()).isGreaterThanOrEqualTo(1);

		assertThat(count("select count(*) as n from listing where id = :id", UUID.fromString(withdrawn))).isZero();
		assertThat(count("select count(*) as n from listing where id = :id", UUID.fromString(recent))).isOne();
		assertThat(count("select count(*) as n from listing where id = :id", UUID.fromString(fulfilled))).isOne();
		this.web.get()
			.uri("/api/v1/me/listings")
			.headers(TestMembers.bearer(name))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).doesNotContain(withdrawn).contains(recent));
		await(() -> count("select count(*) as n from search_outbox where listing_id = :id",
				UUID.fromString(withdrawn)) == 0, "the relay took the purged listing out of the index");
	}

	private String post(String member, Map<String, Object> body) {
		return this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer(member))
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> export(String member) {
		return this.web.get()
			.uri("/api/v1/me/export")
			.headers(TestMembers.bearer(member))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private boolean found(String word, String id) {
		Map<String, Object> page = this.web.get()
			.uri("/api/v1/listings?q=" + word)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((List<Map<String, Object>>) page.get("items")).stream()
			.anyMatch((item) -> id.equals(((Map<String, Object>) item.get("listing")).get("id")));
	}

	private long count(String sql, UUID id) {
		return this.database.sql(sql).bind("id", id).map((row, meta) -> row.get("n", Long.class)).one().block();
	}

	private static void await(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as(what).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

}
