package de.pinnwand.system.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keycloak's admin REST API, as the embedded run's bootstrap admin: the local run adds
 * its demo accounts and the client for scripts with it, tests the members and clients
 * they need. Nothing of this is in the realm export, so a production realm has none of
 * it.
 */
public final class KeycloakAdmin {

	/**
	 * The client for scripts and tests: public, password grant only, its tokens meant for
	 * the portal.
	 */
	public static final String SCRIPT_CLIENT = "pinnwand-cli";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final SecureRandom random = new SecureRandom();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUri;

	private final String username;

	private final String password;

	private String token;

	private Instant tokenExpires = Instant.MIN;

	KeycloakAdmin(String baseUri, String username, String password) {
		this.baseUri = baseUri;
		this.username = username;
		this.password = password;
	}

	/** An answer of the admin API. */
	public record Answer(int status, String body, String location) {

		public JsonNode json() {
			return KeycloakAdmin.json.readTree(this.body);
		}

	}

	/**
	 * Sends one request to the admin API, e.g.
	 * {@code send("POST", "/realms/pinnwand/clients", client)}.
	 * @param path below {@code /admin}
	 * @param body a value to send as JSON, or null
	 */
	public Answer send(String method, String path, Object body) {
		HttpRequest.BodyPublisher publisher = (body != null)
				? HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))
				: HttpRequest.BodyPublishers.noBody();
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUri + "/admin" + path))
			.header("Authorization", "Bearer " + adminToken())
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.method(method, publisher)
			.build();
		HttpResponse<String> response = exchange(request);
		return new Answer(response.statusCode(), response.body(),
				response.headers().firstValue("Location").orElse(null));
	}

	/**
	 * Makes a member of the portal realm with this password and these groups, or gives an
	 * existing one this password; safe to call again.
	 * @return the member's id, the {@code sub} of their tokens
	 */
	public String ensureMember(String name, String memberPassword, List<String> groups) {
		String realm = "/realms/" + EmbeddedKeycloak.REALM;
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("username", name);
		user.put("enabled", true);
		// A person with a verified address: the realm's profile asks for one, and a check
		// would stop the sign-in.
		user.put("email", name + "@members.pinnwand.invalid");
		user.put("emailVerified", true);
		user.put("groups", groups.stream().map((group) -> "/" + group).toList());
		user.put("credentials", List.of(credential(memberPassword)));
		Answer created = send("POST", realm + "/users", user);
		if (created.status() == 201) {
			return created.location().substring(created.location().lastIndexOf('/') + 1);
		}
		if (created.status() != 409) {
			throw new EmbeddedServiceFailed("Keycloak refused the member " + name + ": " + created.body(), null);
		}
		Answer found = send("GET", realm + "/users?exact=true&username=" + encode(name), null);
		String id = found.json().get(0).get("id").asString();
		Answer reset = send("PUT", realm + "/users/" + id + "/reset-password", credential(memberPassword));
		if (reset.status() != 204) {
			throw new EmbeddedServiceFailed("Keycloak kept the old password of " + name + ": " + reset.body(), null);
		}
		return id;
	}

	/**
	 * Makes a demo account of the local run unless it is there, with its name as its
	 * Keycloak id, so that its {@code sub} is the name the demo content prepared its
	 * Pinnwand account by. Only an import can choose an id.
	 */
	public void ensureDemoMember(String name, String memberPassword, List<String> groups) {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("id", name);
		user.put("username", name);
		user.put("enabled", true);
		user.put("email", name + "@demo.pinnwand.invalid");
		user.put("emailVerified", true);
		user.put("groups", groups.stream().map((group) -> "/" + group).toList());
		user.put("credentials", List.of(credential(memberPassword)));
		Answer imported = send("POST", "/realms/" + EmbeddedKeycloak.REALM + "/partialImport",
				Map.of("ifResourceExists", "SKIP", "users", List.of(user)));
		if (imported.status() != 200) {
			throw new EmbeddedServiceFailed("Keycloak refused the demo account " + name + ": " + imported.body(), null);
		}
	}

	/** Adds the script client to the portal realm unless it is there. */
	public void ensureScriptClient() {
		String realm = "/realms/" + EmbeddedKeycloak.REALM;
		if (!send("GET", realm + "/clients?clientId=" + SCRIPT_CLIENT, null).json().isEmpty()) {
			return;
		}
		Map<String, Object> client = new LinkedHashMap<>();
		client.put("clientId", SCRIPT_CLIENT);
		client.put("name", "Pinnwand scripts (local run and tests only)");
		client.put("publicClient", true);
		client.put("standardFlowEnabled", false);
		client.put("directAccessGrantsEnabled", true);
		client.put("protocolMappers", List.of(audienceMapper("pinnwand"), groupsMapper()));
		Answer created = send("POST", realm + "/clients", client);
		if (created.status() != 201 && created.status() != 409) {
			throw new EmbeddedServiceFailed("Keycloak refused the script client: " + created.body(), null);
		}
	}

	/**
	 * Lets the portal's client return to an address of this run (its port is known only
	 * once the web server runs): sign-in callbacks and the page after signing out.
	 */
	public synchronized void allowPortalAddress(String origin) {
		String realm = "/realms/" + EmbeddedKeycloak.REALM;
		JsonNode client = send("GET", realm + "/clients?clientId=pinnwand", null).json().get(0);
		List<String> redirects = new ArrayList<>();
		client.get("redirectUris").forEach((uri) -> redirects.add(uri.asString()));
		String pattern = origin + "/*";
		if (redirects.contains(pattern)) {
			return;
		}
		redirects.add(pattern);
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("redirectUris", redirects);
		// '+' takes the redirect addresses for the sign-out return too.
		change.put("attributes", Map.of("post.logout.redirect.uris", "+"));
		Answer updated = send("PUT", realm + "/clients/" + client.get("id").asString(), mergeInto(client, change));
		if (updated.status() != 204) {
			throw new EmbeddedServiceFailed("Keycloak refused the portal's address " + origin + ": " + updated.body(),
					null);
		}
	}

	/** An audience mapper: the client's tokens name {@code audience} in {@code aud}. */
	public static Map<String, Object> audienceMapper(String audience) {
		return Map.of("name", "audience " + audience, "protocol", "openid-connect", "protocolMapper",
				"oidc-audience-mapper", "config", Map.of("included.client.audience", audience, "access.token.claim",
						"true", "id.token.claim", "false", "introspection.token.claim", "true"));
	}

	private static Map<String, Object> groupsMapper() {
		return Map.of("name", "groups", "protocol", "openid-connect", "protocolMapper", "oidc-group-membership-mapper",
				"config", Map.of("claim.name", "groups", "full.path", "false", "access.token.claim", "true",
						"id.token.claim", "true", "userinfo.token.claim", "true"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> mergeInto(JsonNode existing, Map<String, Object> change) {
		Map<String, Object> merged = json.convertValue(existing, LinkedHashMap.class);
		change.forEach((key, value) -> {
			if (value instanceof Map<?, ?> inner && merged.get(key) instanceof Map<?, ?> old) {
				Map<String, Object> both = new LinkedHashMap<>((Map<String, Object>) old);
				both.putAll((Map<String, Object>) inner);
				merged.put(key, both);
			}
			else {
				merged.put(key, value);
			}
		});
		return merged;
	}

	private static Map<String, Object> credential(String value) {
		return Map.of("type", "password", "value", value, "temporary", false);
	}

	/**
	 * The admin's token lasts a minute; a fresh one is fetched shortly before it runs
	 * out.
	 */
	private synchronized String adminToken() {
		if (Instant.now().isBefore(this.tokenExpires)) {
			return this.token;
		}
		String form = "grant_type=password&client_id=admin-cli&username=" + encode(this.username) + "&password="
				+ encode(this.password);
		HttpResponse<String> response = exchange(
				HttpRequest.newBuilder(URI.create(this.baseUri + "/realms/master/protocol/openid-connect/token"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form))
					.build());
		if (response.statusCode() != 200) {
			throw new EmbeddedServiceFailed("Keycloak refused its bootstrap admin: " + response.body(), null);
		}
		JsonNode answer = json.readTree(response.body());
		this.token = answer.get("access_token").asString();
		this.tokenExpires = Instant.now().plusSeconds(Math.max(5, answer.get("expires_in").asLong() - 15));
		return this.token;
	}

	private HttpResponse<String> exchange(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new EmbeddedServiceFailed("Keycloak's admin API did not answer: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EmbeddedServiceFailed("Interrupted while calling Keycloak's admin API", ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** A random secret, URL-safe, of 32 characters. */
	static String randomSecret() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
