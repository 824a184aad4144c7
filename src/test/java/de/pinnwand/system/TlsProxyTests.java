package de.pinnwand.system;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import de.pinnwand.TestMembers;
import de.pinnwand.accounts.web.SignInRequests;
import de.pinnwand.system.embedded.EmbeddedServices;
import de.pinnwand.testing.TlsProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal behind Debian's nginx terminating TLS on loopback, as the README deploys it:
 * the sign-in code flow through the proxy ends signed in with only {@code https://}
 * redirects, and rate limits count each visitor by the address the proxy reports, which a
 * visitor cannot forge. Only 127.0.0.1 (where nginx connects from) is a trusted proxy;
 * visitors come from 127.0.0.2 and 127.0.0.3.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pinnwand.trusted-proxies=127.0.0.1", "pinnwand.moderation.premoderate-new-members=false" })
class TlsProxyTests {

	private static TlsProxy proxy;

	@LocalServerPort
	private int appPort;

	@BeforeAll
	static void noProxyYet() {
		proxy = null;
	}

	@AfterAll
	static void stopProxy() {
		if (proxy != null) {
			proxy.close();
		}
	}

	private TlsProxy proxy() throws Exception {
		if (proxy == null) {
			proxy = TlsProxy.start(this.appPort);
			// Keycloak sends the browser back only to addresses its client knows.
			EmbeddedServices.signInProvider().admin().allowPortalAddress(proxy.url());
		}
		return proxy;
	}

	@Test
	void signsInThroughTheProxyWithHttpsRedirectsOnly() throws Exception {
		TlsProxy tls = proxy();
		TlsProxy.Answer start = tls.get("127.0.0.5", "/oauth2/authorization/pinnwand", Map.of());
		assertThat(start.status()).isEqualTo(302);
		String authorize = start.header("Location");
		String redirectUri = URLDecoder.decode(query(authorize, "redirect_uri"), StandardCharsets.UTF_8);
		assertThat(redirectUri).isEqualTo(tls.url() + "/login/oauth2/code/pinnwand");
		String startCookie = cookie(start, SignInRequests.COOKIE);
		assertThat(start.headers("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith(SignInRequests.COOKIE + "=")
				.containsIgnoringCase("Secure")
				.containsIgnoringCase("HttpOnly"));

		String callback = TestMembers.callbackFromProvider(authorize, "proxy-visitor");
		assertThat(callback).startsWith(tls.url() + "/login/oauth2/code/pinnwand?");
		URI back = URI.create(callback);
		TlsProxy.Answer signedIn = tls.get("127.0.0.5", back.getRawPath() + "?" + back.getRawQuery(),
				Map.of("Cookie", SignInRequests.COOKIE + "=" + startCookie));
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).satisfiesAnyOf((location) -> assertThat(location).startsWith("/"),
				(location) -> assertThat(location).startsWith(tls.url() + "/"));
		String session = cookie(signedIn, "SESSION");

		TlsProxy.Answer account = tls.get("127.0.0.5", "/my/account?ui=en", Map.of("Cookie", "SESSION=" + session));
		assertThat(account.status()).isEqualTo(200);
		assertThat(account.body()).contains("proxy-visitor")
			.doesNotContain("http://localhost", "http://127.0.0.1:" + this.appPort);
	}

	@Test
	void countsVisitorsByTheAddressTheProxyReportsAndIgnoresForgedOnes() throws Exception {
		TlsProxy tls = proxy();
		// The sign-in rule: 10 starts a minute per visitor.
		for (int i = 0; i < 10; i++) {
			assertThat(tls.get("127.0.0.2", "/oauth2/authorization/pinnwand", Map.of()).status()).as("start %d", i)
				.isEqualTo(302);
		}
		assertThat(tls.get("127.0.0.2", "/oauth2/authorization/pinnwand", Map.of()).status()).isEqualTo(429);
		// Writing another address into X-Forwarded-For does not make 127.0.0.2 someone
		// else: nginx appends the real one.
		assertThat(tls.get("127.0.0.2", "/oauth2/authorization/pinnwand", Map.of("X-Forwarded-For", "198.51.100.77"))
			.status()).isEqualTo(429);
		// Another visitor behind the same proxy has a limit of their own.
		assertThat(tls.get("127.0.0.3", "/oauth2/authorization/pinnwand", Map.of()).status()).isEqualTo(302);
	}

	@Test
	void believesNoForwardedHeaderFromAnyoneButTheProxy() throws Exception {
		TlsProxy tls = proxy();
		// Straight to the app from 127.0.0.4, which is no proxy, claiming to forward for
		// 127.0.0.3 over https.
		Map<String, String> forged = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example",
				"X-Forwarded-For", "127.0.0.3");
		for (int i = 0; i < 10; i++) {
			TlsProxy.Answer answer = TlsProxy.plainGet("127.0.0.4", this.appPort, "/oauth2/authorization/pinnwand",
					forged);
			assertThat(answer.status()).isEqualTo(302);
			assertThat(URLDecoder.decode(query(answer.header("Location"), "redirect_uri"), StandardCharsets.UTF_8))
				.isEqualTo("http://localhost:" + this.appPort + "/login/oauth2/code/pinnwand");
		}
		assertThat(TlsProxy.plainGet("127.0.0.4", this.appPort, "/oauth2/authorization/pinnwand", forged).status())
			.as("counted as the sender itself")
			.isEqualTo(429);
		// 127.0.0.3 was not charged for what 127.0.0.4 claimed.
		assertThat(tls.get("127.0.0.3", "/oauth2/authorization/pinnwand", Map.of()).status()).isEqualTo(302);
	}

	private static String cookie(TlsProxy.Answer answer, String name) {
		return answer.headers("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith(name + "="))
			.map((cookie) -> cookie.substring(name.length() + 1, cookie.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no cookie " + name + " in " + answer.headers()));
	}

	private static String query(String uri, String name) {
		for (String pair : URI.create(uri).getRawQuery().split("&")) {
			if (pair.startsWith(name + "=")) {
				return pair.substring(name.length() + 1);
			}
		}
		throw new AssertionError(name + " missing in " + uri);
	}

}
