package de.pinnwand.accounts;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.pinnwand.PinnwandTest;
import de.pinnwand.system.embedded.EmbeddedMailServer;
import de.pinnwand.system.embedded.EmbeddedServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new person registers on Keycloak's page, reached from the portal's sign-in in their
 * language, with a pseudonym, an e-mail address and a password, and gets the address
 * check by mail from the embedded mail server.
 */
@PinnwandTest
class RegistrationTests {

	private static final Pattern REGISTER_FORM = Pattern
		.compile("<form[^>]*id=\"kc-register-form\"[^>]*action=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final Map<String, String> cookies = new LinkedHashMap<>();

	@Autowired
	private WebTestClient web;

	@Test
	void registersWithPseudonymAddressAndPasswordAndGetsTheAddressCheckByMail() throws Exception {
		EmbeddedServices.signInProvider();
		String authorize = this.web.get()
			.uri("/oauth2/authorization/pinnwand?ui=en")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		String registration = authorize.replace("/protocol/openid-connect/auth?",
				"/protocol/openid-connect/registrations?");
		HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(registration)).build());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).as("a pseudonym, no real name")
			.contains("id=\"username\"")
			.contains("id=\"email\"")
			.doesNotContain("id=\"firstName\"")
			.doesNotContain("id=\"lastName\"");
		Matcher form = REGISTER_FORM.matcher(page.body());
		assertThat(form.find()).isTrue();
		String name = "neu-" + UUID.randomUUID().toString().substring(0, 8);
		String address = name + "@example.org";
		String password = "Ein langes Passwort " + UUID.randomUUID();
		HttpResponse<String> registered = send(HttpRequest.newBuilder(URI.create(HtmlUtils.htmlUnescape(form.group(1))))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + encode(name) + "&email=" + encode(address)
					+ "&password=" + encode(password) + "&password-confirm=" + encode(password)))
			.build());
		// Keycloak sends the address check when it shows the page that asks for it, after
		// a redirect.
		for (int hops = 0; hops < 3 && registered.statusCode() == 302; hops++) {
			registered = send(
					HttpRequest.newBuilder(URI.create(registered.headers().firstValue("Location").orElseThrow()))
						.build());
		}
		String shown = registered.body()
			.replaceAll("(?s)<script.*?</script>", "")
			.replaceAll("<[^>]+>", " ")
			.replaceAll("\\s+", " ");
		assertThat(registered.statusCode()).as(shown).isIn(200, 302);
		assertThat(shown).as("Keycloak asks to confirm the address").containsIgnoringCase("verif");

		EmbeddedMailServer mail = EmbeddedServices.mailServer();
		long deadline = System.currentTimeMillis() + 20_000;
		while (mail.received().stream().noneMatch((received) -> received.to().toString().contains(address))
				&& System.currentTimeMillis() < deadline) {
			Thread.sleep(250);
		}
		assertThat(mail.received()).filteredOn((received) -> received.to().toString().contains(address))
			.as("Keycloak's address check arrives at the embedded mail server")
			.singleElement()
			.satisfies(
					(received) -> assertThat(received.text() + received.html()).contains("login-actions/action-token"));
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (header, value) -> true);
		if (!this.cookies.isEmpty()) {
			withCookies.header("Cookie",
					String.join("; ",
							this.cookies.entrySet()
								.stream()
								.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
								.toList()));
		}
		HttpResponse<String> response = this.http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
		for (String header : response.headers().allValues("Set-Cookie")) {
			String pair = header.split(";", 2)[0];
			int equals = pair.indexOf('=');
			this.cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
		}
		return response;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
