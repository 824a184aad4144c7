package de.pinnwand.security;

import java.net.URI;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestMembers;
import de.pinnwand.accounts.web.SignInRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Visitors leave no server state: starting a sign-in makes no session (a flood of them
 * cannot fill the store), and the way back from the provider works from the sealed cookie
 * alone. A way back whose sign-in is gone ends on a page in the reader's language that
 * offers to sign in again.
 */
@PinnwandTest
class SignInWithoutSessionTests {

	@Autowired
	private WebTestClient web;

	@Autowired
	private WebSessionManager sessions;

	private int sessionCount() {
		return ((BoundedSessions) ((DefaultWebSessionManager) this.sessions).getSessionStore()).size();
	}

	@Test
	void aFloodOfSignInStartsMakesNoSession() {
		int before = sessionCount();
		for (int i = 0; i < 200; i++) {
			var start = this.web.get()
				.uri("/oauth2/authorization/pinnwand")
				.exchange()
				.expectStatus()
				.is3xxRedirection()
				.returnResult(Void.class);
			assertThat(start.getResponseCookies().getFirst("SESSION")).as("start %d", i).isNull();
			assertThat(start.getResponseCookies().getFirst(SignInRequests.COOKIE)).as("start %d", i).isNotNull();
		}
		assertThat(sessionCount()).as("sessions after 200 sign-in starts").isLessThanOrEqualTo(before);
	}

	@Test
	void visitorsOpeningMembersPagesMakeNoSession() {
		int before = sessionCount();
		for (int i = 0; i < 100; i++) {
			String page = (i % 2 == 0) ? "/my/listings?page=" + i : "/conversations";
			var answer = this.web.get()
				.uri(page)
				.header("Accept", "text/html")
				.exchange()
				.expectStatus()
				.is3xxRedirection()
				.returnResult(Void.class);
			assertThat(answer.getResponseCookies().getFirst("SESSION")).as("visit %d", i).isNull();
			assertThat(answer.getResponseHeaders().getLocation()).as("visit %d", i)
				.hasToString(de.pinnwand.accounts.web.SignIn.startReturningTo(page));
		}
		assertThat(sessionCount()).as("sessions after 100 visits to members' pages").isLessThanOrEqualTo(before);
	}

	@Test
	void signsInFromTheCookieAloneAndOffersANewSignInWhenItIsGone() {
		String member = TestMembers.signIn(this.web, "cookie-signin");
		this.web.get().uri("/my/account?ui=en").cookie("SESSION", member).exchange().expectStatus().isOk();

		var start = this.web.get()
			.uri("/oauth2/authorization/pinnwand")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(Void.class);
		String callback = TestMembers.callbackFromProvider(start.getResponseHeaders().getLocation().toString(),
				"cookie-signin");
		String sealed = start.getResponseCookies().getFirst(SignInRequests.COOKIE).getValue();
		// A cookie whose content is of no use (expired: issue 15's wait of more than five
		// minutes, now 40; sealed
		// by another key; changed) was a sign-in that came back too late.
		String spoilt = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("AA") ? "BB" : "AA");
		this.web.get()
			.uri(URI.create(callback))
			.cookie(SignInRequests.COOKIE, spoilt)
			.header("Accept-Language", "en")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody(String.class)
			.value((html) -> assertThat(HtmlUtils.htmlUnescape(html))
				.contains("Signing in took too long. Please sign in again.")
				.contains("<a href=\"/oauth2/authorization/pinnwand\">Sign in again</a>")
				.doesNotContain("Exception", "authorization_request_not_found"));
		this.web.get()
			.uri(URI.create(callback))
			.cookie(SignInRequests.COOKIE, spoilt)
			.header("Accept-Language", "de")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody(String.class)
			.value((html) -> assertThat(HtmlUtils.htmlUnescape(html)).contains("Die Anmeldung hat zu lange gedauert.")
				.contains(">Noch einmal anmelden</a>"));
		// Without any started sign-in (forged, another browser) it did not work; the way
		// to start again is there too.
		this.web.get()
			.uri(URI.create(callback))
			.header("Accept-Language", "en")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody(String.class)
			.value((html) -> assertThat(HtmlUtils.htmlUnescape(html)).contains("Signing in did not work.")
				.contains(">Sign in again</a>"));
		// The intact cookie still finishes this very sign-in.
		this.web.get()
			.uri(URI.create(callback))
			.cookie(SignInRequests.COOKIE, sealed)
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectCookie()
			.exists("SESSION");
	}

}
