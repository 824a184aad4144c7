package de.pinnwand.notifications;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import de.pinnwand.TestMembers;
import de.pinnwand.messaging.ConversationRead;
import de.pinnwand.messaging.MessageWritten;
import de.pinnwand.moderation.Decision;
import de.pinnwand.moderation.ListingDecided;
import de.pinnwand.organisations.Organisation;
import de.pinnwand.organisations.OrganisationMemberships;
import de.pinnwand.organisations.OrganisationRole;
import de.pinnwand.organisations.OrganisationType;
import de.pinnwand.organisations.Organisations;
import de.pinnwand.system.embedded.EmbeddedMailServer;
import de.pinnwand.system.embedded.EmbeddedServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notices in the portal and by e-mail, against the real embedded SMTP server (GreenMail):
 * mails are asserted as that server received them. Time-driven work (retries, digests,
 * reminders) is driven with explicit instants.
 */
@PinnwandTest
class NotificationsTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	private WebTestClient web;

	@Autowired
	private de.pinnwand.accounts.AccountService accounts;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private MailDelivery delivery;

	@Autowired
	private NotificationSweep sweep;

	@Autowired
	private UnsubscribeTokens tokens;

	@Autowired
	private NotificationsProperties properties;

	@Autowired
	private Organisations organisations;

	@Autowired
	private OrganisationMemberships memberships;

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A member with these notification choices; returns the account id. */
	private UUID member(String name, String email, String notifications, String interfaceLanguage) {
		Map<String, Object> profile = new HashMap<>();
		profile.put("displayName", name.substring(0, Math.min(name.length(), 30)));
		profile.put("languages", List.of("de"));
		profile.put("contactEmail", email);
		profile.put("emailNotifications", notifications);
		profile.put("interfaceLanguage", interfaceLanguage);
		this.web.put()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer(name))
			.bodyValue(profile)
			.exchange()
			.expectStatus()
			.isOk();
		return accountId(name);
	}

	private UUID accountId(String name) {
		Map<?, ?> me = this.web.get()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer(name))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return UUID.fromString((String) me.get("id"));
	}

	private String emailNotificationsOf(String name) {
		return (String) this.web.get()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer(name))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("emailNotifications");
	}

	private static EmbeddedMailServer mailServer() {
		return EmbeddedServices.mailServer();
	}

	private static List<EmbeddedMailServer.Mail> mailsTo(String address) {
		return mailServer().received().stream().filter((mail) -> mail.to().contains(address)).toList();
	}

	private static <T> T await(Supplier<T> value, java.util.function.Predicate<T> done, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		T current = value.get();
		while (!done.test(current) && System.nanoTime() < deadline) {
			Thread.sleep(200);
			current = value.get();
		}
		return current;
	}

	private static List<EmbeddedMailServer.Mail> awaitMails(String address, int count) throws InterruptedException {
		List<EmbeddedMailServer.Mail> mails = await(() -> mailsTo(address), (found) -> found.size() >= count,
				Duration.ofSeconds(20));
		assertThat(mails).as("mails to " + address).hasSize(count);
		return mails;
	}

	private void messageTo(UUID recipient, UUID conversation, String listingTitle) {
		this.events.publishEvent(
				new MessageWritten(conversation, UUID.randomUUID(), listingTitle, List.of(recipient), Instant.now()));
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> notices(String name, String ui) {
		Map<String, Object> body = this.web.get()
			.uri("/api/v1/me/notifications?ui=" + ui)
			.headers(TestMembers.bearer(name))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (List<Map<String, Object>>) body.get("items");
	}

	private List<Map<String, Object>> awaitNotices(String name, int count) throws InterruptedException {
		return await(() -> notices(name, "de"), (found) -> found.size() >= count, Duration.ofSeconds(20));
	}

	private Map<String, Object> outboxOf(UUID account) {
		return this.database
			.sql("select state, attempts, last_error from mail_outbox where account_id = :account order by created_at "
					+ "desc limit 1")
			.bind("account", account)
			.fetch()
			.one()
			.blockOptional()
			.orElse(Map.of());
	}

	@Test
	void mailsAtOnceInTheRecipientsLanguage() throws InterruptedException {
		String volunteerMail = unique("volunteer") + "@example.org";
		String refugeeMail = unique("refugee") + "@example.org";
		String dariMail = unique("dari") + "@example.org";
		// The volunteer chose no interface language: German. The refugee reads Arabic,
		// the third member Dari.
		String volunteerName = unique("notif-volunteer");
		UUID volunteer = member(volunteerName, volunteerMail, "IMMEDIATELY", null);
		UUID refugee = member(unique("notif-refugee"), refugeeMail, "IMMEDIATELY", "ar");
		UUID dariReader = member(unique("notif-dari"), dariMail, "IMMEDIATELY", "fa-AF");
		UUID conversation = UUID.randomUUID();

		messageTo(volunteer, conversation, "Fahrrad <b>für</b> Kinder");
		messageTo(refugee, conversation, "Fahrrad <b>für</b> Kinder");
		messageTo(dariReader, conversation, "Fahrrad <b>für</b> Kinder");

		EmbeddedMailServer.Mail german = awaitMails(volunteerMail, 1).get(0);
		assertThat(german.subject()).isEqualTo("Neue Nachricht zu „Fahrrad <b>für</b> Kinder“");
		assertThat(german.text()).contains("Hallo notif-volunteer")
			.contains(this.properties.absolute("/conversations/" + conversation))
			.contains("/notifications/unsubscribe?token=");
		assertThat(german.html()).contains("Fahrrad &lt;b&gt;für&lt;/b&gt; Kinder")
			.doesNotContain("<b>für</b>")
			.contains("lang=\"de\"");
		assertThat(german.headers().get("List-Unsubscribe"))
			.startsWith("<" + this.properties.absolute("/notifications/unsubscribe?token="));
		assertThat(german.headers().get("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

		EmbeddedMailServer.Mail arabic = awaitMails(refugeeMail, 1).get(0);
		assertThat(arabic.subject()).isEqualTo("رسالة جديدة بخصوص «Fahrrad <b>für</b> Kinder»");
		assertThat(arabic.html()).contains("dir=\"rtl\"").contains("lang=\"ar\"");

		EmbeddedMailServer.Mail dari = awaitMails(dariMail, 1).get(0);
		assertThat(dari.html()).contains("lang=\"fa-AF\" dir=\"rtl\"")
			.contains("همهٔ خبرها")
			.doesNotContain("اعلان‌ها");

		// The notice also shows in the portal, and its mail is recorded as sent.
		Map<String, Object> notice = await(() -> notices(volunteerName, "de"),
				(found) -> !found.isEmpty() && "SENT".equals(found.get(0).get("email")), Duration.ofSeconds(10))
			.get(0);
		assertThat(notice).containsEntry("kind", "NEW_MESSAGE")
			.containsEntry("link", "/conversations/" + conversation)
			.containsEntry("email", "SENT");
	}

	@Test
	void neverAndDailyMembersGetNoMailAtOnce() throws InterruptedException {
		String neverMail = unique("never") + "@example.org";
		String dailyMail = unique("daily") + "@example.org";
		String never = unique("notif-never");
		String daily = unique("notif-daily");
		UUID neverId = member(never, neverMail, "NEVER", "de");
		UUID dailyId = member(daily, dailyMail, "DAILY", "de");
		messageTo(neverId, UUID.randomUUID(), "Winterjacke");
		messageTo(dailyId, UUID.randomUUID(), "Winterjacke");

		assertThat(awaitNotices(never, 1)).singleElement()
			.satisfies((notice) -> assertThat(notice).containsEntry("email", "NONE")
				.containsEntry("text", "Neue Nachricht zu „Winterjacke“"));
		assertThat(awaitNotices(daily, 1)).singleElement()
			.satisfies((notice) -> assertThat(notice).containsEntry("email", "DIGEST"));
		this.delivery.deliverDue(Instant.now()).block();
		Thread.sleep(1500);
		assertThat(mailsTo(neverMail)).isEmpty();
		assertThat(mailsTo(dailyMail)).isEmpty();
		assertThat(outboxOf(neverId)).isEmpty();
	}

	@Test
	void theDigestArrivesNextMorningWithTheSavedSearchHits() throws InterruptedException {
		String saver = unique("notif-digest");
		String address = saver + "@example.org";
		UUID saverId = member(saver, address, "DAILY", "de");
		this.web.post()
			.uri("/api/v1/me/searches")
			.headers(TestMembers.bearer(saver))
			.bodyValue(Map.of("query", "q=Nähmaschinenreparaturwerkstatt"))
			.exchange()
			.expectStatus()
			.isCreated();
		this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer(unique("notif-poster")))
			.bodyValue(TestListings.offer("Nähmaschinenreparaturwerkstatt im Gemeindehaus"))
			.exchange()
			.expectStatus()
			.isCreated();

		List<Map<String, Object>> hits = awaitNotices(saver, 1);
		assertThat(hits).singleElement()
			.satisfies((notice) -> assertThat(notice).containsEntry("kind", "SAVED_SEARCH_HIT")
				.containsEntry("email", "DIGEST")
				.containsEntry("text",
						"Neu zu Ihrer gespeicherten Suche: „Nähmaschinenreparaturwerkstatt im Gemeindehaus“"));
		this.delivery.deliverDue(Instant.now()).block();
		assertThat(mailsTo(address)).as("nothing before the digest time").isEmpty();

		Instant tomorrowMorning = ZonedDateTime.now(BERLIN)
			.toLocalDate()
			.plusDays(1)
			.atTime(this.properties.digestTime().plusMinutes(5))
			.atZone(BERLIN)
			.toInstant();
		this.sweep.queueDigests(tomorrowMorning).block();
		this.sweep.queueDigests(tomorrowMorning.plusSeconds(60)).block();
		this.delivery.deliverDue(tomorrowMorning.plusSeconds(60)).block();

		EmbeddedMailServer.Mail digest = awaitMails(address, 1).get(0);
		assertThat(digest.subject()).startsWith("1 Neuigkeit auf der Pinnwand");
		assertThat(digest.text()).contains("Nähmaschinenreparaturwerkstatt im Gemeindehaus")
			.contains(this.properties.absolute("/listings/" + hits.get(0).get("subject")));
		Thread.sleep(1000);
		assertThat(mailsTo(address)).as("one digest a day").hasSize(1);
		assertThat(outboxOf(saverId)).containsEntry("state", "SENT");
	}

	@Test
	void aFailedSendIsRetriedAndLaterDelivered() throws InterruptedException {
		String name = unique("notif-retry");
		String address = name + "@example.org";
		UUID account = member(name, address, "IMMEDIATELY", "de");
		mailServer().stop();
		try {
			messageTo(account, UUID.randomUUID(), "Kinderwagen");
			Map<String, Object> failedOnce = await(() -> outboxOf(account),
					(row) -> row.get("attempts") != null && ((Integer) row.get("attempts")) >= 1,
					Duration.ofSeconds(30));
			assertThat(failedOnce).containsEntry("state", "PENDING");
			assertThat((String) failedOnce.get("last_error")).isNotBlank();
		}
		finally {
			mailServer().start();
		}
		this.delivery.deliverDue(Instant.now().plus(Duration.ofHours(2))).block();
		EmbeddedMailServer.Mail mail = awaitMails(address, 1).get(0);
		assertThat(mail.subject()).isEqualTo("Neue Nachricht zu „Kinderwagen“");
		assertThat(await(() -> outboxOf(account), (row) -> "SENT".equals(row.get("state")), Duration.ofSeconds(10)))
			.containsEntry("state", "SENT");
	}

	@Test
	void afterTheLastAttemptTheMailIsRecordedAsFailed() throws InterruptedException {
		String name = unique("notif-failing");
		String address = name + "@example.org";
		UUID account = member(name, address, "IMMEDIATELY", "de");
		mailServer().stop();
		try {
			messageTo(account, UUID.randomUUID(), "Babybett");
			await(() -> outboxOf(account), (row) -> !row.isEmpty(), Duration.ofSeconds(10));
			Instant later = Instant.now();
			for (int i = 0; i < this.properties.maxAttempts() + 2
					&& !"FAILED".equals(outboxOf(account).get("state")); i++) {
				later = later.plus(Duration.ofDays(1));
				this.delivery.deliverDue(later).block();
			}
			Map<String, Object> row = outboxOf(account);
			assertThat(row).containsEntry("state", "FAILED").containsEntry("attempts", this.properties.maxAttempts());
			assertThat((String) row.get("last_error")).isNotBlank();
		}
		finally {
			mailServer().start();
		}
		assertThat(notices(name, "de")).singleElement()
			.satisfies((notice) -> assertThat(notice).containsEntry("email", "FAILED"));
		this.accounts
			.prepare(TestMembers.subject("mail-health-admin"), "Mail Admin", List.of("de"),
					java.util.Set.of(de.pinnwand.accounts.Role.ADMIN))
			.block();
		this.web.get()
			.uri("/actuator/health")
			.headers(TestMembers.bearer("mail-health-admin"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.mailOutbox.status")
			.isEqualTo("UP")
			.jsonPath("$.components.mailOutbox.details.failedMails")
			.value((Object failed) -> assertThat(((Number) failed).longValue()).isPositive());
		assertThat(mailsTo(address)).isEmpty();
	}

	@Test
	void unsubscribingAsksFirstThenStopsMailsWithoutSigningIn() throws InterruptedException {
		String name = unique("notif-unsub");
		UUID account = member(name, name + "@example.org", "IMMEDIATELY", "de");
		String token = this.tokens.tokenFor(account);

		String confirm = this.web.get()
			.uri("/notifications/unsubscribe?token=" + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(confirm).contains("Keine E-Mails mehr schicken").contains("value=\"" + token + "\"");
		assertThat(emailNotificationsOf(name)).as("a GET changes nothing").isEqualTo("IMMEDIATELY");

		// No session, no CSRF cookie: the signed token is enough.
		String done = this.web.post()
			.uri("/notifications/unsubscribe")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("token=" + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(done).contains("Erledigt: Sie bekommen keine Benachrichtigungen per E-Mail mehr.");
		assertThat(emailNotificationsOf(name)).isEqualTo("NEVER");
	}

	@Test
	void messagesInOneConversationCountUpOneNoticeUntilItIsRead() throws InterruptedException {
		String name = unique("notif-grouped");
		UUID account = member(name, null, "NEVER", "de");
		UUID conversation = UUID.randomUUID();
		messageTo(account, conversation, "Kinderwagen");
		awaitNotices(name, 1);
		messageTo(account, conversation, "Kinderwagen");
		messageTo(account, UUID.randomUUID(), "Schrank");
		List<Map<String, Object>> notices = await(() -> notices(name, "de"),
				(found) -> found.size() == 2
						&& found.stream().anyMatch((n) -> n.get("text").toString().startsWith("2 ")),
				Duration.ofSeconds(10));
		assertThat(notices).extracting((notice) -> notice.get("text"))
			.containsExactlyInAnyOrder("2 neue Nachrichten zu „Kinderwagen“", "Neue Nachricht zu „Schrank“");

		// Once the member read the conversation, the next message starts a fresh, unread
		// count.
		this.events.publishEvent(new ConversationRead(conversation, account));
		await(() -> notices(name, "de"), (found) -> found.stream().filter((n) -> n.get("readAt") != null).count() == 1,
				Duration.ofSeconds(10));
		messageTo(account, conversation, "Kinderwagen");
		List<Map<String, Object>> after = await(() -> notices(name, "de"),
				(found) -> found.stream().allMatch((n) -> n.get("readAt") == null), Duration.ofSeconds(10));
		assertThat(after).hasSize(2)
			.extracting((notice) -> notice.get("text"))
			.contains("Neue Nachricht zu „Kinderwagen“");
		assertThat(notices(name, "ar")).extracting((notice) -> notice.get("text"))
			.contains("رسالة جديدة بخصوص «Kinderwagen»");
	}

	@Test
	void oneClickUnsubscribeFromARealMail() throws InterruptedException {
		String name = unique("notif-oneclick");
		String address = name + "@example.org";
		UUID account = member(name, address, "IMMEDIATELY", "en");
		messageTo(account, UUID.randomUUID(), "Sofa");
		EmbeddedMailServer.Mail mail = awaitMails(address, 1).get(0);
		assertThat(mail.subject()).isEqualTo("New message about “Sofa”");
		String header = mail.headers().get("List-Unsubscribe");
		URI link = URI.create(header.substring(1, header.length() - 1));

		// RFC 8058: the mail program posts List-Unsubscribe=One-Click to the link,
		// without any cookie.
		this.web.post()
			.uri(link.getRawPath() + "?" + link.getRawQuery())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("List-Unsubscribe=One-Click")
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(emailNotificationsOf(name)).isEqualTo("NEVER");

		messageTo(account, UUID.randomUUID(), "Tisch");
		awaitNotices(name, 2);
		this.delivery.deliverDue(Instant.now()).block();
		Thread.sleep(1000);
		assertThat(mailsTo(address)).as("no mail after unsubscribing").hasSize(1);
	}

	@Test
	void aForgedUnsubscribeTokenGetsAClearPage() {
		String name = unique("notif-forged");
		UUID account = member(name, name + "@example.org", "IMMEDIATELY", "de");
		String token = this.tokens.tokenFor(account);
		String forged = token.substring(0, 30) + ((token.charAt(30) == 'A') ? 'B' : 'A') + token.substring(31);
		for (String bad : List.of(forged, "nonsense", "%%%", "")) {
			String page = this.web.get()
				.uri((b) -> b.path("/notifications/unsubscribe").queryParam("token", "{t}").build(bad))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(page).contains("Dieser Link gilt nicht.");
			this.web.post()
				.uri("/notifications/unsubscribe")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.bodyValue("token=" + java.net.URLEncoder.encode(bad, java.nio.charset.StandardCharsets.UTF_8))
				.exchange()
				.expectStatus()
				.isBadRequest();
		}
		this.web.post().uri("/notifications/unsubscribe").exchange().expectStatus().isBadRequest();
		this.web.get()
			.uri("/notifications/unsubscribe?ui=ar&token=x")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("رابط إيقاف الرسائل هذا غير صالح"));
		assertThat(emailNotificationsOf(name)).isEqualTo("IMMEDIATELY");
	}

	@Test
	void theDevMailPageShowsReceivedMailsEscaped() throws InterruptedException {
		String name = unique("notif-devmail");
		String address = name + "@example.org";
		UUID account = member(name, address, "IMMEDIATELY", "de");
		messageTo(account, UUID.randomUUID(), "Spielzeug <script>alert(1)</script>");
		awaitMails(address, 1);
		String page = this.web.get()
			.uri("/dev/mail")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains(address)
			.contains("Spielzeug &lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)");
		// What a reverse proxy on this machine forwards comes from loopback too, but is
		// not local.
		this.web.get().uri("/dev/mail").header("X-Forwarded-For", "203.0.113.7").exchange().expectStatus().isNotFound();
	}

	@Test
	@SuppressWarnings("unchecked")
	void thePageAndTheApiListNoticesAndMarkThemRead() throws InterruptedException {
		String name = unique("notif-page");
		UUID account = member(name, null, "NEVER", "de");
		// Posted by someone else, so no other notice (a match, an expiry) of the member's
		// own listing can come in
		// between; the decision's author is the member all the same.
		String listing = (String) this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer(unique("notif-page-poster")))
			.bodyValue(TestListings.offer("Gitarrenunterricht für Anfänger"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		this.events.publishEvent(new ListingDecided(UUID.fromString(listing), account, Decision.REJECT, Instant.now()));
		this.events
			.publishEvent(new ListingDecided(UUID.fromString(listing), account, Decision.APPROVE, Instant.now()));

		String session = TestMembers.signIn(this.web, name);
		EntityExchangeResult<String> page = await(
				() -> this.web.get()
					.uri("/my/notifications")
					.cookie("SESSION", session)
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody(String.class)
					.returnResult(),
				(result) -> result.getResponseBody().contains("freigegeben"), Duration.ofSeconds(10));
		assertThat(page.getResponseBody())
			.contains("Entscheidung zu Ihrem Eintrag „Gitarrenunterricht für Anfänger“: abgelehnt")
			.contains("Entscheidung zu Ihrem Eintrag „Gitarrenunterricht für Anfänger“: freigegeben")
			.contains("href=\"/my/listings\"")
			.contains("<span class=\"unread\">(2 ungelesen)</span>");

		Map<?, ?> api = this.web.get()
			.uri("/api/v1/me/notifications?ui=uk")
			.headers(TestMembers.bearer(name))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(api.get("unread")).isEqualTo(2);
		assertThat((List<?>) api.get("items")).hasSize(2)
			.allSatisfy((item) -> assertThat((Map<String, Object>) item).containsEntry("kind", "MODERATION_DECISION")
				.containsEntry("subject", listing));
		assertThat(((Map<?, ?>) ((List<?>) api.get("items")).get(0)).get("text").toString())
			.startsWith("Рішення щодо вашого оголошення «Gitarrenunterricht für Anfänger»: ");

		// One read through the API, the other through the page's form.
		String firstId = (String) ((Map<?, ?>) ((List<?>) api.get("items")).get(0)).get("id");
		this.web.post()
			.uri("/api/v1/me/notifications/read")
			.headers(TestMembers.bearer(name))
			.bodyValue(Map.of("ids", List.of(firstId)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.marked")
			.isEqualTo(1)
			.jsonPath("$.unread")
			.isEqualTo(1);
		this.web.post()
			.uri("/api/v1/me/notifications/read")
			.headers(TestMembers.bearer(name))
			.bodyValue(Map.of("ids", List.of("not-an-id")))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

		EntityExchangeResult<String> form = this.web.get()
			.uri("/my/notifications")
			.cookie("SESSION", session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		Matcher csrf = CSRF.matcher(form.getResponseBody());
		assertThat(csrf.find()).isTrue();
		assertThat(form.getResponseBody()).contains("(1 ungelesen)");
		this.web.post()
			.uri("/my/notifications/read")
			.cookie("SESSION", session)
			.cookie("XSRF-TOKEN", form.getResponseCookies().getFirst("XSRF-TOKEN").getValue())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("_csrf=" + csrf.group(1))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.location("/my/notifications?read");
		String after = this.web.get()
			.uri("/my/notifications?read")
			.cookie("SESSION", session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(after).doesNotContain("ungelesen)").contains("Als gelesen markiert.");

		// In the member's data export, and gone with the account.
		this.web.get()
			.uri("/api/v1/me/export")
			.headers(TestMembers.bearer(name))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.notifications.length()")
			.isEqualTo(2);
		this.web.delete()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer(name))
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
		assertThat(this.database.sql("select count(*) from notification where account_id = :id")
			.bind("id", account)
			.map((row, meta) -> row.get(0, Long.class))
			.one()
			.block()).isZero();
	}

	@Test
	void theOwnerOfAMatchingListingIsToldInTheirLanguage() throws InterruptedException {
		String owner = unique("notif-match-owner");
		String address = owner + "@example.org";
		member(owner, address, "IMMEDIATELY", "uk");
		Map<String, Object> request = TestListings.with(
				TestListings.with(TestListings.offer("Begleitung zum Standesamt Notiztest gesucht"), "kind", "REQUEST"),
				"topics", List.of("accompaniment"));
		String requestId = (String) this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer(owner))
			.bodyValue(request)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		// Matches are computed when the offer is published, against what is searchable by
		// then.
		// A search can take more than the client's default 5 s on the busy test machine.
		WebTestClient patient = this.web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
		await(() -> patient.get()
			.uri("/api/v1/listings?q=Standesamt Notiztest")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody(), (body) -> body.contains(requestId), Duration.ofSeconds(20));
		String offerId = (String) this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer(unique("notif-helper")))
			.bodyValue(TestListings.with(TestListings.offer("Begleitung zum Standesamt Notiztest"), "topics",
					List.of("accompaniment")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");

		assertThat(awaitNotices(owner, 1)).singleElement()
			.satisfies((notice) -> assertThat(notice).containsEntry("kind", "NEW_MATCH")
				.containsEntry("subject", offerId)
				.containsEntry("link", "/listings/" + offerId));
		EmbeddedMailServer.Mail mail = awaitMails(address, 1).get(0);
		assertThat(mail.subject()).as("names the new listing and the member's own")
			.isEqualTo("Нове: «Begleitung zum Standesamt Notiztest» підходить до вашого оголошення "
					+ "«Begleitung zum Standesamt Notiztest gesucht»");
		assertThat(mail.text()).contains(this.properties.absolute("/listings/" + offerId));
	}

	@Test
	void remindersAndExpiryNoticesAreMadeOnce() throws InterruptedException {
		String admin = unique("notif-orga");
		String guest = unique("notif-guest");
		UUID guestId = member(guest, null, "NEVER", "de");
		UUID organisation = UUID.randomUUID();
		Instant now = Instant.now();
		this.organisations
			.save(new Organisation(organisation, "Notif Café " + organisation.toString().substring(0, 8),
					OrganisationType.ASSOCIATION, "", List.of("de"), null, "71634", null, null, null, null, null, null,
					null, null, now, now, null))
			.block();
		this.memberships.put(organisation, accountId(admin), OrganisationRole.ADMIN).block();
		LocalDate date = LocalDate.now(BERLIN).plusDays(3);
		Map<String, Object> activity = new LinkedHashMap<>();
		activity.put("organisation", organisation.toString());
		activity.put("title", "Sprachcafé Erinnerungstest");
		activity.put("description", "Deutsch üben bei Kaffee und Kuchen.");
		activity.put("languages", List.of("de"));
		activity.put("place", "71634");
		activity.put("date", date.toString());
		activity.put("startTime", "15:00");
		activity.put("endTime", "17:00");
		activity.put("recurrence", "WEEKLY");
		activity.put("repeatUntil", date.plusWeeks(2).toString());
		String activityId = (String) this.web.post()
			.uri("/api/v1/activities")
			.headers(TestMembers.bearer(admin))
			.bodyValue(activity)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		this.web.post()
			.uri("/api/v1/activities/" + activityId + "/signups")
			.headers(TestMembers.bearer(guest))
			.bodyValue(Map.of("occurrence", date.toString(), "sharedContact", "NONE"))
			.exchange()
			.expectStatus()
			.isCreated();

		Instant dayBefore = date.minusDays(1).atTime(10, 0).atZone(BERLIN).toInstant();
		this.sweep.remindActivities(dayBefore).block();
		this.sweep.remindActivities(dayBefore.plusSeconds(3600)).block();
		this.sweep.sweep(dayBefore.plusSeconds(7200)).block();
		List<Map<String, Object>> reminders = awaitNotices(guest, 1);
		Thread.sleep(500);
		reminders = notices(guest, "de");
		assertThat(reminders).singleElement()
			.satisfies((notice) -> assertThat(notice).containsEntry("kind", "ACTIVITY_REMINDER")
				.containsEntry("link", "/activities/" + activityId)
				.containsEntry("detail", date.toString()));
		assertThat((String) reminders.get(0).get("text"))
			.startsWith("Erinnerung: „Sprachcafé Erinnerungstest“ ist morgen");
		assertThat(guestId).isNotNull();

		String owner = unique("notif-expiring");
		member(owner, null, "NEVER", "de");
		Map<?, ?> listing = this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer(owner))
			.bodyValue(TestListings.offer("Bügeleisen zu verschenken"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Instant expires = Instant.parse((String) listing.get("expiresAt"));
		Instant twoDaysBefore = expires.minus(Duration.ofDays(2));
		this.sweep.noticeExpiringListings(twoDaysBefore).block();
		this.sweep.noticeExpiringListings(twoDaysBefore.plusSeconds(3600)).block();
		this.sweep.noticeExpiringListings(twoDaysBefore.plus(Duration.ofDays(1))).block();
		List<Map<String, Object>> expiring = awaitNotices(owner, 1);
		Thread.sleep(500);
		expiring = notices(owner, "de");
		assertThat(expiring).singleElement()
			.satisfies((notice) -> assertThat(notice).containsEntry("kind", "LISTING_EXPIRING")
				.containsEntry("subject", listing.get("id"))
				.containsEntry("link", "/my/listings"));
		assertThat((String) expiring.get(0).get("text"))
			.startsWith("Ihr Eintrag „Bügeleisen zu verschenken“ läuft am ");
	}

}
