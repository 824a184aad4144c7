package de.pinnwand.accounts;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import de.pinnwand.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sign-in provider that is down when the portal starts: the portal starts all the same,
 * and signing in answers a clear 503 (a page, or a problem on the API) instead of an
 * error, until the provider is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pinnwand.rate-limits.exempt-addresses=127.0.0.0/8,::1",
				// The embedded Keycloak still runs (the JVM's other tests share it); this
				// app is pointed elsewhere.
				"pinnwand.embedded.sign-in.enabled=true", "spring.test.webtestclient.timeout=30s" })
@AutoConfigureWebTestClient
class SignInOutageTests {

	@DynamicPropertySource
	static void unreachableProvider(DynamicPropertyRegistry registry) throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = socket.getLocalPort();
		}
		int port = closed;
		registry.add("pinnwand.accounts.issuer-uri", () -> "http://127.0.0.1:" + port + "/realms/pinnwand");
	}

	@Autowired
	private WebTestClient web;

	@Test
	void startsAndAnswersSignInWithAClearPageWhileTheProviderIsDown() {
		this.web.get().uri("/").exchange().expectStatus().isOk();
		this.web.get()
			.uri("/oauth2/authorization/pinnwand")
			.header("Accept-Language", "en")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentTypeCompatibleWith("text/html")
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Signing in is not available right now")
				.doesNotContain("Exception"));
	}

	@Test
	void answersTheApiWithAProblemWhileTheProviderIsDown() {
		String token = TestMembers.token("outage-member");
		this.web.get()
			.uri("/api/v1/me")
			.header("Authorization", "Bearer " + token)
			.header("Accept-Language", "en")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Signing in is not available right now. Please try again in a few minutes.");
	}

}
