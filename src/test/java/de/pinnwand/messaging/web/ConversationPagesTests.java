package de.pinnwand.messaging.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import de.pinnwand.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conversation pages without JavaScript: answering from a listing, the inbox with its
 * unread count, replying, showing one's e-mail address, and what a page shows when
 * something is wrong.
 */
@PinnwandTest
class ConversationPagesTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	private WebTestClient web;

	/** A signed-in member's session with the CSRF token of the page they opened. */
	private record Session(String member, String xsrf, String token) {
	}

	private Session open(String username, String path) {
		String member = TestMembers.signIn(this.web, username);
		EntityExchangeResult<String> page = this.web.get()
			.uri(path)
			.cookie("SESSION", member)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		Matcher token = CSRF.matcher(page.getResponseBody());
		assertThat(token.find()).isTrue();
		return new Session(member, page.getResponseCookies().getFirst("XSRF-TOKEN").getValue(), token.group(1));
	}

	private EntityExchangeResult<String> submit(Session session, String path, MultiValueMap<String, String> fields) {
		fields.add("_csrf", session.token());
		return this.web.post()
			.uri(path)
			.cookie("SESSION", session.member())
			.cookie("XSRF-TOKEN", session.xsrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(fields))
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	private String page(String username, String path) {
		return this.web.get()
			.uri(path)
			.cookie("SESSION", TestMembers.signIn(this.web, username))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/** The volunteer's notices that are still unread, as JSON. */
	@SuppressWarnings("unchecked")
	private String unreadMessageNotices() {
		Map<String, Object> body = this.web.get()
			.uri("/api/v1/me/notifications")
			.headers(TestMembers.bearer("page-conv-volunteer"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((List<Map<String, Object>>) body.get("items")).stream()
			.filter((notice) -> notice.get("readAt") == null)
			.map(Object::toString)
			.toList()
			.toString();
	}

	private String post(String poster, String title) {
		return this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer(poster))
			.bodyValue(TestListings.offer(title))
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
	void answersFromTheListingRepliesAndSharesContactDetailsThroughForms() {
		this.web.put()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer("page-conv-volunteer"))
			.bodyValue(Map.of("displayName", "Jonas Seitenhelfer", "languages", List.of("de"), "contactEmail",
					"jonas.seiten@example.org", "emailNotifications", "NEVER"))
			.exchange()
			.expectStatus()
			.isOk();
		String listing = post("page-conv-volunteer", "Deutsch üben beim Spaziergang Seitenkonv");

		// A visitor sees an 'answer' link that leads through sign-in; a member gets the
		// form.
		assertThat(this.web.get()
			.uri("/listings/" + listing + "?ui=ar")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("href=\"/conversations/new?listing=" + listing + "\"", ">رد<");
		Session refugee = open("page-conv-refugee", "/conversations/new?listing=" + listing + "&ui=ar");
		MultiValueMap<String, String> answer = new LinkedMultiValueMap<>();
		answer.add("listing", listing);
		answer.add("text", "مرحبا <script>alert(1)</script>\nسطر ثان");
		EntityExchangeResult<String> answered = submit(refugee, "/conversations", answer);
		assertThat(answered.getStatus().value()).isEqualTo(303);
		String location = answered.getResponseHeaders().getLocation().toString();
		assertThat(location).matches("/conversations/[0-9a-f-]{36}#latest");
		String conversation = location.substring(0, location.indexOf('#'));

		String seenByVolunteer = page("page-conv-volunteer", "/conversations?ui=de");
		assertThat(seenByVolunteer).contains("Deutsch üben beim Spaziergang Seitenkonv", "1 ungelesen",
				"<span class=\"badge\">");
		String thread = page("page-conv-volunteer", conversation + "?ui=de");
		assertThat(thread).contains("مرحبا &lt;script&gt;alert(1)&lt;/script&gt;<br>سطر ثان")
			.doesNotContain("<script>alert(1)")
			.contains("Meine E-Mail-Adresse zeigen")
			.contains("Die andere Seite hat noch keine Kontaktdaten gezeigt.");
		// Read now: neither the inbox nor the notices count it any more.
		String after = page("page-conv-volunteer", "/conversations?ui=de");
		assertThat(after).doesNotContain("<span class=\"badge\">");
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
		String notices = unreadMessageNotices();
		while (notices.contains("NEW_MESSAGE") && System.nanoTime() < deadline) {
			notices = unreadMessageNotices();
		}
		assertThat(notices).doesNotContain("NEW_MESSAGE");

		Session volunteer = open("page-conv-volunteer", conversation);
		MultiValueMap<String, String> reply = new LinkedMultiValueMap<>();
		reply.add("text", "Gern, am Dienstag?");
		assertThat(submit(volunteer, conversation + "/messages", reply).getStatus().value()).isEqualTo(303);
		MultiValueMap<String, String> show = new LinkedMultiValueMap<>();
		show.add("show", "email");
		EntityExchangeResult<String> shown = submit(volunteer, conversation + "/disclosure", show);
		assertThat(shown.getResponseHeaders().getLocation().toString()).endsWith("?done=shown");

		String seenByRefugee = page("page-conv-refugee", conversation + "?ui=ar");
		assertThat(seenByRefugee).contains("<html lang=\"ar\" dir=\"rtl\">", "Gern, am Dienstag?",
				"href=\"mailto:jonas.seiten@example.org\"", "Jonas Seitenhelfer");
		assertThat(page("page-conv-volunteer", conversation))
			.contains("Sie zeigen der anderen Seite Ihre E-Mail-Adresse.");

		// An empty reply is refused on the page, in the reader's language, and nothing is
		// stored.
		Session again = open("page-conv-refugee", conversation + "?ui=en");
		MultiValueMap<String, String> empty = new LinkedMultiValueMap<>();
		empty.add("text", "   ");
		EntityExchangeResult<String> refused = this.web.post()
			.uri(conversation + "/messages?ui=en")
			.cookie("SESSION", again.member())
			.cookie("XSRF-TOKEN", again.xsrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("_csrf", again.token()).with("text", "   "))
			.exchange()
			.expectBody(String.class)
			.returnResult();
		assertThat(refused.getStatus().value()).isEqualTo(422);
		assertThat(refused.getResponseBody()).contains("Please write a message.");
	}

	@Test
	void strangersAndBrokenAddressesFindNothing() {
		String listing = post("page-conv-owner-two", "Laptop für Schulkind Seitenkonv");
		Session asker = open("page-conv-asker-two", "/conversations/new?listing=" + listing);
		MultiValueMap<String, String> answer = new LinkedMultiValueMap<>();
		answer.add("listing", listing);
		answer.add("text", "Hallo");
		String location = submit(asker, "/conversations", answer).getResponseHeaders().getLocation().toString();
		String conversation = location.substring(0, location.indexOf('#'));
		this.web.get()
			.uri(conversation)
			.cookie("SESSION", TestMembers.signIn(this.web, "page-conv-nosy"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.get()
			.uri("/conversations/kaputt")
			.cookie("SESSION", TestMembers.signIn(this.web, "page-conv-nosy"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.get()
			.uri("/conversations/new?listing=kaputt")
			.cookie("SESSION", TestMembers.signIn(this.web, "page-conv-nosy"))
			.exchange()
			.expectStatus()
			.isNotFound();
		// The owner cannot answer their own listing: the form says why.
		Session owner = open("page-conv-owner-two", "/conversations?ui=de");
		MultiValueMap<String, String> ownAnswer = new LinkedMultiValueMap<>();
		ownAnswer.add("listing", listing);
		ownAnswer.add("text", "Hallo");
		EntityExchangeResult<String> own = submit(owner, "/conversations", ownAnswer);
		assertThat(own.getStatus().value()).isEqualTo(422);
		assertThat(own.getResponseBody()).contains("Auf eigene Einträge können Sie nicht antworten.");
		// The owner's listing page links the conversations about it instead of an answer
		// button.
		assertThat(page("page-conv-owner-two", "/listings/" + listing + "?ui=de"))
			.contains("href=\"/conversations?listing=" + listing + "\"")
			.doesNotContain("/conversations/new?listing=");
		// Closing from the page; the reply form is gone then.
		EntityExchangeResult<String> closed = submit(asker, conversation + "/close", new LinkedMultiValueMap<>());
		assertThat(closed.getResponseHeaders().getLocation().toString()).endsWith("?done=closed");
		assertThat(page("page-conv-owner-two", conversation + "?ui=de"))
			.contains("Die andere Seite hat dieses Gespräch beendet.")
			.doesNotContain("action=\"" + conversation + "/messages\"");
	}

}
