package de.pinnwand.listings.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import de.pinnwand.listings.Listings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@PinnwandTest
class ListingsApiTests {

	@Autowired
	private WebTestClient web;

	@Autowired
	private Listings listings;

	@Test
	void postsAListingAndReadsItBack() {
		String location = this.web.post()
			.uri("/api/v1/listings")
			.headers(de.pinnwand.TestMembers.bearer("tester"))
			.bodyValue(TestListings.offer("Fahrrad für Erwachsene"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.kind")
			.isEqualTo("OFFER")
			.jsonPath("$.status")
			.isEqualTo("PUBLISHED")
			.jsonPath("$.place.postcode")
			.isEqualTo("71634")
			.jsonPath("$.place.name")
			.isEqualTo("Ludwigsburg")
			.jsonPath("$.languages[1]")
			.isEqualTo("ar")
			.returnResult()
			.getResponseHeaders()
			.getLocation()
			.toString();
		this.web.get()
			.uri(location)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Fahrrad für Erwachsene");
	}

	@Test
	void refusesInvalidListingsWithLocalizedFieldErrorsAndStoresNothing() {
		long before = this.listings.count().block();
		Map<String, Object> body = TestListings.with(
				TestListings.with(TestListings.offer("<script>alert(1)</script>"), "place", "00000"), "topics",
				List.of("astrology"));
		this.web.post()
			.uri("/api/v1/listings")
			.headers(de.pinnwand.TestMembers.bearer("tester"))
			.header("Accept-Language", "ar")
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(422)
			.jsonPath("$.errors[?(@.field == 'title')].code")
			.isEqualTo("text.markup")
			.jsonPath("$.errors[?(@.field == 'place')].code")
			.isEqualTo("place.unknown")
			.jsonPath("$.errors[?(@.field == 'topics')].code")
			.isEqualTo("topics.unknown")
			.jsonPath("$.errors[?(@.field == 'place')].message")
			.value((message) -> assertThat(message.toString()).containsPattern("\\p{InArabic}"));
		assertThat(this.listings.count().block()).isEqualTo(before);
	}

	@Test
	void filesASubtopicUnderItsParentToo() {
		String location = this.web.post()
			.uri("/api/v1/listings")
			.headers(de.pinnwand.TestMembers.bearer("tester"))
			.bodyValue(TestListings.with(TestListings.offer("Unterthementest Sofa"), "topics",
					List.of("mobility", "donations/furniture", "donations/toys", "donations")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.topics")
			.isEqualTo(List.of("mobility", "donations", "donations/furniture", "donations/toys"))
			.returnResult()
			.getResponseHeaders()
			.getLocation()
			.toString();
		this.web.get()
			.uri(location)
			.exchange()
			.expectBody()
			.jsonPath("$.topics")
			.isEqualTo(List.of("mobility", "donations", "donations/furniture", "donations/toys"));
	}

	@Test
	void refusesUnknownSubtopicsWithTheLocalizedUnknownTopicError() {
		long before = this.listings.count().block();
		for (String topic : List.of("donations/castles", "flat-search", "housing/", "astrology/flat-search")) {
			this.web.post()
				.uri("/api/v1/listings")
				.headers(de.pinnwand.TestMembers.bearer("tester"))
				.header("Accept-Language", "uk")
				.bodyValue(TestListings.with(TestListings.offer("Unterthementest unbekannt"), "topics",
						List.of("housing", topic)))
				.exchange()
				.expectStatus()
				.isEqualTo(422)
				.expectBody()
				.jsonPath("$.errors[?(@.field == 'topics')].code")
				.isEqualTo("topics.unknown")
				.jsonPath("$.errors[?(@.field == 'topics')].message")
				.value((message) -> assertThat(message.toString()).as(topic).containsPattern("\\p{IsCyrillic}"));
		}
		assertThat(this.listings.count().block()).isEqualTo(before);
	}

	@Test
	void countsTopicsNotSubtopicsAgainstTheLimit() {
		List<String> fiveWithSubtopics = List.of("housing/flat-search", "housing/moving-help", "donations/furniture",
				"donations/clothes", "mobility/bikes", "work/job-search", "children/school", "children/childcare");
		this.web.post()
			.uri("/api/v1/listings")
			.headers(de.pinnwand.TestMembers.bearer("tester"))
			.bodyValue(
					TestListings.with(TestListings.offer("Unterthementest fünf Themen"), "topics", fiveWithSubtopics))
			.exchange()
			.expectStatus()
			.isCreated();
		this.web.post()
			.uri("/api/v1/listings")
			.headers(de.pinnwand.TestMembers.bearer("tester"))
			.bodyValue(TestListings.with(TestListings.offer("Unterthementest sechs Themen"), "topics",
					List.of("housing/flat-search", "donations/furniture", "mobility/bikes", "work/job-search",
							"children/school", "health/pregnancy")))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'topics')].code")
			.isEqualTo("topics.too-many");
	}

	@Test
	void refusesOverLongTextAndForeignPostcodes() {
		this.web.post()
			.uri("/api/v1/listings")
			.headers(de.pinnwand.TestMembers.bearer("tester"))
			.bodyValue(TestListings.with(TestListings.with(TestListings.offer("x".repeat(121)), "place", "1010 Wien"),
					"reachKm", 5000))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'title')].code")
			.isEqualTo("text.too-long")
			.jsonPath("$.errors[?(@.field == 'place')].code")
			.isEqualTo("place.unknown")
			.jsonPath("$.errors[?(@.field == 'reachKm')].code")
			.isEqualTo("reachKm.range");
	}

	@Test
	void answersMalformedJsonWithAProblemNotAStackTrace() {
		this.web.post()
			.uri("/api/v1/listings")
			.headers(de.pinnwand.TestMembers.bearer("tester"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"title\": ")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.value((body) -> assertThat(body).doesNotContain("Exception").doesNotContain("at de."));
		this.web.post()
			.uri("/api/v1/listings")
			.headers(de.pinnwand.TestMembers.bearer("tester"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"topics\": 5, \"languages\": {\"a\": 1}}")
			.exchange()
			.expectStatus()
			.is4xxClientError()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		this.web.post()
			.uri("/api/v1/listings")
			.headers(de.pinnwand.TestMembers.bearer("tester"))
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("hello")
			.exchange()
			.expectStatus()
			.isEqualTo(415);
	}

	@Test
	void answersUnknownIdsWithNotFound() {
		this.web.get()
			.uri("/api/v1/listings/" + UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		this.web.get().uri("/api/v1/listings/not-a-uuid").exchange().expectStatus().isNotFound();
		this.web.get()
			.uri("/listings/" + UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML);
	}

	@Test
	void storesARepeatedRequestWithTheSameIdempotencyKeyOnce() {
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = TestListings.offer("Nur einmal gespeichert");
		String first = this.web.post()
			.uri("/api/v1/listings")
			.headers(de.pinnwand.TestMembers.bearer("tester"))
			.header("Idempotency-Key", key)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();
		String second = this.web.post()
			.uri("/api/v1/listings")
			.headers(de.pinnwand.TestMembers.bearer("tester"))
			.header("Idempotency-Key", key)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();
		assertThat(second).isEqualTo(first);
		// The key is the member's own: another member using the same key posts a listing
		// of their own.
		String another = this.web.post()
			.uri("/api/v1/listings")
			.headers(de.pinnwand.TestMembers.bearer("idempotency-other"))
			.header("Idempotency-Key", key)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();
		assertThat(another).isNotEqualTo(first);
	}

}
