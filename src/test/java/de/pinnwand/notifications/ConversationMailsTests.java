package de.pinnwand.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import de.pinnwand.TestMembers;
import de.pinnwand.system.embedded.EmbeddedMailServer;
import de.pinnwand.system.embedded.EmbeddedServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole story through the real API and the real SMTP server: a refugee
 * answers a volunteer's offer in Arabic, the volunteer gets an e-mail in German at once,
 * replies, neither mail carries the other's address, the offer is marked fulfilled, and
 * the refugee's digest arrives next morning in Arabic with the reply and the saved-search
 * hit.
 */
@PinnwandTest
class ConversationMailsTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Autowired
	private WebTestClient web;

	@Autowired
	private MailDelivery delivery;

	@Autowired
	private NotificationSweep sweep;

	@Autowired
	private NotificationsProperties properties;

	private void member(String name, String email, String notifications, String language, List<String> languages) {
		this.web.put()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer(name))
			.bodyValue(Map.of("displayName", name, "languages", languages, "contactEmail", email, "emailNotifications",
					notifications, "interfaceLanguage", language))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private static List<EmbeddedMailServer.Mail> mailsTo(String address) {
		return EmbeddedServices.mailServer().received().stream().filter((mail) -> mail.to().contains(address)).toList();
	}

	private static List<EmbeddedMailServer.Mail> awaitMails(String address, int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (mailsTo(address).size() < count && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		assertThat(mailsTo(address)).as("mails to " + address).hasSize(count);
		return mailsTo(address);
	}

	@Test
	void aRefugeeAnswersInArabicTheVolunteerIsMailedInGermanAndTheDigestFollowsNextMorning()
			throws InterruptedException {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String volunteer = "mail-jonas-" + run;
		String refugee = "mail-amal-" + run;
		String volunteerMail = volunteer + "@example.org";
		String refugeeMail = refugee + "@example.org";
		member(volunteer, volunteerMail, "IMMEDIATELY", "de", List.of("de"));
		member(refugee, refugeeMail, "DAILY", "ar", List.of("ar", "de"));
		this.web.post()
			.uri("/api/v1/me/searches")
			.headers(TestMembers.bearer(refugee))
			.bodyValue(Map.of("query", "q=Kinderfahrradwerkstatt" + run))
			.exchange()
			.expectStatus()
			.isCreated();
		String title = "Begleitung zur Ausländerbehörde " + run;
		String offer = this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer(volunteer))
			.bodyValue(TestListings.offer(title))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();

		String conversation = (String) this.web.post()
			.uri("/api/v1/conversations")
			.headers(TestMembers.bearer(refugee))
			.bodyValue(Map.of("listing", offer, "text", "مرحبا، هل يمكنك مرافقتي يوم الثلاثاء؟"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");

		EmbeddedMailServer.Mail toVolunteer = awaitMails(volunteerMail, 1).get(0);
		assertThat(toVolunteer.subject()).isEqualTo("Neue Nachricht zu „" + title + "“");
		assertThat(toVolunteer.text()).contains(this.properties.absolute("/conversations/" + conversation))
			.doesNotContain(refugeeMail);
		assertThat(toVolunteer.html()).contains("lang=\"de\"").doesNotContain(refugeeMail);

		this.web.post()
			.uri("/api/v1/conversations/" + conversation + "/messages")
			.headers(TestMembers.bearer(volunteer))
			.bodyValue(Map.of("text", "Gern! Dienstag um 9 Uhr am Rathaus?"))
			.exchange()
			.expectStatus()
			.isCreated();
		this.web.post()
			.uri("/api/v1/conversations/" + conversation + "/fulfilment")
			.headers(TestMembers.bearer(volunteer))
			.exchange()
			.expectStatus()
			.isOk();
		// A new listing fits the refugee's saved search.
		this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer("mail-poster-" + run))
			.bodyValue(TestListings.offer("Kinderfahrradwerkstatt" + run + " im Jugendhaus"))
			.exchange()
			.expectStatus()
			.isCreated();
		// The refugee chose a daily digest: nothing at once.
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		String kinds = "";
		while (!(kinds.contains("NEW_MESSAGE") && kinds.contains("SAVED_SEARCH_HIT")) && System.nanoTime() < deadline) {
			Thread.sleep(300);
			kinds = this.web.get()
				.uri("/api/v1/me/notifications")
				.headers(TestMembers.bearer(refugee))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
		}
		assertThat(kinds).contains("NEW_MESSAGE", "SAVED_SEARCH_HIT");
		this.delivery.deliverDue(Instant.now()).block();
		assertThat(mailsTo(refugeeMail)).isEmpty();

		Instant tomorrowMorning = ZonedDateTime.now(BERLIN)
			.toLocalDate()
			.plusDays(1)
			.atTime(this.properties.digestTime().plusMinutes(5))
			.atZone(BERLIN)
			.toInstant();
		this.sweep.queueDigests(tomorrowMorning).block();
		this.delivery.deliverDue(tomorrowMorning.plusSeconds(60)).block();
		EmbeddedMailServer.Mail digest = awaitMails(refugeeMail, 1).get(0);
		assertThat(digest.html()).contains("dir=\"rtl\"", "lang=\"ar\"");
		assertThat(digest.text()).contains(title, "Kinderfahrradwerkstatt" + run + " im Jugendhaus")
			.contains(this.properties.absolute("/conversations/" + conversation))
			.doesNotContain(volunteerMail);
	}

}
