package de.pinnwand.search;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import de.pinnwand.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Saving a search and hearing about the new listings that fit it, and only those. */
@PinnwandTest
class SavedSearchesTests {

	@Autowired
	private WebTestClient web;

	private String post(String poster, Map<String, Object> body) {
		return this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer(poster))
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

	@Test
	@SuppressWarnings("unchecked")
	void tellsTheSaverOfNewListingsThatFitAndOfNoOthers() throws InterruptedException {
		this.web.post()
			.uri("/api/v1/me/searches")
			.headers(TestMembers.bearer("saver"))
			.bodyValue(Map.of("query", "q=Lastenfahrradverleih&topic=mobility&near=71634&radiusKm=10&page=3", "label",
					"Lastenrad"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.query")
			.isEqualTo("q=Lastenfahrradverleih&topic=mobility&near=71634&radiusKm=10");

		Map<String, Object> fitting = TestListings.with(TestListings.offer("Lastenfahrradverleih am Wochenende"),
				"place", "71636");
		String fits = post("saved-search-poster", fitting);
		String otherTopic = post("saved-search-poster", TestListings.with(
				TestListings.with(fitting, "topics", List.of("housing")), "title", "Lastenfahrradverleih für Umzüge"));
		String farAway = post("saved-search-poster", TestListings.with(TestListings.with(fitting, "place", "10115"),
				"title", "Lastenfahrradverleih in Berlin"));
		String otherWords = post("saved-search-poster",
				TestListings.with(fitting, "title", "Kinderwagen zu verschenken"));
		String own = post("saver", TestListings.with(fitting, "title", "Mein eigener Lastenfahrradverleih"));

		List<Map<String, Object>> hits = List.of();
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (hits.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(300);
			hits = this.web.get()
				.uri("/api/v1/me/searches/hits")
				.headers(TestMembers.bearer("saver"))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBodyList(Map.class)
				.returnResult()
				.getResponseBody()
				.stream()
				.map((hit) -> (Map<String, Object>) hit)
				.toList();
		}
		// Give the other listings the same time to be evaluated before concluding that
		// they did not fit.
		Thread.sleep(2000);
		List<Object> later = this.web.get()
			.uri("/api/v1/me/searches/hits")
			.headers(TestMembers.bearer("saver"))
			.exchange()
			.expectBodyList(Map.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.map((hit) -> hit.get("listing"))
			.map(Object.class::cast)
			.toList();
		assertThat(hits).extracting((hit) -> hit.get("listing")).containsExactly(fits);
		assertThat(later).doesNotContain(otherTopic, farAway, otherWords, own, fits);

		this.web.get()
			.uri("/my/searches?ui=en")
			.cookie("SESSION", TestMembers.signIn(this.web, "saver"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Lastenrad").contains("My saved searches"));
	}

	@Test
	void refusesAnEmptySearchAndLetsOnlyItsMemberDeleteOne() {
		this.web.post()
			.uri("/api/v1/me/searches")
			.headers(TestMembers.bearer("saver-two"))
			.header("Accept-Language", "en")
			.bodyValue(Map.of("query", "page=2&sort=newest"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("saved-search.empty");
		String id = this.web.post()
			.uri("/api/v1/me/searches")
			.headers(TestMembers.bearer("saver-two"))
			.bodyValue(Map.of("query", "kind=REQUEST&lang=ar"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();
		this.web.delete()
			.uri("/api/v1/me/searches/" + id)
			.headers(TestMembers.bearer("saver-stranger"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.delete()
			.uri("/api/v1/me/searches/" + id)
			.headers(TestMembers.bearer("saver-two"))
			.exchange()
			.expectStatus()
			.isNoContent();
		this.web.get()
			.uri("/api/v1/me/searches")
			.headers(TestMembers.bearer("saver-two"))
			.exchange()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(0);
	}

	@Test
	void offersToSaveTheSearchFromTheResultsPage() {
		this.web.get()
			.uri("/search?q=Nähmaschine&kind=OFFER&sort=newest&ui=de")
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("action=\"/my/searches/new\"")
				.contains("value=\"q&#x3D;N%C3%A4hmaschine&amp;kind&#x3D;OFFER\""));
	}

}
