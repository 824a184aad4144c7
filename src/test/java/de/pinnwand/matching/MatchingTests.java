package de.pinnwand.matching;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Dari- and Arabic-speaking family's request meets the offers that fit it, with the
 * reasons why.
 */
@PinnwandTest
class MatchingTests {

	@Autowired
	private WebTestClient web;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private ApplicationEventPublisher events;

	/** A posted listing and the account that posted it. */
	private record Posted(String id, String poster) {
	}

	private Posted post(Map<String, Object> body) {
		return post(body, "tester");
	}

	private Posted post(Map<String, Object> body, String poster) {
		EntityExchangeResult<Map> result = this.web.post()
			.uri("/api/v1/listings")
			.headers(de.pinnwand.TestMembers.bearer(poster))
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult();
		return new Posted(result.getResponseBody().get("id").toString(), poster);
	}

	private static Map<String, Object> listing(String kind, String title, List<String> topics, List<String> languages,
			String place, int reachKm) {
		Map<String, Object> body = TestListings.offer(title);
		body.put("kind", kind);
		body.put("topics", topics);
		body.put("languages", languages);
		body.put("place", place);
		body.put("reachKm", reachKm);
		return body;
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> matches(String id, String language) {
		return (List<Map<String, Object>>) this.web.get()
			.uri("/api/v1/listings/" + id + "/matches")
			.header("Accept-Language", language)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("items");
	}

	@SuppressWarnings("unchecked")
	private static List<String> ids(List<Map<String, Object>> items) {
		return items.stream().map((item) -> ((Map<String, Object>) item.get("listing")).get("id").toString()).toList();
	}

	@Test
	void findsTheOffersThatShareLanguageTopicAndReachWithReasons() throws InterruptedException {
		Map<String, Object> tuesday = Map.of("type", "WEEKLY", "weekday", 2, "from", "14:00", "to", "18:00");
		Posted fits = post(TestListings.with(listing("OFFER", "Matchtest Begleitung dienstags",
				List.of("accompaniment"), List.of("de", "ar"), "71638", 15), "timeFrame", tuesday));
		Posted dari = post(listing("OFFER", "Matchtest Begleitung auf Dari", List.of("accompaniment", "health"),
				List.of("prs"), "71634", 10));
		Posted otherLanguage = post(
				listing("OFFER", "Matchtest nur Ukrainisch", List.of("accompaniment"), List.of("uk"), "71634", 20));
		Posted otherTopic = post(
				listing("OFFER", "Matchtest Fahrrad", List.of("mobility"), List.of("ar"), "71634", 20));
		Posted farAway = post(
				listing("OFFER", "Matchtest Hamburg", List.of("accompaniment"), List.of("ar"), "20095", 50));
		Posted shortReach = post(
				listing("OFFER", "Matchtest kurze Wege Asperg", List.of("accompaniment"), List.of("ar"), "71679", 1));
		Posted sameKind = post(
				listing("REQUEST", "Matchtest anderes Gesuch", List.of("accompaniment"), List.of("ar"), "71634", 20));
		awaitSearchable(List.of(fits, dari, otherLanguage, otherTopic, farAway, shortReach, sameKind));

		Posted request = post(TestListings.with(
				listing("REQUEST", "Matchtest Begleitung zur Ausländerbehörde", List.of("accompaniment"),
						List.of("fa", "ar"), "71634", 10),
				"timeFrame", Map.of("type", "WEEKLY", "weekday", 2, "from", "15:00", "to", "16:00")));

		List<Map<String, Object>> found = matches(request.id(), "en");
		assertThat(ids(found)).contains(fits.id(), dari.id())
			.doesNotContain(otherLanguage.id(), otherTopic.id(), farAway.id(), shortReach.id(), sameKind.id());
		assertThat(ids(found).indexOf(fits.id())).as("the one whose time also fits ranks first")
			.isLessThan(ids(found).indexOf(dari.id()));
		@SuppressWarnings("unchecked")
		List<String> reasons = (List<String>) found.get(ids(found).indexOf(fits.id())).get("reasons");
		assertThat(reasons).contains("speaks العربية")
			.anyMatch((r) -> r.matches("[0-9.]+ km away"))
			.anyMatch((r) -> r.startsWith("time fits: every Tuesday"));
		assertThat((Double) found.get(0).get("score")).isBetween(0.0, 1.0);

		this.web.get()
			.uri("/listings/" + request.id() + "?ui=de")
			.cookie("SESSION", de.pinnwand.TestMembers.signIn(this.web, request.poster()))
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Wer könnte helfen?")
				.contains("Matchtest Begleitung dienstags")
				.contains("spricht العربية"));
		this.web.get()
			.uri("/listings/" + request.id())
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).doesNotContain("Wer könnte helfen?"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void ranksTheOfferWithTheSameSubtopicFirstAndNamesIt() throws InterruptedException {
		Posted sofa = post(listing("OFFER", "Matchtest Sofa und Sessel abzugeben", List.of("donations/furniture"),
				List.of("ar"), "71634", 10));
		Posted anything = post(
				listing("OFFER", "Matchtest Sachspenden aller Art", List.of("donations"), List.of("ar"), "71634", 10));
		Posted clothes = post(listing("OFFER", "Matchtest Kinderkleidung abzugeben", List.of("donations/clothes"),
				List.of("ar"), "71634", 10));
		awaitSearchable(List.of(sofa, anything, clothes));
		Posted request = post(listing("REQUEST", "Matchtest Sofa gesucht", List.of("donations/furniture"),
				List.of("ar"), "71634", 10));

		List<Map<String, Object>> found = matches(request.id(), "en");
		List<String> ids = ids(found);
		assertThat(ids).as("a sub-topic finds the offers filed under its parent").contains(sofa.id(), anything.id());
		assertThat(ids).as("a different sub-topic under the same parent is about something else")
			.doesNotContain(clothes.id());
		assertThat(ids.indexOf(sofa.id())).isLessThan(ids.indexOf(anything.id()));
		assertThat((List<String>) found.get(ids.indexOf(sofa.id())).get("reasons")).contains("topic: Furniture")
			.noneMatch((reason) -> reason.contains("donations"));
		assertThat((List<String>) found.get(ids.indexOf(anything.id())).get("reasons"))
			.contains("topic: Furniture, clothes and other donations");
	}

	@Test
	@SuppressWarnings("unchecked")
	void bringsHelpInAnyLanguageOrWithAnInterpreterWhereTheRequestAsksForIt() throws InterruptedException {
		Posted germanSofa = post(
				listing("OFFER", "Matchtest Sprache Sofa abzugeben", List.of("donations"), List.of("de"), "71634", 10));
		Posted germanCompany = post(listing("OFFER", "Matchtest Sprache Begleitung zum Jobcenter",
				List.of("accompaniment"), List.of("de"), "71634", 10));
		Posted dariInterpreter = post(listing("OFFER", "Matchtest Sprache Dolmetschen Dari", List.of("interpreting"),
				List.of("fa", "de"), "71636", 10));
		Posted arabicInterpreter = post(listing("OFFER", "Matchtest Sprache Dolmetschen Arabisch",
				List.of("interpreting"), List.of("ar", "de"), "71636", 10));
		awaitSearchable(List.of(germanSofa, germanCompany, dariInterpreter, arabicInterpreter));

		Posted anyLanguage = post(TestListings.with(listing("REQUEST", "Matchtest Sprache brauche ein Sofa",
				List.of("donations"), List.of("ti"), "71634", 10), "languageNeed", "ANY"));
		List<Map<String, Object>> forSofa = matches(anyLanguage.id(), "en");
		assertThat(ids(forSofa)).contains(germanSofa.id());
		assertThat((List<String>) forSofa.get(ids(forSofa).indexOf(germanSofa.id())).get("reasons"))
			.contains("any language is fine");

		Posted interpreter = post(TestListings.with(listing("REQUEST", "Matchtest Sprache Begleitung mit Dolmetscher",
				List.of("accompaniment"), List.of("prs"), "71634", 10), "languageNeed", "INTERPRETER"));
		List<Map<String, Object>> forInterpreter = matches(interpreter.id(), "en");
		assertThat(ids(forInterpreter)).contains(dariInterpreter.id(), germanCompany.id())
			.doesNotContain(arabicInterpreter.id());
		assertThat((List<String>) forInterpreter.get(ids(forInterpreter).indexOf(dariInterpreter.id())).get("reasons"))
			.anyMatch((reason) -> reason.startsWith("interprets"));
		assertThat((List<String>) forInterpreter.get(ids(forInterpreter).indexOf(germanCompany.id())).get("reasons"))
			.contains("with an interpreter");

		// A request that needs a shared language still does not get the German-only sofa.
		Posted shared = post(listing("REQUEST", "Matchtest Sprache Sofa nur auf Tigrinya", List.of("donations"),
				List.of("ti"), "71634", 10));
		assertThat(ids(matches(shared.id(), "en"))).doesNotContain(germanSofa.id());

		// The offers see those requests too.
		awaitSearchable(List.of(anyLanguage, interpreter));
		assertThat(ids(matches(germanSofa.id(), "en"))).contains(anyLanguage.id()).doesNotContain(shared.id());
		assertThat(ids(matches(dariInterpreter.id(), "en"))).contains(interpreter.id());
	}

	@Test
	void refusesALanguageChoiceOnOffers() {
		this.web.post()
			.uri("/api/v1/listings")
			.headers(de.pinnwand.TestMembers.bearer("tester"))
			.header("Accept-Language", "en")
			.bodyValue(TestListings.with(TestListings.offer("Matchtest Sprache Angebot jede Sprache"), "languageNeed",
					"ANY"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("languageNeed.offer");
		this.web.post()
			.uri("/api/v1/listings")
			.headers(de.pinnwand.TestMembers.bearer("tester"))
			.bodyValue(TestListings.with(
					TestListings.with(TestListings.offer("Matchtest Sprache Unsinn"), "kind", "REQUEST"),
					"languageNeed", "TELEPATHY"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("languageNeed.unknown");
	}

	@Test
	void tellsTheOwnersOfMatchingListingsWhenANewOneIsPublished() throws InterruptedException {
		Posted request = post(listing("REQUEST", "Matchtest Hinweis Nachhilfe Mathe gesucht", List.of("children"),
				List.of("uk", "de"), "71634", 10), "match-notice-requester");
		awaitSearchable(List.of(request));
		Posted offer = post(listing("OFFER", "Hinweistest Mathe-Nachhilfe auf Ukrainisch", List.of("children"),
				List.of("uk"), "71638", 10));
		String session = de.pinnwand.TestMembers.signIn(this.web, request.poster());
		long start = System.nanoTime();
		while (true) {
			String html = this.web.get()
				.uri("/my/listings?ui=en")
				.cookie("SESSION", session)
				.exchange()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			if (html.contains("New and matching this listing:")) {
				assertThat(html).contains("/listings/" + offer.id())
					.contains("Hinweistest Mathe-Nachhilfe auf Ukrainisch");
				break;
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("notice made after publishing")
				.isLessThan(Duration.ofSeconds(10));
			Thread.sleep(200);
		}
		this.web.get()
			.uri("/my/listings?ui=en")
			.cookie("SESSION", session)
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).as("a notice is shown once")
				.doesNotContain("New and matching this listing:"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void keepsAKindergartenRequestAwayFromBasketballForChildrenButBringsRelatedChildcare() throws InterruptedException {
		Posted basketball = post(listing("OFFER", "Matchtest Kita Basketballtraining für Kinder",
				List.of("leisure", "leisure/sport", "children"), List.of("ar", "de"), "71665", 15));
		Posted childcare = post(listing("OFFER", "Matchtest Kita Kinderbetreuung am Vormittag",
				List.of("children", "children/childcare"), List.of("ar", "de"), "71665", 15));
		Posted school = post(listing("OFFER", "Matchtest Kita Mathe-Nachhilfe", List.of("children", "children/school"),
				List.of("ar", "de"), "71665", 15));
		awaitSearchable(List.of(basketball, childcare, school));
		Posted kindergarten = post(listing("REQUEST", "Matchtest Kita Hilfe bei der Anmeldung im Kindergarten",
				List.of("children", "children/kindergarten", "counselling"), List.of("ar", "de"), "71665", 10));

		List<Map<String, Object>> found = matches(kindergarten.id(), "en");
		assertThat(ids(found)).contains(childcare.id()).doesNotContain(basketball.id(), school.id());
		assertThat((List<String>) found.get(ids(found).indexOf(childcare.id())).get("reasons"))
			.as("the related sub-topic is named")
			.anyMatch((reason) -> reason.startsWith("topic: ")
					&& !reason.equals("topic: Children, school and kindergarten"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void tellsAnOwnerOnceNamingTheirListingAndCountingTheOthers() throws InterruptedException {
		String owner = "match-notice-grouped-" + System.nanoTime();
		Posted first = post(listing("REQUEST", "Matchtest Gruppe Fahrrad für die Arbeit gesucht",
				List.of("mobility", "mobility/bikes"), List.of("fa", "de"), "71634", 10), owner);
		Posted second = post(listing("REQUEST", "Matchtest Gruppe Fahrrad für meinen Sohn gesucht",
				List.of("mobility", "mobility/bikes", "children"), List.of("fa", "de"), "71634", 10), owner);
		awaitSearchable(List.of(first, second));
		Posted offer = post(listing("OFFER", "Matchtest Gruppe Fahrräder zu verschenken",
				List.of("mobility", "mobility/bikes"), List.of("fa", "de"), "71634", 10));

		long start = System.nanoTime();
		List<Map<String, Object>> items;
		while (true) {
			items = (List<Map<String, Object>>) this.web.get()
				.uri("/api/v1/me/notifications?ui=en")
				.headers(de.pinnwand.TestMembers.bearer(owner))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody()
				.get("items");
			if (!items.isEmpty()) {
				break;
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("notice made after publishing")
				.isLessThan(Duration.ofSeconds(15));
			Thread.sleep(200);
		}
		Thread.sleep(500);
		items = (List<Map<String, Object>>) this.web.get()
			.uri("/api/v1/me/notifications?ui=en")
			.headers(de.pinnwand.TestMembers.bearer(owner))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("items");
		assertThat(items).as("one notice for one new listing, however many of theirs it fits")
			.singleElement()
			.satisfies((notice) -> assertThat(notice).containsEntry("kind", "NEW_MATCH")
				.containsEntry("subject", offer.id()));
		assertThat(items.get(0).get("text").toString()).matches("New: “Matchtest Gruppe Fahrräder zu verschenken” "
				+ "matches your listing “Matchtest Gruppe Fahrrad (für die Arbeit|für meinen Sohn) gesucht” and 1 more of yours");

		// Told again (a re-run after a crash, another of their listings found later), the
		// same listing is no news.
		UUID account = this.database.sql("select account_id from notification where once_key = :key")
			.bind("key", "new-listing:" + offer.id())
			.map((row, meta) -> row.get(0, UUID.class))
			.one()
			.block();
		this.events.publishEvent(new MatchNoticeRecorded(account, List.of(UUID.fromString(second.id())),
				"Matchtest Gruppe Fahrrad für meinen Sohn gesucht", UUID.fromString(offer.id()),
				"Matchtest Gruppe Fahrräder zu verschenken"));
		Thread.sleep(1000);
		assertThat(this.database.sql("select count(*) from notification where account_id = :account")
			.bind("account", account)
			.map((row, meta) -> row.get(0, Long.class))
			.one()
			.block()).isEqualTo(1);
	}

	@Test
	void answersUnknownListingsWithNotFound() {
		this.web.get()
			.uri("/api/v1/listings/00000000-0000-0000-0000-000000000000/matches")
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.get().uri("/api/v1/listings/nope/matches").exchange().expectStatus().isNotFound();
	}

	@SuppressWarnings("unchecked")
	private void awaitSearchable(List<Posted> posted) throws InterruptedException {
		long start = System.nanoTime();
		while (true) {
			var page = this.web.get()
				.uri("/api/v1/listings?q=Matchtest&size=50")
				.exchange()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			List<String> found = ((List<Map<String, Object>>) page.get("items")).stream()
				.map((item) -> ((Map<String, Object>) item.get("listing")).get("id").toString())
				.toList();
			if (found.containsAll(posted.stream().map(Posted::id).toList())) {
				return;
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
			Thread.sleep(100);
		}
	}

}
