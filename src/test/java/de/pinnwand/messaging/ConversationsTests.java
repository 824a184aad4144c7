package de.pinnwand.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import de.pinnwand.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answering listings through the API: a conversation between two sides in which neither
 * sees the other's e-mail address or phone number until they show it, closed, blocked,
 * and the listing marked fulfilled.
 */
@PinnwandTest
class ConversationsTests {

	@Autowired
	private WebTestClient web;

	@Autowired
	private ConversationService conversations;

	@Autowired
	private de.pinnwand.accounts.AccountService accounts;

	@Autowired
	private org.springframework.r2dbc.core.DatabaseClient database;

	private String post(String poster, Map<String, Object> listing) {
		return this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer(poster))
			.bodyValue(listing)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();
	}

	private static Map<String, Object> request(String title) {
		return TestListings.with(TestListings.offer(title), "kind", "REQUEST");
	}

	private void contact(String member, String email, String phone) {
		this.web.put()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer(member))
			.bodyValue(Map.of("displayName", member, "languages", List.of("de"), "contactEmail", email, "contactPhone",
					phone, "emailNotifications", "NEVER"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> answer(String member, String listing, String text) {
		return this.web.post()
			.uri("/api/v1/conversations")
			.headers(TestMembers.bearer(member))
			.bodyValue(Map.of("listing", listing, "text", text))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private String read(String member, String conversation) {
		return this.web.get()
			.uri("/api/v1/conversations/" + conversation)
			.headers(TestMembers.bearer(member))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	@Test
	@SuppressWarnings("unchecked")
	void twoSidesTalkWithoutSeeingContactDetailsUntilOneSharesThem() {
		contact("conv-volunteer", "freiwillig.konv@example.org", "+49 7141 555010");
		contact("conv-refugee", "refugee.konv@example.org", "+49 151 5550199");
		String listing = post("conv-volunteer", TestListings.offer("Begleitung zur Ausländerbehörde Konvbegleitung"));

		Map<String, Object> begun = answer("conv-refugee", listing, "مرحبا، أحتاج مرافقة يوم الثلاثاء");
		String id = (String) begun.get("id");
		assertThat(begun).containsEntry("mySide", "ANSWERER")
			.containsEntry("status", "OPEN")
			.containsEntry("with", "conv-volunteer");
		assertThat((List<Map<String, Object>>) begun.get("messages")).singleElement()
			.satisfies((message) -> assertThat(message).containsEntry("text", "مرحبا، أحتاج مرافقة يوم الثلاثاء")
				.containsEntry("mine", true)
				.containsEntry("author", "conv-refugee"));

		this.web.get()
			.uri("/api/v1/conversations/unread")
			.headers(TestMembers.bearer("conv-volunteer"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.unread")
			.isEqualTo(1);
		this.web.get()
			.uri("/api/v1/conversations")
			.headers(TestMembers.bearer("conv-volunteer"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == '" + id + "')].unread")
			.isEqualTo(1)
			.jsonPath("$[?(@.id == '" + id + "')].mySide")
			.isEqualTo("OWNER")
			.jsonPath("$[?(@.id == '" + id + "')].with")
			.isEqualTo("conv-refugee");

		String ownerView = read("conv-volunteer", id);
		assertThat(ownerView).doesNotContain("refugee.konv@example.org", "5550199");
		this.web.get()
			.uri("/api/v1/conversations/unread")
			.headers(TestMembers.bearer("conv-volunteer"))
			.exchange()
			.expectBody()
			.jsonPath("$.unread")
			.isEqualTo(0);

		this.web.post()
			.uri("/api/v1/conversations/" + id + "/messages")
			.headers(TestMembers.bearer("conv-volunteer"))
			.bodyValue(Map.of("text", "Gern! Dienstag um 9 Uhr am Rathaus?"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.messages.length()")
			.isEqualTo(2);
		String answererView = read("conv-refugee", id);
		assertThat(answererView).contains("Gern! Dienstag um 9 Uhr am Rathaus?")
			.doesNotContain("freiwillig.konv@example.org", "555010");

		this.web.post()
			.uri("/api/v1/conversations/" + id + "/disclosure")
			.headers(TestMembers.bearer("conv-volunteer"))
			.bodyValue(Map.of("email", true))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.myDisclosure.email")
			.isEqualTo(true)
			.jsonPath("$.myDisclosure.phone")
			.isEqualTo(false)
			.jsonPath("$.theirContact.length()")
			.isEqualTo(0);
		this.web.get()
			.uri("/api/v1/conversations/" + id)
			.headers(TestMembers.bearer("conv-refugee"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.theirContact[0].email")
			.isEqualTo("freiwillig.konv@example.org")
			.jsonPath("$.theirContact[0].phone")
			.doesNotExist();
		assertThat(read("conv-volunteer", id)).doesNotContain("refugee.konv@example.org");

		// Only the listing's side marks it fulfilled; then it is no longer public.
		this.web.post()
			.uri("/api/v1/conversations/" + id + "/fulfilment")
			.headers(TestMembers.bearer("conv-refugee"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("message.not-your-listing");
		this.web.post()
			.uri("/api/v1/conversations/" + id + "/fulfilment")
			.headers(TestMembers.bearer("conv-volunteer"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.listingStatus")
			.isEqualTo("FULFILLED")
			.jsonPath("$.fulfilledAt")
			.exists();
		this.web.get().uri("/api/v1/listings/" + listing).exchange().expectStatus().isNotFound();
		// Both still read it, and nobody else finds it.
		read("conv-refugee", id);
		this.web.get()
			.uri("/api/v1/conversations/" + id)
			.headers(TestMembers.bearer("conv-onlooker"))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void answeringAgainContinuesTheConversationAndClosedOnesTakeNoMore() {
		String listing = post("conv-poster-two", request("Kinderwagen gesucht Konvwagen"));
		String first = (String) answer("conv-helper-two", listing, "Ich habe einen.").get("id");
		String again = (String) answer("conv-helper-two", listing, "Er ist blau.").get("id");
		assertThat(again).isEqualTo(first);

		this.web.post()
			.uri("/api/v1/conversations/" + first + "/close")
			.headers(TestMembers.bearer("conv-poster-two"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("CLOSED")
			.jsonPath("$.closedBy")
			.isEqualTo("OWNER");
		this.web.post()
			.uri("/api/v1/conversations/" + first + "/messages")
			.headers(TestMembers.bearer("conv-helper-two"))
			.bodyValue(Map.of("text", "Noch da?"))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		this.web.post()
			.uri("/api/v1/conversations")
			.headers(TestMembers.bearer("conv-helper-two"))
			.bodyValue(Map.of("listing", listing, "text", "Hallo?"))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
		assertThat(read("conv-helper-two", first)).contains("Ich habe einen.", "Er ist blau.")
			.doesNotContain("Noch da?");
	}

	@Test
	void aBlockedPersonCannotWriteAgainAndNoLongerSeesWhatWasShown() {
		contact("conv-blocker", "blocker.konv@example.org", "+49 7141 555077");
		String listing = post("conv-blocker", TestListings.offer("Fahrradreparatur Konvblock"));
		String id = (String) answer("conv-pest", listing, "Hallo").get("id");
		this.web.post()
			.uri("/api/v1/conversations/" + id + "/disclosure")
			.headers(TestMembers.bearer("conv-blocker"))
			.bodyValue(Map.of("email", true, "phone", true))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(read("conv-pest", id)).contains("blocker.konv@example.org", "555077");

		this.web.post()
			.uri("/api/v1/conversations/" + id + "/block")
			.headers(TestMembers.bearer("conv-blocker"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.blockedBy")
			.isEqualTo("OWNER");
		assertThat(read("conv-pest", id)).doesNotContain("blocker.konv@example.org", "555077");
		String another = post("conv-blocker", TestListings.offer("Nähmaschine zu verleihen Konvblock"));
		this.web.post()
			.uri("/api/v1/conversations")
			.headers(TestMembers.bearer("conv-pest"))
			.bodyValue(Map.of("listing", another, "text", "Und hier?"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("message.blocked");
		// Others still can.
		answer("conv-someone-else", another, "Ist die Nähmaschine noch frei?");
	}

	@Test
	void badAnswersGetClearMessagesAndStoreNothing() {
		String listing = post("conv-poster-bad", TestListings.offer("Deutschkonversation Konvbad"));
		this.web.post()
			.uri("/api/v1/conversations")
			.headers(TestMembers.bearer("conv-poster-bad"))
			.header("Accept-Language", "en")
			.bodyValue(Map.of("listing", listing, "text", "Mir selbst"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("message.own-listing")
			.jsonPath("$.errors[0].message")
			.isEqualTo("You cannot answer your own listing.");
		for (String text : List.of("", "   \n\t ")) {
			this.web.post()
				.uri("/api/v1/conversations")
				.headers(TestMembers.bearer("conv-bad-writer"))
				.bodyValue(Map.of("listing", listing, "text", text))
				.exchange()
				.expectStatus()
				.isEqualTo(422)
				.expectBody()
				.jsonPath("$.errors[0].code")
				.isEqualTo("message.required");
		}
		// Control characters are refused at the door, before the message's own checks.
		this.web.post()
			.uri("/api/v1/conversations")
			.headers(TestMembers.bearer("conv-bad-writer"))
			.bodyValue(Map.of("listing", listing, "text", "\u0000\u0001"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("text.forbidden");
		this.web.post()
			.uri("/api/v1/conversations")
			.headers(TestMembers.bearer("conv-bad-writer"))
			.bodyValue(Map.of("listing", listing, "text", "x".repeat(10_000)))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("message.too-long");
		this.web.post()
			.uri("/api/v1/conversations")
			.headers(TestMembers.bearer("conv-bad-writer"))
			.bodyValue(Map.of("listing", "not-an-id", "text", "Hallo"))
			.exchange()
			.expectStatus()
			.isEqualTo(422);
		this.web.post()
			.uri("/api/v1/conversations")
			.headers(TestMembers.bearer("conv-bad-writer"))
			.bodyValue(Map.of("listing", java.util.UUID.randomUUID().toString(), "text", "Hallo"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.post()
			.uri("/api/v1/conversations")
			.headers(TestMembers.bearer("conv-bad-writer"))
			.bodyValue(
					Map.of("listing", listing, "text", "Hallo", "organisation", java.util.UUID.randomUUID().toString()))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("message.not-member");
		this.web.post()
			.uri("/api/v1/conversations")
			.headers(TestMembers.bearer("conv-bad-writer"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"listing\": ")
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.web.get()
			.uri("/api/v1/conversations")
			.headers(TestMembers.bearer("conv-bad-writer"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(0);

		// Control characters and broken surrogates are refused at the door; markup is
		// kept as plain text.
		this.web.post()
			.uri("/api/v1/conversations")
			.headers(TestMembers.bearer("conv-bad-writer"))
			.bodyValue(Map.of("listing", listing, "text", "Hallo\u0000 <b>Welt</b>\uD800"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("text.forbidden");
		String id = (String) answer("conv-bad-writer", listing, "Hallo <b>Welt</b> \r\nZeile 2").get("id");
		assertThat(read("conv-bad-writer", id)).contains("Hallo <b>Welt</b> \\nZeile 2");
		this.web.get()
			.uri("/api/v1/conversations/not-an-id")
			.headers(TestMembers.bearer("conv-bad-writer"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.post()
			.uri("/api/v1/conversations/" + id + "/disclosure")
			.headers(TestMembers.bearer("conv-bad-writer"))
			.bodyValue(Map.of("email", true))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("message.no-contact-email");
	}

	@Test
	@SuppressWarnings("unchecked")
	void organisationsAnswerAndAreAnsweredAsTheOrganisation() {
		String organisation = (String) this.web.post()
			.uri("/api/v1/organisations")
			.headers(TestMembers.bearer("conv-org-founder"))
			.bodyValue(Map.of("name", "Konv Begegnungscafé", "type", "ASSOCIATION"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		String listing = post("conv-org-founder", TestListings
			.with(TestListings.offer("Sprachcafé sucht Arabisch Sprechende Konvorg"), "organisation", organisation));
		String id = (String) answer("conv-org-visitor", listing, "Ich spreche Arabisch.").get("id");
		this.web.post()
			.uri("/api/v1/conversations/" + id + "/messages")
			.headers(TestMembers.bearer("conv-org-founder"))
			.bodyValue(Map.of("text", "Willkommen!"))
			.exchange()
			.expectStatus()
			.isCreated();
		Map<String, Object> seen = this.web.get()
			.uri("/api/v1/conversations/" + id)
			.headers(TestMembers.bearer("conv-org-visitor"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(seen).containsEntry("with", "Konv Begegnungscafé");
		assertThat((List<Map<String, Object>>) seen.get("messages")).extracting((message) -> message.get("author"))
			.containsExactly("conv-org-visitor", "Konv Begegnungscafé");
		// Answering as an organisation one belongs to; the organisation's own listing
		// cannot be answered by it.
		String other = post("conv-org-outsider", request("Hilfe beim Umzug Konvorg"));
		this.web.post()
			.uri("/api/v1/conversations")
			.headers(TestMembers.bearer("conv-org-founder"))
			.bodyValue(Map.of("listing", other, "text", "Wir helfen.", "organisation", organisation))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.messages[0].author")
			.isEqualTo("Konv Begegnungscafé");
		this.web.get()
			.uri("/api/v1/conversations")
			.headers(TestMembers.bearer("conv-org-outsider"))
			.exchange()
			.expectBody()
			.jsonPath("$[0].with")
			.isEqualTo("Konv Begegnungscafé");
	}

	@Test
	void aMemberWritingTooFastIsToldWhenToTryAgain() {
		String listing = post("conv-poster-fast", TestListings.offer("Hausaufgabenhilfe Konvschnell"));
		String id = (String) answer("conv-fast-writer", listing, "Hallo").get("id");
		EntityExchangeResult<byte[]> refused = null;
		for (int i = 0; i < 12 && refused == null; i++) {
			EntityExchangeResult<byte[]> result = this.web.post()
				.uri("/api/v1/conversations/" + id + "/messages")
				.headers(TestMembers.bearer("conv-fast-writer"))
				.header("X-Forwarded-For", "198.51.100.61")
				.header("Accept-Language", "en")
				.bodyValue(Map.of("text", "Nachricht " + i))
				.exchange()
				.expectBody()
				.returnResult();
			if (result.getStatus().value() == 429) {
				refused = result;
			}
			else {
				assertThat(result.getStatus().value()).isEqualTo(201);
			}
		}
		assertThat(refused).as("the 11th message within a minute is refused").isNotNull();
		assertThat(Long.parseLong(refused.getResponseHeaders().getFirst("Retry-After"))).isBetween(1L, 6L);
		assertThat(new String(refused.getResponseBody(), StandardCharsets.UTF_8)).contains("try again");
	}

	@Test
	@SuppressWarnings("unchecked")
	void whenOneSideLeavesTheirMessagesStayWithoutTheirName() {
		String listing = post("conv-leaving-poster", TestListings.offer("Winterjacken abzugeben Konvabschied"));
		String id = (String) answer("conv-staying-asker", listing, "Haben Sie Größe 128?").get("id");
		this.web.post()
			.uri("/api/v1/conversations/" + id + "/messages")
			.headers(TestMembers.bearer("conv-leaving-poster"))
			.bodyValue(Map.of("text", "Ja, zwei Stück."))
			.exchange()
			.expectStatus()
			.isCreated();
		this.web.delete()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer("conv-leaving-poster"))
			.exchange()
			.expectStatus()
			.is2xxSuccessful();

		// The listing went with its poster; the conversation stays for the other side,
		// under the listing's title.
		Map<String, Object> left = this.web.get()
			.uri("/api/v1/conversations/" + id)
			.headers(TestMembers.bearer("conv-staying-asker"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(left).containsEntry("listingTitle", "Winterjacken abzugeben Konvabschied")
			.containsEntry("listing", null)
			.containsEntry("with", null);
		assertThat((List<Map<String, Object>>) left.get("messages"))
			.extracting((message) -> message.get("text"), (message) -> message.get("author"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Haben Sie Größe 128?", "conv-staying-asker"),
					org.assertj.core.groups.Tuple.tuple("Ja, zwei Stück.", null));
		this.web.post()
			.uri("/api/v1/conversations/" + id + "/messages")
			.headers(TestMembers.bearer("conv-staying-asker"))
			.bodyValue(Map.of("text", "Hallo?"))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
		this.web.get()
			.uri("/conversations/" + id + "?ui=de")
			.cookie("SESSION", TestMembers.signIn(this.web, "conv-staying-asker"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("ehemaliges Mitglied", "Ja, zwei Stück."));
	}

	@Test
	void conversationsNobodyWroteInForTheRetentionPeriodArePurged() {
		String listing = post("conv-purge-poster", TestListings.offer("Bügeleisen zu verschenken Konvpurge"));
		String quiet = (String) answer("conv-purge-asker", listing, "Noch da?").get("id");
		String lively = (String) answer("conv-purge-other", listing, "Ich nehme es.").get("id");
		this.database.sql("update conversation set last_message_at = now() - interval '400 days' where id = :id")
			.bind("id", java.util.UUID.fromString(quiet))
			.then()
			.block();
		assertThat(this.conversations.purgeQuiet(java.time.Duration.ofDays(365)).block()).isGreaterThanOrEqualTo(1L);
		this.web.get()
			.uri("/api/v1/conversations/" + quiet)
			.headers(TestMembers.bearer("conv-purge-asker"))
			.exchange()
			.expectStatus()
			.isNotFound();
		read("conv-purge-other", lively);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aReportedConversationRestsUntilTheCoordinationOfficeDecides() {
		this.accounts
			.prepare(TestMembers.subject("conv-coordinator"), "Konv Koordination", List.of("de"),
					java.util.Set.of(de.pinnwand.accounts.Role.COORDINATOR))
			.block();
		String listing = post("conv-report-poster", TestListings.offer("Deutschnachhilfe Konvmeldung"));
		String id = (String) answer("conv-report-pest", listing, "Gib mir deine Adresse, sofort!").get("id");
		// Only a side reports, for a configured reason; a coordinator cannot read it
		// before.
		this.web.get()
			.uri("/conversations/" + id)
			.cookie("SESSION", TestMembers.signIn(this.web, "conv-coordinator"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.post()
			.uri("/api/v1/conversations/" + id + "/reports")
			.headers(TestMembers.bearer("conv-report-stranger"))
			.bodyValue(Map.of("reason", "inappropriate"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.post()
			.uri("/api/v1/conversations/" + id + "/reports")
			.headers(TestMembers.bearer("conv-report-poster"))
			.bodyValue(Map.of("reason", "weil"))
			.exchange()
			.expectStatus()
			.isEqualTo(422);
		this.web.post()
			.uri("/api/v1/conversations/" + id + "/reports")
			.headers(TestMembers.bearer("conv-report-poster"))
			.bodyValue(Map.of("reason", "inappropriate", "text", "Will meine Adresse"))
			.exchange()
			.expectStatus()
			.isAccepted();

		// It rests: no more messages, and the coordination office sees it in the queue
		// with its messages.
		this.web.post()
			.uri("/api/v1/conversations/" + id + "/messages")
			.headers(TestMembers.bearer("conv-report-pest"))
			.bodyValue(Map.of("text", "Hallo?"))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
		Map<String, Object> queued = this.web.get()
			.uri("/api/v1/moderation/queue")
			.headers(TestMembers.bearer("conv-coordinator"))
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
			.orElseThrow();
		assertThat(queued.get("type")).isEqualTo("conversation");
		assertThat(String.valueOf(queued.get("item"))).contains("Gib mir deine Adresse, sofort!");
		String review = this.web.get()
			.uri("/conversations/" + id + "?ui=de")
			.cookie("SESSION", TestMembers.signIn(this.web, "conv-coordinator"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(review).contains("Gib mir deine Adresse, sofort!", "weil es gemeldet wurde")
			.doesNotContain("action=\"/conversations/" + id + "/messages\"");

		// Restored, it takes messages again; the coordinator's reading ends.
		this.web.post()
			.uri("/api/v1/moderation/items/conversation:" + id + "/decision")
			.headers(TestMembers.bearer("conv-coordinator"))
			.bodyValue(Map.of("decision", "APPROVE"))
			.exchange()
			.expectStatus()
			.isOk();
		this.web.post()
			.uri("/api/v1/conversations/" + id + "/messages")
			.headers(TestMembers.bearer("conv-report-pest"))
			.bodyValue(Map.of("text", "Entschuldigung."))
			.exchange()
			.expectStatus()
			.isCreated();
		this.web.get()
			.uri("/conversations/" + id)
			.cookie("SESSION", TestMembers.signIn(this.web, "conv-coordinator"))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

}
