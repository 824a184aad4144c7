package de.pinnwand;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import de.pinnwand.system.embedded.EmbeddedServices;
import de.pinnwand.system.embedded.EmbeddedSignInProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed-in members for tests, through the real embedded sign-in provider: bearer tokens from its token
 * endpoint for the API, and page sessions made by walking the authorization code flow (with PKCE) exactly as
 * a browser does. Any account name works in tests; the password is the provider's, made at random per run.
 */
public final class TestMembers {

	private static final Map<String, String> tokens = new ConcurrentHashMap<>();

	private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private TestMembers() {
	}

	/** Sets a bearer token of the account {@code username} on a request. */
	public static Consumer<HttpHeaders> bearer(String username) {
		String token = token(username);
		return (headers) -> headers.setBearerAuth(token);
	}

	/** An access token of the account, from the provider's token endpoint (password grant). */
	public static String token(String username) {
		return tokens.computeIfAbsent(username, TestMembers::fetchToken);
	}

	private static String fetchToken(String username) {
		EmbeddedSignInProvider provider = EmbeddedServices.signInProvider();
		String form = "grant_type=password&client_id=pinnwand&scope=openid&username=" + encode(username)
				+ "&password=" + encode(provider.password());
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(provider.tokenUri()))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new AssertionError("No token for " + username + ": " + response.body());
			}
			return JsonMapper.builder().build().readTree(response.body()).get("access_token").asString();
		}
		catch (IOException | InterruptedException ex) {
			throw new AssertionError(ex);
		}
	}

	/**
	 * Signs the account in on the pages: starts the sign-in at the app, fills in the provider's form and follows
	 * the way back. Returns the session cookie to send with later requests.
	 */
	public static String signIn(WebTestClient web, String username) {
		var start = web.get().uri("/oauth2/authorization/pinnwand").exchange().expectStatus().is3xxRedirection()
			.returnResult(Void.class);
		String session = cookie(start.getResponseCookies().getFirst("SESSION"), null);
		String authorize = start.getResponseHeaders().getLocation().toString();
		String callback = callbackFromProvider(authorize, username);
		var back = web.get().uri(URI.create(callback)).cookie("SESSION", session).exchange()
			.expectStatus().is3xxRedirection().returnResult(Void.class);
		return cookie(back.getResponseCookies().getFirst("SESSION"), session);
	}

	/**
	 * Signs the account in at the provider's page that {@code authorize} (the portal's redirect to the provider) leads
	 * to, as a person would, and returns the address the provider sends the browser back to: the portal's callback.
	 */
	public static String callbackFromProvider(String authorize, String username) {
		EmbeddedSignInProvider provider = EmbeddedServices.signInProvider();
		try {
			HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(authorize))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("username=" + encode(username) + "&password=" + encode(provider.password())))
				.build(), HttpResponse.BodyHandlers.ofString());
			return login.headers().firstValue("Location")
				.orElseThrow(() -> new AssertionError("Sign-in refused: " + login.statusCode()));
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
