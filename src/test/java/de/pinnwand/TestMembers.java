package de.pinnwand;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.pinnwand.accounts.web.SignInRequests;
import de.pinnwand.system.embedded.EmbeddedKeycloak;
import de.pinnwand.system.embedded.EmbeddedServices;
import de.pinnwand.system.embedded.KeycloakAdmin;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed-in members for tests, through the real embedded Keycloak: each member is made
 * there on first use (admin API, a password made at random per run); bearer tokens come
 * from the script client's password grant, and page sessions from walking the
 * authorization code flow (with PKCE) through Keycloak's login page exactly as a browser
 * does.
 */
public final class TestMembers {

	private static final Map<String, Token> tokens = new ConcurrentHashMap<>();

	/**
	 * Keycloak's access tokens last five minutes; a test run lasts longer, so they are
	 * fetched anew in time.
	 */
	private record Token(String value, Instant renewAt) {
	}

	private static final Map<String, String> subjects = new ConcurrentHashMap<>();

	private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

	private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private TestMembers() {
	}

	/** Sets a bearer token of the account {@code username} on a request. */
	public static Consumer<HttpHeaders> bearer(String username) {
		String token = token(username);
		return (headers) -> headers.setBearerAuth(token);
	}

	/**
	 * An access token of the account, from Keycloak's token endpoint (password grant of
	 * the script client).
	 */
	public static String token(String username) {
		return tokens.compute(username,
				(name, known) -> (known != null && Instant.now().isBefore(known.renewAt())) ? known : fetchToken(name))
			.value();
	}

	/**
	 * The member's subject at Keycloak (their tokens' {@code sub}, the key of their
	 * Pinnwand account), making the member there if needed: tests prepare accounts by it.
	 */
	public static String subject(String username) {
		return subjects.computeIfAbsent(username, (name) -> EmbeddedServices.ensureMember(name));
	}

	private static Token fetchToken(String username) {
		subject(username);
		EmbeddedKeycloak provider = EmbeddedServices.signInProvider();
		String form = "grant_type=password&client_id=" + KeycloakAdmin.SCRIPT_CLIENT + "&scope=openid&username="
				+ encode(username) + "&password=" + encode(EmbeddedServices.memberPassword());
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(provider.tokenUri()))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new AssertionError("No token for " + username + ": " + response.body());
			}
			JsonNode answer = JsonMapper.builder().build().readTree(response.body());
			return new Token(answer.get("access_token").asString(),
					Instant.now().plusSeconds(answer.get("expires_in").asLong() / 2));
		}
		catch (IOException | InterruptedException ex) {
			throw new AssertionError(ex);
		}
	}

	/**
	 * Signs the account in on the pages: starts the sign-in at the app, fills in
	 * Keycloak's login form and follows the way back. Returns the session cookie to send
	 * with later requests.
	 */
	public static String signIn(WebTestClient web, String username) {
		subject(username);
		var start = web.get()
			.uri("/oauth2/authorization/pinnwand")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(Void.class);
		// The started sign-in waits in its sealed cookie, not in a session
		// (SignInRequests).
		String started = cookie(start.getResponseCookies().getFirst(SignInRequests.COOKIE), null);
		String authorize = start.getResponseHeaders().getLocation().toString();
		String callback = callbackFromProvider(authorize, username);
		var back = web.get()
			.uri(URI.create(callback))
			.cookie(SignInRequests.COOKIE, started)
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(Void.class);
		return cookie(back.getResponseCookies().getFirst("SESSION"), null);
	}

	/**
	 * Signs the account in at Keycloak's login page that {@code authorize} (the portal's
	 * redirect to the provider) leads to, as a person would, and returns the address
	 * Keycloak sends the browser back to: the portal's callback.
	 */
	public static String callbackFromProvider(String authorize, String username) {
		subject(username);
		try {
			HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(authorize)).build(),
					HttpResponse.BodyHandlers.ofString());
			// Keycloak keeps the login's state in its own cookies, as in a browser
			// (which, unlike Java's cookie
			// store, sends its 'Secure' cookies to a loopback address over plain HTTP).
			String cookies = String.join("; ", page.headers()
				.allValues("Set-Cookie")
				.stream()
				.map((header) -> header.substring(0, header.indexOf(';') > 0 ? header.indexOf(';') : header.length()))
				.toList());
			Matcher form = LOGIN_FORM.matcher(page.body());
			if (!form.find()) {
				throw new AssertionError("No login form at " + authorize + " (" + page.statusCode() + ")");
			}
			HttpResponse<String> login = http
				.send(HttpRequest.newBuilder(URI.create(HtmlUtils.htmlUnescape(form.group(1))))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Cookie", cookies)
					.POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
							+ encode(EmbeddedServices.memberPassword()) + "&credentialId="))
					.build(), HttpResponse.BodyHandlers.ofString());
			return login.headers()
				.firstValue("Location")
				.orElseThrow(() -> new AssertionError("Sign-in refused: " + login.statusCode() + " " + login.body()));
		}
		catch (IOException | InterruptedException ex) {
			throw new AssertionError(ex);
		}
	}

	private static String cookie(ResponseCookie cookie, String fallback) {
		return (cookie != null && !cookie.getValue().isEmpty()) ? cookie.getValue() : fallback;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
