package de.pinnwand.accounts;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.pinnwand.PinnwandTest;
import de.pinnwand.TestMembers;
import de.pinnwand.system.embedded.EmbeddedKeycloak;
import de.pinnwand.system.embedded.EmbeddedServices;
import de.pinnwand.system.embedded.KeycloakAdmin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API takes only tokens that Keycloak made for the portal: tried with real tokens of
 * the embedded Keycloak that are each wrong in one way. Every refusal is a 401 with a
 * problem body, never a shared account.
 */
@PinnwandTest
class TokenValidationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	private WebTestClient web;

	@Test
	void takesThePortalsOwnTokenAndKeepsTwoPeopleApart() {
		String first = this.web.get()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer("token-first"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.asString();
		String second = this.web.get()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer("token-second"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.asString();
		assertThat(first).isNotEqualTo(second);
		assertThat(claims(TestMembers.token("token-first")).get("aud").toString()).contains("pinnwand");
	}

	@Test
	void makesAMemberOfKeycloaksCoordinatorsGroupACoordinator() {
		// The way the local run makes its demo account 'koordination'.
		EmbeddedServices.ensureMember("token-coordinator", "coordinators");
		assertThat(claims(TestMembers.token("token-coordinator")).get("groups").toString()).contains("coordinators");
		this.web.get()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer("token-coordinator"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.roles[0]")
			.isEqualTo("COORDINATOR");
	}

	@Test
	void givesALocalDemoAccountItsNameAsSubject() {
		// The local run's demo content prepares the demo accounts by these names.
		EmbeddedServices.signInProvider()
			.admin()
			.ensureDemoMember("token-demo", EmbeddedServices.memberPassword(), List.of("admins"));
		EmbeddedServices.signInProvider()
			.admin()
			.ensureDemoMember("token-demo", EmbeddedServices.memberPassword(), List.of("admins"));
		String token = passwordGrant(EmbeddedKeycloak.REALM, KeycloakAdmin.SCRIPT_CLIENT, "token-demo",
				EmbeddedServices.memberPassword());
		assertThat(claims(token).get("sub").asString()).isEqualTo("token-demo");
		assertThat(claims(token).get("groups").toString()).contains("admins");
	}

	@Test
	void refusesATokenOfAnotherClientOfTheRealm() {
		TestMembers.subject("token-admin-cli");
		String token = passwordGrant(EmbeddedKeycloak.REALM, "admin-cli", "token-admin-cli",
				EmbeddedServices.memberPassword());
		assertThat(claims(token).get("azp").asString()).isEqualTo("admin-cli");
		assertRefused(token);
	}

	@Test
	void refusesATokenWithoutSubject() {
		KeycloakAdmin admin = EmbeddedServices.signInProvider().admin();
		String clientId = "no-subject-" + UUID.randomUUID();
		String id = createClient(admin, EmbeddedKeycloak.REALM, clientId, Map.of(), "included.client.audience");
		String scopes = "/realms/" + EmbeddedKeycloak.REALM + "/clients/" + id + "/default-client-scopes";
		for (JsonNode scope : admin.send("GET", scopes, null).json()) {
			if ("basic".equals(scope.get("name").asString())) {
				assertThat(admin.send("DELETE", scopes + "/" + scope.get("id").asString(), null).status())
					.isEqualTo(204);
			}
		}
		TestMembers.subject("token-no-subject");
		String token = passwordGrant(EmbeddedKeycloak.REALM, clientId, "token-no-subject",
				EmbeddedServices.memberPassword());
		JsonNode claims = claims(token);
		assertThat(claims.has("sub")).as("the client's tokens carry no subject").isFalse();
		assertThat(claims.get("aud").toString()).contains("pinnwand");
		assertRefused(token);
	}

	@Test
	void refusesAnExpiredToken() throws InterruptedException {
		KeycloakAdmin admin = EmbeddedServices.signInProvider().admin();
		String clientId = "short-lived-" + UUID.randomUUID();
		createClient(admin, EmbeddedKeycloak.REALM, clientId, Map.of("access.token.lifespan", "1"),
				"included.client.audience");
		TestMembers.subject("token-expired");
		String token = passwordGrant(EmbeddedKeycloak.REALM, clientId, "token-expired",
				EmbeddedServices.memberPassword());
		long expires = claims(token).get("exp").asLong();
		// The test properties allow a clock skew of 1 s; wait until the token is past it.
		while (System.currentTimeMillis() / 1000 <= expires + 2) {
			Thread.sleep(250);
		}
		assertRefused(token);
	}

	@Test
	void refusesATokenSignedWithAnotherKey() throws Exception {
		String genuine = TestMembers.token("token-forged");
		this.web.get().uri("/api/v1/me").headers((h) -> h.setBearerAuth(genuine)).exchange().expectStatus().isOk();
		String[] parts = genuine.split("\\.");
		JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		SignedJWT forged = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(header.get("kid").asString())
					.type(JOSEObjectType.JWT)
					.build(),
				JWTClaimsSet.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)));
		forged.sign(new RSASSASigner((RSAPrivateKey) generator.generateKeyPair().getPrivate()));
		assertRefused(forged.serialize());
	}

	@Test
	void refusesATokenOfAnotherRealm() {
		KeycloakAdmin admin = EmbeddedServices.signInProvider().admin();
		String realm = "other-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.send("POST", "/realms", Map.of("realm", realm, "enabled", true)).status()).isEqualTo(201);
		String clientId = "pinnwand-lookalike";
		createClient(admin, realm, clientId, Map.of(), "included.custom.audience");
		String password = UUID.randomUUID().toString();
		assertThat(
				admin
					.send("POST", "/realms/" + realm + "/users",
							Map.of("username", "stranger", "enabled", true, "email", "stranger@example.invalid",
									"emailVerified", true, "firstName", "S", "lastName", "T", "credentials",
									List.of(Map.of("type", "password", "value", password, "temporary", false))))
					.status())
			.isEqualTo(201);
		String token = passwordGrant(realm, clientId, "stranger", password);
		assertThat(claims(token).get("aud").toString()).contains("pinnwand");
		assertRefused(token);
	}

	private void assertRefused(String token) {
		this.web.get()
			.uri("/api/v1/me")
			.header("Authorization", "Bearer " + token)
			.header("Accept-Language", "en")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.detail")
			.isEqualTo(
					"The access token is not valid, has expired or was not issued for Pinnwand. Please get a new one.");
	}

	/**
	 * A public client with the password grant whose tokens name the portal in
	 * {@code aud}.
	 */
	private static String createClient(KeycloakAdmin admin, String realm, String clientId,
			Map<String, String> attributes, String audienceKey) {
		Map<String, Object> client = Map.of("clientId", clientId, "publicClient", true, "directAccessGrantsEnabled",
				true, "standardFlowEnabled", false, "attributes", attributes, "protocolMappers",
				List.of(Map.of("name", "audience", "protocol", "openid-connect", "protocolMapper",
						"oidc-audience-mapper", "config",
						Map.of(audienceKey, "pinnwand", "access.token.claim", "true"))));
		KeycloakAdmin.Answer created = admin.send("POST", "/realms/" + realm + "/clients", client);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.location().substring(created.location().lastIndexOf('/') + 1);
	}

	private static String passwordGrant(String realm, String clientId, String username, String password) {
		EmbeddedKeycloak keycloak = EmbeddedServices.signInProvider();
		String form = "grant_type=password&scope=openid&client_id=" + encode(clientId) + "&username=" + encode(username)
				+ "&password=" + encode(password);
		try {
			HttpResponse<String> response = http.send(HttpRequest
				.newBuilder(URI.create(keycloak.baseUri() + "/realms/" + realm + "/protocol/openid-connect/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return json.readTree(response.body()).get("access_token").asString();
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	private static JsonNode claims(String token) {
		return json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
