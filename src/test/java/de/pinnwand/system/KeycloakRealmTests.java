package de.pinnwand.system;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security settings of the production realm in docker/keycloak/realm-pinnwand.json,
 * which Keycloak imports once: a mistake here is not corrected by a later deployment, so
 * it is caught before the first one.
 */
class KeycloakRealmTests {

	private static final JsonNode realm = JsonMapper.builder()
		.build()
		.readTree(Path.of("docker/keycloak/realm-pinnwand.json"));

	@Test
	void letsPeopleRegisterWithAConfirmedAddress() {
		assertThat(realm.path("realm").asString()).isEqualTo("pinnwand");
		assertThat(realm.path("enabled").asBoolean()).isTrue();
		assertThat(realm.path("sslRequired").asString()).isEqualTo("external");
		assertThat(realm.path("registrationAllowed").asBoolean()).isTrue();
		assertThat(realm.path("verifyEmail").asBoolean()).isTrue();
		assertThat(realm.path("loginWithEmailAllowed").asBoolean()).isTrue();
		assertThat(realm.path("duplicateEmailsAllowed").asBoolean()).isFalse();
		assertThat(realm.path("resetPasswordAllowed").asBoolean()).isTrue();
		assertThat(realm.path("users").isMissingNode()).as("users in the realm file").isTrue();
	}

	@Test
	void slowsDownPasswordGuessing() {
		assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
		assertThat(realm.path("failureFactor").asInt()).isBetween(3, 30);
		assertThat(realm.path("maxFailureWaitSeconds").asInt()).isPositive();
		assertThat(Arrays.stream(realm.path("passwordPolicy").asString().split(" and ")).map(String::strip))
			.contains("length(12)", "notUsername", "notEmail");
	}

	@Test
	void speaksTheInterfaceLanguagesGermanFirst() {
		assertThat(realm.path("internationalizationEnabled").asBoolean()).isTrue();
		assertThat(realm.path("supportedLocales").values()).extracting(JsonNode::asString)
			.containsExactlyInAnyOrder("de", "en", "ar", "fa", "uk", "ru", "tr");
		assertThat(realm.path("defaultLocale").asString()).isEqualTo("de");
	}

	@Test
	void sendsMailThroughTheServerFromTheEnvironment() {
		JsonNode smtp = realm.path("smtpServer");
		assertThat(smtp.path("host").asString()).isEqualTo("${KEYCLOAK_SMTP_HOST}");
		assertThat(smtp.path("password").asString()).isEqualTo("${KEYCLOAK_SMTP_PASSWORD}");
		assertThat(smtp.path("auth").asString()).isEqualTo("true");
		assertThat(smtp.path("starttls").asString()).isEqualTo("true");
	}

	@Test
	void hasTheGroupsTheAppGivesRightsTo() {
		assertThat(realm.path("groups").values()).extracting((group) -> group.path("name").asString())
			.containsExactlyInAnyOrder("coordinators", "admins");
		// Declaring any client scope stops Keycloak from creating its built-in ones,
		// "basic" (the sub claim) among them.
		assertThat(realm.path("clientScopes").isMissingNode()).as("clientScopes in the realm file").isTrue();
	}

	@Test
	void signsTheAppInWithTheCodeFlowAndPkceOnly() {
		JsonNode client = client();
		assertThat(client.path("protocol").asString()).isEqualTo("openid-connect");
		assertThat(client.path("publicClient").asBoolean()).isFalse();
		assertThat(client.path("clientAuthenticatorType").asString()).isEqualTo("client-secret");
		assertThat(client.path("secret").asString()).as("a placeholder, never a secret").matches("\\$\\{[A-Z_]+}");
		assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
		assertThat(client.path("implicitFlowEnabled").asBoolean()).isFalse();
		assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
		assertThat(client.path("serviceAccountsEnabled").asBoolean()).isFalse();
		assertThat(client.path("attributes").path("oauth2.device.authorization.grant.enabled").asString())
			.isEqualTo("false");
		assertThat(client.path("attributes").path("oidc.ciba.grant.enabled").asString()).isEqualTo("false");
		assertThat(client.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
	}

	@Test
	void redirectsOnlyToTheApp() {
		JsonNode client = client();
		assertThat(client.path("redirectUris").values()).extracting(JsonNode::asString)
			.containsExactly("${PINNWAND_PUBLIC_URL}/login/oauth2/code/pinnwand");
		assertThat(client.path("attributes").path("post.logout.redirect.uris").asString().split("##"))
			.containsExactlyInAnyOrder("${PINNWAND_PUBLIC_URL}", "${PINNWAND_PUBLIC_URL}/");
		assertThat(client.path("webOrigins").values()).as("browser scripts never call Keycloak for the app").isEmpty();
	}

	@Test
	void tellsTheAppThePersonsGroupsInEveryToken() {
		JsonNode client = client();
		assertThat(client.path("defaultClientScopes").values()).extracting(JsonNode::asString)
			.contains("basic", "profile", "email");
		assertThat(client.path("protocolMappers").values())
			.filteredOn((mapper) -> "oidc-group-membership-mapper".equals(mapper.path("protocolMapper").asString()))
			.singleElement()
			.satisfies((mapper) -> {
				JsonNode config = mapper.path("config");
				assertThat(config.path("claim.name").asString()).isEqualTo("groups");
				// "coordinators", not "/coordinators": the names AccountsProperties
				// expects.
				assertThat(config.path("full.path").asString()).isEqualTo("false");
				assertThat(config.path("id.token.claim").asString()).isEqualTo("true");
				assertThat(config.path("access.token.claim").asString()).isEqualTo("true");
				assertThat(config.path("userinfo.token.claim").asString()).isEqualTo("true");
			});
	}

	@Test
	void namesThePortalInTheAudienceOfItsTokens() {
		assertThat(client().path("protocolMappers").values())
			.filteredOn((mapper) -> "oidc-audience-mapper".equals(mapper.path("protocolMapper").asString()))
			.singleElement()
			.satisfies((mapper) -> {
				assertThat(mapper.path("config").path("included.client.audience").asString()).isEqualTo("pinnwand");
				assertThat(mapper.path("config").path("access.token.claim").asString()).isEqualTo("true");
			});
	}

	@Test
	void hasNoClientThatTakesPasswords() {
		assertThat(realm.path("clients").values()).as("the script client is added in the local run only")
			.allSatisfy((client) -> assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse());
	}

	@Test
	void registersPeopleByPseudonymAndAddressOnly() {
		JsonNode provider = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0);
		JsonNode profile = JsonMapper.builder()
			.build()
			.readTree(provider.path("config").path("kc.user.profile.config").get(0).asString());
		assertThat(profile.path("attributes").values()).extracting((attribute) -> attribute.path("name").asString())
			.containsExactly("username", "email");
	}

	private static JsonNode client() {
		return realm.path("clients")
			.values()
			.stream()
			.filter((client) -> "pinnwand".equals(client.path("clientId").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No client pinnwand in the realm file"));
	}

}
