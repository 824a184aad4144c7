package de.pinnwand.accounts.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A started sign-in survives in its sealed cookie for as long as people take at the
 * provider (issue 15: more than five minutes ended in an error), on any instance with the
 * same key, and nowhere else: a changed byte, another key, another sign-in's state or an
 * expired cookie give nothing.
 */
class SignInRequestsTests {

	private static final String KEY = "a-deployment-secret-of-at-least-32-characters";

	private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");

	@Test
	void keepsTheStartedSignInInAnHttpOnlyLaxCookieForTheCallbackOnly() {
		SignInRequests requests = at(NOW);
		MockServerWebExchange start = MockServerWebExchange
			.from(MockServerHttpRequest.get("https://pinnwand.example/oauth2/authorization/pinnwand"));
		requests.saveAuthorizationRequest(request("state-1"), start).block();

		ResponseCookie cookie = start.getResponse().getCookies().getFirst(SignInRequests.COOKIE);
		assertThat(cookie).isNotNull();
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.isSecure()).as("https").isTrue();
		assertThat(cookie.getSameSite()).isEqualTo("Lax");
		assertThat(cookie.getPath()).isEqualTo("/login/oauth2/code/");
		assertThat(cookie.getMaxAge()).as("a day longer than its content, to tell a late way back from a forged one")
			.isEqualTo(Duration.ofMinutes(40).plusDays(1));
		assertThat(cookie.getValue()).as("sealed: the PKCE verifier is not readable")
			.doesNotContain("verifier-secret", "state-1");
		assertThat(new String(Base64.getUrlDecoder().decode(cookie.getValue()),
				java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain("verifier-secret");

		MockServerWebExchange plain = MockServerWebExchange
			.from(MockServerHttpRequest.get("http://localhost/oauth2/authorization/pinnwand"));
		requests.saveAuthorizationRequest(request("state-1"), plain).block();
		assertThat(plain.getResponse().getCookies().getFirst(SignInRequests.COOKIE).isSecure()).as("plain http")
			.isFalse();
	}

	@Test
	void givesBackTheSameSignInAfterHalfAnHourOnAnotherInstanceWithTheSameKey() {
		String cookie = startedCookie(at(NOW), "state-2");

		MockServerWebExchange back = callback(cookie, "state-2");
		OAuth2AuthorizationRequest loaded = at(NOW.plus(Duration.ofMinutes(30))).removeAuthorizationRequest(back)
			.block();

		assertThat(loaded).isNotNull();
		assertThat(loaded.getState()).isEqualTo("state-2");
		assertThat(loaded.getClientId()).isEqualTo("pinnwand");
		assertThat(loaded.getRedirectUri()).isEqualTo("https://pinnwand.example/login/oauth2/code/pinnwand");
		assertThat(loaded.getScopes()).containsExactlyInAnyOrder("openid", "profile");
		assertThat(loaded.<String>getAttribute("code_verifier")).isEqualTo("verifier-secret");
		assertThat(loaded.getAttributes()).containsEntry("registration_id", "pinnwand");
		assertThat(loaded.getAdditionalParameters()).containsEntry("code_challenge_method", "S256")
			.containsEntry("ui_locales", "ar");
		assertThat(loaded.getAuthorizationRequestUri()).isEqualTo("https://id.example/auth?state=state-2");
		ResponseCookie removed = back.getResponse().getCookies().getFirst(SignInRequests.COOKIE);
		assertThat(removed.getMaxAge()).as("used once, then removed").isZero();
		assertThat(removed.getPath()).isEqualTo("/login/oauth2/code/");
	}

	@Test
	void refusesAnExpiredChangedForeignOrMismatchedCookie() {
		String cookie = startedCookie(at(NOW), "state-3");

		assertThat(at(NOW.plus(Duration.ofMinutes(41))).loadAuthorizationRequest(callback(cookie, "state-3")).block())
			.as("expired")
			.isNull();
		assertThat(new SignInRequests("another-deployment-secret-of-32-characters", Duration.ofMinutes(40),
				Clock.fixed(NOW, ZoneOffset.UTC))
			.loadAuthorizationRequest(callback(cookie, "state-3"))
			.block()).as("sealed with another key").isNull();
		assertThat(at(NOW).loadAuthorizationRequest(callback(cookie, "state-other")).block())
			.as("the answer of another sign-in")
			.isNull();
		char[] chars = cookie.toCharArray();
		chars[chars.length / 2] = (chars[chars.length / 2] == 'A') ? 'B' : 'A';
		assertThat(at(NOW).loadAuthorizationRequest(callback(new String(chars), "state-3")).block())
			.as("one character changed")
			.isNull();
		assertThat(at(NOW).loadAuthorizationRequest(callback("%%not-base64", "state-3")).block()).isNull();
		assertThat(at(NOW).loadAuthorizationRequest(callback("", "state-3")).block()).isNull();
		assertThat(at(NOW).loadAuthorizationRequest(callback(cookie, "state-3")).block()).as("the intact one")
			.isNotNull();
	}

	@Test
	void aRunWithoutAConfiguredKeyMakesItsOwnAndRefusesShortSecrets() {
		String cookie = startedCookie(new SignInRequests("", Duration.ofMinutes(40), Clock.systemUTC()), "state-4");
		assertThat(new SignInRequests(null, Duration.ofMinutes(40), Clock.systemUTC())
			.loadAuthorizationRequest(callback(cookie, "state-4"))
			.block()).as("each random key is its own").isNull();
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new SignInRequests("too-short", Duration.ofMinutes(40), Clock.systemUTC()))
			.withMessageContaining("pinnwand.accounts.sign-in-key");
	}

	private static SignInRequests at(Instant now) {
		return new SignInRequests(KEY, Duration.ofMinutes(40), Clock.fixed(now, ZoneOffset.UTC));
	}

	private static String startedCookie(SignInRequests requests, String state) {
		MockServerWebExchange start = MockServerWebExchange
			.from(MockServerHttpRequest.get("/oauth2/authorization/pinnwand"));
		requests.saveAuthorizationRequest(request(state), start).block();
		return start.getResponse().getCookies().getFirst(SignInRequests.COOKIE).getValue();
	}

	private static MockServerWebExchange callback(String cookie, String state) {
		return MockServerWebExchange.from(MockServerHttpRequest.get("/login/oauth2/code/pinnwand?code=c&state=" + state)
			.cookie(new org.springframework.http.HttpCookie(SignInRequests.COOKIE, cookie)));
	}

	private static OAuth2AuthorizationRequest request(String state) {
		return OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri("https://id.example/auth")
			.clientId("pinnwand")
			.redirectUri("https://pinnwand.example/login/oauth2/code/pinnwand")
			.scopes(Set.of("openid", "profile"))
			.state(state)
			.additionalParameters((parameters) -> {
				parameters.put("code_challenge", "challenge");
				parameters.put("code_challenge_method", "S256");
				parameters.put("ui_locales", "ar");
			})
			.attributes((attributes) -> {
				attributes.put("registration_id", "pinnwand");
				attributes.put("code_verifier", "verifier-secret");
			})
			.authorizationRequestUri("https://id.example/auth?state=" + state)
			.build();
	}

}
