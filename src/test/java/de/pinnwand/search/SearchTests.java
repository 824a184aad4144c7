package de.pinnwand.search;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@PinnwandTest
class SearchTests {

	@Autowired
	private WebTestClient web;

	private String post(Map<String, Object> body) {
		return this.web.post()
			.uri("/api/v1/listings")
			.headers(de.pinnwand.TestMembers.bearer("tester"))
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
	private List<Map<String, Object>> items(String query) {
		Map<String, Object> page = this.web.get()
			.uri("/api/v1/listings?" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (List<Map<String, Object>>) page.get("items");
	}

	@SuppressWarnings("unchecked")
	private boolean found(String query, String id) {
		return items(query).stream()
			.anyMatch((item) -> id.equals(((Map<String, Object>) item.get("listing")).get("id")));
	}

	/**
	 * Polls until the listing is found, and says how long it took; the index refreshes
	 * every second.
	 */
	private Duration awaitFound(String query, String id) throws InterruptedException {
		long start = System.nanoTime();
		while (!found(query, id)) {
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("searchable in time")
				.isLessThan(Duration.ofSeconds(10));
			Thread.sleep(100);
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	@Test
	void findsANewListingWithinTwoSeconds() throws InterruptedException {
		String id = post(TestListings.offer("Nähmaschine abzugeben Zickzack"));
		assertThat(awaitFound("q=Zickzack", id)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void findsGermanWordsByTheirFormsAndCompoundsByTheirParts() throws InterruptedException {
		String id = post(TestListings.with(TestListings.offer("Kinderfahrräder und Wohnungssuche"), "topics",
				List.of("mobility", "housing")));
		awaitFound("q=Kinderfahrräder", id);
		assertThat(found("q=Fahrrad", id)).as("compound part, other form").isTrue();
		String single = post(TestListings.offer("Kinderfahrrad 20 Zoll abzugeben"));
		awaitFound("q=Kinderfahrrad", single);
		assertThat(found("q=Fahrräder", single)).as("inflected query word, part of a compound").isTrue();
		assertThat(found("q=wohnung", id)).as("compound part").isTrue();
	}

	@Test
	void findsArabicTextWithAndWithoutDiacritics() throws InterruptedException {
		String id = post(TestListings.with(
				TestListings.with(TestListings.offer("دروس في المدرسة للأطفال"), "textLanguage", "ar"), "description",
				"مساعدة في الواجبات المدرسية بعد الظهر"));
		awaitFound("q=مدرسة", id);
		assertThat(found("q=" + "مَدْرَسَة", id)).isTrue();
	}

	@Test
	void filtersByKindTopicLanguageAndDistance() throws InterruptedException {
		String near = post(TestListings.with(
				TestListings.with(TestListings.offer("Begegnungscafé Filtertest"), "topics", List.of("meeting-places")),
				"languages", List.of("uk")));
		String far = post(TestListings
			.with(TestListings.with(TestListings.with(TestListings.offer("Begegnungscafé Filtertest in Hamburg"),
					"topics", List.of("meeting-places")), "languages", List.of("uk")), "place", "20095"));
		awaitFound("q=Filtertest", near);
		awaitFound("q=Filtertest", far);
		assertThat(found("q=Filtertest&near=71634&radiusKm=20", near)).isTrue();
		assertThat(found("q=Filtertest&near=71634&radiusKm=20", far)).isFalse();
		assertThat(found("q=Filtertest&lang=uk&topic=meeting-places&kind=OFFER", near)).isTrue();
		assertThat(found("q=Filtertest&lang=ar", near)).isFalse();
		assertThat(found("q=Filtertest&kind=REQUEST", near)).isFalse();
		this.web.get()
			.uri("/api/v1/listings?q=Filtertest&near=71634&sort=distance")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].listing.id")
			.isEqualTo(near)
			.jsonPath("$.items[0].distanceKm")
			.isNumber()
			.jsonPath("$.facets.topics[?(@.value == 'meeting-places')].count")
			.isEqualTo(List.of(1));
	}

	@Test
	@SuppressWarnings("unchecked")
	void countsEachFacetWithTheOtherFiltersApplied() throws InterruptedException {
		String a = post(TestListings.with(
				TestListings.with(TestListings.offer("Facettentest eins"), "topics", List.of("mobility")), "languages",
				List.of("ar")));
		String b = post(TestListings.with(
				TestListings.with(TestListings.offer("Facettentest zwei"), "topics", List.of("mobility")), "languages",
				List.of("ar", "de")));
		String c = post(TestListings.with(
				TestListings.with(TestListings.offer("Facettentest drei"), "topics", List.of("housing")), "languages",
				List.of("uk")));
		awaitFound("q=Facettentest", a);
		awaitFound("q=Facettentest", b);
		awaitFound("q=Facettentest", c);
		Map<String, Object> page = this.web.get()
			.uri("/api/v1/listings?q=Facettentest&topic=mobility")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(((Number) page.get("total")).intValue()).isEqualTo(2);
		Map<String, List<Map<String, Object>>> facets = (Map<String, List<Map<String, Object>>>) page.get("facets");
		assertThat(count(facets.get("topics"), "housing")).as("other topics stay countable").isEqualTo(1);
		assertThat(count(facets.get("topics"), "mobility")).isEqualTo(2);
		assertThat(count(facets.get("languages"), "ar")).as("languages counted within the chosen topic").isEqualTo(2);
		assertThat(count(facets.get("languages"), "uk")).isZero();
		this.web.get()
			.uri("/api/v1/listings?q=Facettentest&district=Landkreis Ludwigsburg&district=Nirgendwo")
			.exchange()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(3);
	}

	@Test
	void findsASubtopicsListingsByTheSubtopicAndByItsParent() throws InterruptedException {
		String flat = post(TestListings.with(TestListings.offer("Kolibri Wohnung gesucht"), "topics",
				List.of("housing/flat-search")));
		String moving = post(TestListings.with(TestListings.offer("Kolibri Umzugshilfe"), "topics",
				List.of("housing/moving-help", "mobility")));
		String housing = post(
				TestListings.with(TestListings.offer("Kolibri Wohnen allgemein"), "topics", List.of("housing")));
		awaitFound("q=Kolibri", flat);
		awaitFound("q=Kolibri", moving);
		awaitFound("q=Kolibri", housing);
		assertThat(ids("q=Kolibri&topic=housing")).containsExactlyInAnyOrder(flat, moving, housing);
		assertThat(ids("q=Kolibri&topic=housing/flat-search")).containsExactly(flat);
		assertThat(ids("q=Kolibri&topic=housing/flat-search,housing/moving-help")).containsExactlyInAnyOrder(flat,
				moving);
		assertThat(ids("q=Kolibri&topic=housing/castles")).as("an unknown code is no filter").hasSize(3);
		this.web.get()
			.uri("/search?q=Kolibri&topic=housing/flat-search&ui=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("/listings/" + flat)
				.doesNotContain("/listings/" + moving)
				.contains("Housing and moving: Finding a flat"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void countsTheChosenTopicsSubtopicsAsANestedFacet() throws InterruptedException {
		String a = post(TestListings.with(TestListings.offer("Zaunkönig Sofa"), "topics",
				List.of("donations/furniture", "donations/household")));
		String b = post(
				TestListings.with(TestListings.offer("Zaunkönig Regal"), "topics", List.of("donations/furniture")));
		String c = post(TestListings.with(TestListings.offer("Zaunkönig Spenden"), "topics", List.of("donations")));
		String d = post(
				TestListings.with(TestListings.offer("Zaunkönig Fahrrad"), "topics", List.of("mobility/bikes")));
		for (String id : List.of(a, b, c, d)) {
			awaitFound("q=Zaunkönig", id);
		}
		Map<String, List<Map<String, Object>>> none = facets("q=Zaunkönig");
		assertThat(none.get("subtopics")).as("no topic chosen, no nested facet").isEmpty();
		assertThat(count(none.get("topics"), "donations")).isEqualTo(3);
		assertThat(count(none.get("topics"), "mobility")).isEqualTo(1);
		assertThat(none.get("topics")).as("the topic facet counts parent topics only")
			.noneMatch((value) -> value.get("value").toString().contains("/"));

		Map<String, List<Map<String, Object>>> donations = facets("q=Zaunkönig&topic=donations");
		assertThat(count(donations.get("subtopics"), "donations/furniture")).isEqualTo(2);
		assertThat(count(donations.get("subtopics"), "donations/household")).isEqualTo(1);
		assertThat(donations.get("subtopics")).as("only the chosen topic's sub-topics, only those with listings")
			.extracting((value) -> value.get("value"))
			.containsExactlyInAnyOrder("donations/furniture", "donations/household");
		assertThat(count(donations.get("topics"), "mobility")).as("other topics stay countable").isEqualTo(1);

		Map<String, List<Map<String, Object>>> furniture = facets("q=Zaunkönig&topic=donations/furniture");
		assertThat(count(furniture.get("subtopics"), "donations/household")).as("sibling sub-topics stay countable")
			.isEqualTo(1);
		assertThat(count(furniture.get("subtopics"), "donations/furniture")).isEqualTo(2);
		assertThat(count(furniture.get("topics"), "donations")).isEqualTo(3);

		this.web.get()
			.uri("/search?q=Zaunkönig&topic=donations&ui=en")
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html)
				.containsPattern("aria-current=\"true\">Furniture, clothes and other donations</a> "
						+ "<span class=\"count\">\\(3\\)</span>\\s*<ul class=\"subfacet\">")
				.containsPattern("href=\"[^\"]*topic&#x3D;donations/furniture[^\"]*\">Furniture</a> "
						+ "<span class=\"count\">\\(2\\)</span>")
				.contains(">Household items</a> <span class=\"count\">(1)</span>")
				.doesNotContain(">Toys</a>"));
		this.web.get()
			.uri("/search?q=Zaunkönig&ui=en")
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).doesNotContain("subfacet"));
	}

	@SuppressWarnings("unchecked")
	private List<String> ids(String query) {
		return items(query).stream()
			.map((item) -> ((Map<String, Object>) item.get("listing")).get("id").toString())
			.toList();
	}

	@SuppressWarnings("unchecked")
	private Map<String, List<Map<String, Object>>> facets(String query) {
		return (Map<String, List<Map<String, Object>>>) this.web.get()
			.uri("/api/v1/listings?" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("facets");
	}

	private static long count(List<Map<String, Object>> facet, String value) {
		return facet.stream()
			.filter((f) -> value.equals(f.get("value")))
			.mapToLong((f) -> ((Number) f.get("count")).longValue())
			.findFirst()
			.orElse(0);
	}

	@Test
	void filtersByTimeOfWeekAndDay() throws InterruptedException {
		String saturdayEvening = post(TestListings.with(TestListings.offer("Wochenslottest Samstag"), "timeFrame",
				Map.of("type", "WEEKLY", "weekday", 6, "from", "18:00", "to", "21:00")));
		String tuesdayMorning = post(TestListings.with(TestListings.offer("Wochenslottest Dienstag"), "timeFrame",
				Map.of("type", "WEEKLY", "weekday", 2, "from", "09:00", "to", "11:00")));
		String flexible = post(TestListings.with(TestListings.offer("Wochenslottest flexibel"), "timeFrame",
				Map.of("type", "FLEXIBLE")));
		awaitFound("q=Wochenslottest", saturdayEvening);
		awaitFound("q=Wochenslottest", tuesdayMorning);
		awaitFound("q=Wochenslottest", flexible);
		assertThat(found("q=Wochenslottest&when=weekend&when=evening", saturdayEvening)).isTrue();
		assertThat(found("q=Wochenslottest&when=weekend", tuesdayMorning)).isFalse();
		assertThat(found("q=Wochenslottest&when=weekend", flexible)).as("flexible fits any time").isTrue();
		assertThat(found("q=Wochenslottest&when=morning", tuesdayMorning)).isTrue();
		assertThat(found("q=Wochenslottest&when=morning", saturdayEvening)).isFalse();
	}

	@Test
	void keepsANonLatinQueryInTheFacetAndPageLinks() throws InterruptedException {
		String id = post(TestListings.with(
				TestListings.with(TestListings.offer("Kodiertest مساعدة في الترجمة"), "textLanguage", "ar"),
				"languages", List.of("ar")));
		awaitFound("q=Kodiertest", id);
		String html = this.web.get()
			.uri("/search?q={q}", "Kodiertest مساعدة")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(html).contains("q&#x3D;Kodiertest%20%D9%85%D8%B3%D8%A7%D8%B9%D8%AF%D8%A9").doesNotContain("%25D9");
	}

	@Test
	void ranksTheNearerOfTwoEqualListingsFirst() throws InterruptedException {
		String far = post(TestListings.with(TestListings.offer("Rangtest Nähe"), "place", "71665"));
		String near = post(TestListings.with(TestListings.offer("Rangtest Nähe"), "place", "71634"));
		awaitFound("q=Rangtest", far);
		awaitFound("q=Rangtest", near);
		this.web.get()
			.uri("/api/v1/listings?q=Rangtest&near=71634&radiusKm=50")
			.exchange()
			.expectBody()
			.jsonPath("$.items[0].listing.id")
			.isEqualTo(near)
			.jsonPath("$.items[1].listing.id")
			.isEqualTo(far);
	}

	@Test
	void toleratesASmallTypo() throws InterruptedException {
		String id = post(TestListings.offer("Deutschkurs für Anfänger am Abend"));
		awaitFound("q=Deutschkurs", id);
		assertThat(found("q=Deutschkurz", id)).isTrue();
	}

	@Test
	void findsTheCorrectedSpellingAndOffersIt() throws InterruptedException {
		String id = post(TestListings.offer("Hilfe beim Umzug gesucht"));
		awaitFound("q=Umzug", id);
		// Two typos in a short word are more than fuzzy matching allows, but 'umsuk' is
		// no word of the index, and
		// 'umzug' is its closest one: the listings of the corrected query are shown, and
		// the correction offered.
		// Other tests' moving listings share the index, so this one need not be first.
		assertThat(found("q=Umsuk", id)).isTrue();
		this.web.get()
			.uri("/api/v1/listings?q=Umsuk")
			.exchange()
			.expectBody()
			.jsonPath("$.didYouMean")
			.isEqualTo("umzug");
		this.web.get()
			.uri("/search?q=Umsuk&ui=en")
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Did you mean:").contains("q&#x3D;umzug"));
	}

	@Test
	void offersNoCorrectionWhenEveryWordIsKnown() throws InterruptedException {
		String id = post(TestListings.offer("Hilfe beim Umzug gesucht"));
		awaitFound("q=Umzug", id);
		this.web.get().uri("/api/v1/listings?q=Umzug").exchange().expectBody().jsonPath("$.didYouMean").doesNotExist();
	}

	@Test
	void findsACompoundWhosePartIsMisspelled() throws InterruptedException {
		String whole = post(TestListings.with(TestListings.offer("Quarkdose aus Glas abzugeben"), "description",
				"Eine Quarkdose mit Deckel, gut erhalten."));
		String compound = post(TestListings.offer("Kinderquarkdose zu verschenken"));
		awaitFound("q=Quarkdose", whole);
		awaitFound("q=Kinderquarkdose", compound);
		// 'Qarkdose' is one edit from the whole word 'Quarkdose', but only a part of
		// 'Kinderquarkdose': fuzzy
		// matching compares whole words, so only the correction finds the compound.
		assertThat(found("q=Qarkdose", compound)).isTrue();
		assertThat(found("q=Qarkdose", whole)).isTrue();
	}

	@Test
	void suggestsTopicsPlacesAndTitlesWhileTyping() throws InterruptedException {
		String id = post(TestListings.offer("Vorschlagtest Kinderwagen abzugeben"));
		awaitFound("q=Vorschlagtest", id);
		this.web.get()
			.uri("/api/v1/suggestions?q=Vorschlag")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.titles[0]")
			.isEqualTo("Vorschlagtest Kinderwagen abzugeben");
		this.web.get()
			.uri("/api/v1/suggestions?q=Ludwigsb")
			.exchange()
			.expectBody()
			.jsonPath("$.places[0].name")
			.isEqualTo("Ludwigsburg");
		this.web.get()
			.uri("/api/v1/suggestions?q=gesund")
			.header("Accept-Language", "de")
			.exchange()
			.expectBody()
			.jsonPath("$.topics[0].code")
			.isEqualTo("health");
		this.web.get().uri("/api/v1/suggestions?q=" + "x".repeat(5000)).exchange().expectStatus().isOk();
	}

	@Test
	@SuppressWarnings("unchecked")
	void pagesDeepWithACursorInAStableOrder() throws InterruptedException {
		List<String> posted = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			posted.add(post(TestListings.offer("Cursortest Eintrag " + i)));
		}
		for (String id : posted) {
			awaitFound("q=Cursortest&size=50", id);
		}
		List<String> seen = new java.util.ArrayList<>();
		String after = null;
		for (int page = 0; page < 10; page++) {
			Map<String, Object> body = this.web.get()
				.uri("/api/v1/listings?q=Cursortest&sort=newest&size=2" + ((after != null) ? "&after=" + after : ""))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			((List<Map<String, Object>>) body.get("items"))
				.forEach((item) -> seen.add(((Map<String, Object>) item.get("listing")).get("id").toString()));
			after = (String) body.get("next");
			if (after == null) {
				break;
			}
		}
		assertThat(seen).hasSize(5).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(posted);
		this.web.get()
			.uri("/api/v1/listings?after=not-a-cursor")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("after");
	}

	@Test
	void answersAnyQueryWithoutAServerError() {
		List<String> queries = List.of("q=" + "a".repeat(10_000), "q=\"unbalanced", "q=title:(foo OR bar^3 AND \\",
				"q=🚲🚲", "q=مرحبا بكم in Ludwigsburg", "q=*", "q=%00", "radiusKm=0&near=71634",
				"radiusKm=20000&near=71634", "page=10000", "page=-3&size=100000", "size=abc&page=x",
				"kind=BOTH&kind=OFFER&topic=x&topic=x&lang=zz", "near=Atlantis", "sort=random", "after=%FF%FE",
				"after=ZDEuMA");
		for (String query : queries) {
			this.web.get()
				.uri("/api/v1/listings?" + query)
				.exchange()
				.expectStatus()
				.value((status) -> assertThat(status).as(query).isIn(200, 422));
			this.web.get()
				.uri("/search?" + query)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.value((html) -> assertThat(html).doesNotContain("Exception", "elasticsearch"));
		}
		this.web.get()
			.uri("/api/v1/listings?near=Atlantis")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("near");
	}

}
