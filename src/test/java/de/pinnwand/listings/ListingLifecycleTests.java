package de.pinnwand.listings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listing's life through the API: renew, edit with optimistic locking, fulfil,
 * withdraw, expire.
 */
@PinnwandTest
class ListingLifecycleTests {

	@Autowired
	private WebTestClient web;

	@Autowired
	private ListingService service;

	@Autowired
	private DatabaseClient database;

	/** A posted listing and the account that posted it. */
	private record Posted(String id, String poster) {
	}

	private Posted post(Map<String, Object> body) {
		EntityExchangeResult<Map> result = this.web.post()
			.uri("/api/v1/listings")
			.headers(de.pinnwand.TestMembers.bearer("tester"))
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult();
		return new Posted(result.getResponseBody().get("id").toString(), "tester");
	}

	@SuppressWarnings("unchecked")
	private boolean searchable(String word, String id) {
		var result = this.web.get().uri("/api/v1/listings?q=" + word).exchange().expectBody(Map.class).returnResult();
		var items = (List<Map<String, Object>>) result.getResponseBody().get("items");
		return items.stream().anyMatch((item) -> id.equals(((Map<String, Object>) item.get("listing")).get("id")));
	}

	private void await(String word, String id, boolean expected) throws InterruptedException {
		long start = System.nanoTime();
		while (searchable(word, id) != expected) {
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
			Thread.sleep(100);
		}
	}

	@Test
	void storesAWeeklyTimeFrameAndCapacity() {
		Map<String, Object> body = TestListings
			.with(TestListings.with(TestListings.offer("Hausaufgabenhilfe dienstags"), "timeFrame",
					Map.of("type", "WEEKLY", "weekday", 2, "from", "15:00", "to", "17:00")), "capacity", 3);
		Posted posted = post(body);
		this.web.get()
			.uri("/api/v1/listings/" + posted.id())
			.exchange()
			.expectBody()
			.jsonPath("$.timeFrame.type")
			.isEqualTo("WEEKLY")
			.jsonPath("$.timeFrame.weekday")
			.isEqualTo(2)
			.jsonPath("$.timeFrame.from")
			.isEqualTo("15:00")
			.jsonPath("$.capacity")
			.isEqualTo(3);
		this.web.get()
			.uri("/listings/" + posted.id())
			.header("Accept-Language", "en")
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("every Tuesday").contains("for 3 people"));
		this.web.get()
			.uri("/listings/" + posted.id())
			.header("Accept-Language", "de")
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("jeden Dienstag").contains("für 3 Personen"));
	}

	@Test
	void refusesDatesInThePastAndSlotsThatEndBeforeTheyStart() {
		String yesterday = LocalDate.now().minusDays(2).toString();
		this.web.post()
			.uri("/api/v1/listings")
			.headers(de.pinnwand.TestMembers.bearer("tester"))
			.bodyValue(TestListings.with(TestListings.offer("Termin gestern"), "timeFrame",
					Map.of("type", "DATE", "date", yesterday)))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("timeFrame.past");
		this.web.post()
			.uri("/api/v1/listings")
			.headers(de.pinnwand.TestMembers.bearer("tester"))
			.bodyValue(TestListings.with(TestListings.offer("Verkehrte Zeiten"), "timeFrame",
					Map.of("type", "WEEKLY", "weekday", 3, "from", "18:00", "to", "09:00")))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("timeFrame.hours");
		this.web.post()
			.uri("/api/v1/listings")
			.headers(de.pinnwand.TestMembers.bearer("tester"))
			.bodyValue(TestListings.with(TestListings.offer("Zu viele"), "capacity", 100000))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("capacity.range");
	}

	@Test
	void changesAListingOnlyForItsPosterAndAtItsCurrentVersion() {
		Posted posted = post(TestListings.offer("Versionierter Eintrag"));
		Map<String, Object> edit = TestListings.with(TestListings.offer("Versionierter Eintrag, geändert"), "version",
				0);
		// Someone else's listing answers exactly like a missing one; without a token the
		// API asks for one.
		this.web.put()
			.uri("/api/v1/listings/" + posted.id())
			.headers(de.pinnwand.TestMembers.bearer("someone-else"))
			.bodyValue(edit)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.put()
			.uri("/api/v1/listings/" + posted.id())
			.bodyValue(edit)
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.web.put()
			.uri("/api/v1/listings/" + posted.id())
			.headers(de.pinnwand.TestMembers.bearer(posted.poster()))
			.bodyValue(edit)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Versionierter Eintrag, geändert");
		this.web.put()
			.uri("/api/v1/listings/" + posted.id())
			.headers(de.pinnwand.TestMembers.bearer(posted.poster()))
			.bodyValue(TestListings.with(edit, "title", "Veraltete Änderung"))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
		this.web.get()
			.uri("/api/v1/listings/" + posted.id())
			.exchange()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Versionierter Eintrag, geändert");
	}

	@Test
	void takesFulfilledAndWithdrawnListingsOutOfSearch() throws InterruptedException {
		Posted fulfilled = post(TestListings.offer("Lebenszyklus Waschmaschine"));
		Posted withdrawn = post(TestListings.offer("Lebenszyklus Kühlschrank"));
		await("Lebenszyklus", fulfilled.id(), true);
		await("Lebenszyklus", withdrawn.id(), true);

		this.web.post()
			.uri("/api/v1/listings/" + fulfilled.id() + "/fulfilment")
			.headers(de.pinnwand.TestMembers.bearer(fulfilled.poster()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("FULFILLED");
		this.web.delete()
			.uri("/api/v1/listings/" + withdrawn.id())
			.headers(de.pinnwand.TestMembers.bearer(withdrawn.poster()))
			.exchange()
			.expectStatus()
			.isNoContent();

		await("Lebenszyklus", fulfilled.id(), false);
		await("Lebenszyklus", withdrawn.id(), false);
		this.web.get().uri("/api/v1/listings/" + withdrawn.id()).exchange().expectStatus().isNotFound();
	}

	@Test
	void expiresListingsWhoseTimeIsUpAndRenewsThem() throws InterruptedException {
		Posted posted = post(TestListings.offer("Ablaufender Eintrag Bügeleisen"));
		await("Bügeleisen", posted.id(), true);
		this.database.sql("update listing set expires_at = :past where id = :id")
			.bind("past", Instant.now().minusSeconds(60))
			.bind("id", UUID.fromString(posted.id()))
			.then()
			.block();
		assertThat(this.service.expireDue().block()).isGreaterThanOrEqualTo(1);
		this.web.get().uri("/api/v1/listings/" + posted.id()).exchange().expectStatus().isNotFound();

		this.web.post()
			.uri("/api/v1/listings/" + posted.id() + "/renewal")
			.headers(de.pinnwand.TestMembers.bearer(posted.poster()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PUBLISHED");
		await("Bügeleisen", posted.id(), true);
	}

}
