package de.pinnwand.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production shape in docker-compose.yml, checked without Docker: services start in
 * the order their health allows, secrets come only from the environment, and every
 * setting handed to the app names a configuration property the app really has, so a
 * misspelt variable fails here instead of being silently ignored in production.
 */
class DockerComposeTests {

	private static final Path COMPOSE_FILE = Path.of("docker-compose.yml");

	private static final Path ENV_EXAMPLE = Path.of(".env.example");

	private static final Path REALM_FILE = Path.of("docker/keycloak/realm-pinnwand.json");

	private static final Path ELASTICSEARCH_DOCKERFILE = Path.of("docker/elasticsearch/Dockerfile");

	private static final Set<String> SERVICES = Set.of("postgres", "elasticsearch", "redis", "keycloak", "pinnwand");

	/**
	 * The app's registration of the provider: sign-in starts at
	 * /oauth2/authorization/pinnwand.
	 */
	private static final String REGISTRATION_ID = "pinnwand";

	/**
	 * A compose reference {@code ${NAME...}} or {@code $NAME}; {@code $$} is an escaped
	 * dollar, not a reference.
	 */
	private static final Pattern COMPOSE_REFERENCE = Pattern
		.compile("(?<!\\$)\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))");

	/**
	 * The whole value is one required reference: {@code ${NAME}} or
	 * {@code ${NAME:?message}}, never a default.
	 */
	private static final Pattern SECRET_REFERENCE = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*(:?\\?[^}]*)?}");

	/**
	 * The realm's environment placeholders are upper case; lower-case ones
	 * ({@code ${username}}, {@code ${email}} in the user profile) are Keycloak's own
	 * message keys for field labels.
	 */
	private static final Pattern REALM_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)}");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static Map<String, Map<String, Object>> services;

	private static DeclaredProperties declared;

	@BeforeAll
	static void load() throws IOException {
		services = services(COMPOSE_FILE);
		declared = DeclaredProperties.onClasspath();
	}

	@Test
	void definesTheFourServices() {
		assertThat(services).containsOnlyKeys(SERVICES);
	}

	@Test
	void everyServiceReportsItsHealth() {
		assertThat(services)
			.allSatisfy((name, service) -> assertThat(map(service.get("healthcheck"))).as("healthcheck of %s", name)
				.containsKey("test"));
	}

	@Test
	void theAppStartsOnlyWhenItsThreeServicesAreHealthy() {
		assertThat(healthyDependencies("pinnwand")).containsExactlyInAnyOrder("postgres", "elasticsearch", "redis",
				"keycloak");
		assertThat(healthyDependencies("keycloak")).containsExactly("postgres");
		services.keySet()
			.forEach((name) -> assertThat(healthyDependencies(name)).as("services that %s waits for", name)
				.allSatisfy((dependency) -> assertThat(services.get(dependency)).containsKey("healthcheck")));
	}

	@Test
	void takesPasswordsAndSecretsOnlyFromTheEnvironment() {
		services.forEach((name, service) -> environment(service).forEach((variable, value) -> {
			if (variable.toUpperCase().contains("PASSWORD") || variable.toUpperCase().contains("SECRET")) {
				assertThat(value).as("%s of %s", variable, name).matches(SECRET_REFERENCE);
			}
		}));
		JsonNode realm = json.readTree(REALM_FILE);
		assertThat(portalClient(realm).path("secret").asString()).matches(REALM_PLACEHOLDER);
		assertThat(realm.path("smtpServer").path("password").asString()).matches(REALM_PLACEHOLDER);
	}

	@Test
	void passesTheAppOnlySettingsThatNameARealProperty() {
		Set<String> unknown = environment(services.get("pinnwand")).keySet()
			.stream()
			.filter((variable) -> !declared.bind(variable))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(unknown).as("settings of pinnwand that no configuration property on the classpath takes").isEmpty();
	}

	@Test
	void signsTheAppInWithTheClientOfTheImportedRealm() {
		Map<String, String> app = environment(services.get("pinnwand"));
		Map<String, String> keycloak = environment(services.get("keycloak"));
		JsonNode realm = json.readTree(REALM_FILE);
		JsonNode client = portalClient(realm);
		// Browsers and the app both see Keycloak at KC_HOSTNAME, so the issuer in tokens
		// is the one the app expects.
		assertThat(app.get("PINNWAND_ACCOUNTS_ISSUER_URI"))
			.isEqualTo(keycloak.get("KC_HOSTNAME") + "/realms/" + realm.path("realm").asString());
		assertThat(app.get("PINNWAND_ACCOUNTS_CLIENT_ID")).isEqualTo(client.path("clientId").asString());
		// One secret in .env, handed to Keycloak's realm import and to the app.
		Matcher secret = REALM_PLACEHOLDER.matcher(client.path("secret").asString());
		assertThat(secret.matches()).isTrue();
		assertThat(app.get("PINNWAND_ACCOUNTS_CLIENT_SECRET")).isEqualTo(keycloak.get(secret.group(1)));
		assertThat(client.path("redirectUris").values()).extracting(JsonNode::asString)
			.containsExactly("${PINNWAND_PUBLIC_URL}/login/oauth2/code/" + REGISTRATION_ID);
	}

	@Test
	void letsTheAppCountVisitorsByTheAddressTheProxyForwards() {
		// Only the reverse proxy on the host reaches the app; without this every visitor
		// would share its address.
		assertThat((List<?>) services.get("pinnwand").get("ports")).isNotEmpty()
			.allSatisfy((port) -> assertThat(port.toString()).startsWith("127.0.0.1:"));
		Map<String, String> app = environment(services.get("pinnwand"));
		assertThat(app.get("PINNWAND_TRUSTED_PROXIES")).contains("172.28.0.1");
		assertThat(app.get("PINNWAND_PUBLIC_URL")).contains("PINNWAND_PUBLIC_URL");
		assertThat(services.get("pinnwand").toString()).doesNotContain("EMBEDDED");
	}

	@Test
	void bindsEnvironmentVariablesTheWaySpringBootDoes() {
		// A record component, its legacy spelling with dashes as underscores, and the key
		// of a declared map.
		assertThat(declared.bind("PINNWAND_SEARCH_URIS")).isTrue();
		assertThat(declared.bind("PINNWAND_DATA_DIR")).isTrue();
		assertThat(declared.bind("PINNWAND_DATADIR")).isTrue();
		assertThat(declared.bind("SPRING_R2DBC_PROPERTIES_SSLMODE")).isTrue();
		// A typo, a group that is no property, a property that is no map.
		assertThat(declared.bind("PINNWAND_SEARCH_URLS")).isFalse();
		assertThat(declared.bind("PINNWAND_SEARCH")).isFalse();
		assertThat(declared.bind("PINNWAND_SEARCH_USERNAME_X")).isFalse();
	}

	@Test
	void envExampleListsEveryVariableTheComposeFileReads() throws IOException {
		Set<String> referenced = new TreeSet<>();
		Matcher reference = COMPOSE_REFERENCE.matcher(Files.readString(COMPOSE_FILE));
		while (reference.find()) {
			referenced.add((reference.group(1) != null) ? reference.group(1) : reference.group(2));
		}
		Set<String> listed = Files.readAllLines(ENV_EXAMPLE)
			.stream()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.map((line) -> line.substring(0, line.indexOf('=')))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(listed).isEqualTo(referenced);
	}

	@Test
	void keycloakGetsEveryVariableTheRealmFileNeeds() throws IOException {
		// Keycloak keeps an unresolved placeholder as it is, e.g. a client secret of
		// "${...}".
		Matcher placeholder = REALM_PLACEHOLDER.matcher(Files.readString(REALM_FILE));
		Set<String> needed = new TreeSet<>();
		while (placeholder.find()) {
			needed.add(placeholder.group(1));
		}
		assertThat(needed).isNotEmpty();
		assertThat(environment(services.get("keycloak"))).containsKeys(needed.toArray(String[]::new));
	}

	@Test
	void elasticsearchImageRunsTheVersionThePluginWasBuiltFor() throws IOException {
		String dockerfile = Files.readString(ELASTICSEARCH_DOCKERFILE);
		Matcher from = Pattern.compile("(?m)^FROM docker\\.elastic\\.co/elasticsearch/elasticsearch:(\\S+)$")
			.matcher(dockerfile);
		assertThat(from.find()).as("FROM line of %s", ELASTICSEARCH_DOCKERFILE).isTrue();
		assertThat(from.group(1)).isEqualTo(pluginDescriptor().getProperty("elasticsearch.version"));
		// The Dockerfile copies the zip that the build leaves in target/, from the
		// repository root as context.
		assertThat(dockerfile).contains("COPY --chown=1000:0 target/pinnwand-analysis.zip ");
		assertThat(Path.of("target/pinnwand-analysis.zip")).isRegularFile();
		assertThat(map(services.get("elasticsearch").get("build"))).containsEntry("context", ".")
			.containsEntry("dockerfile", ELASTICSEARCH_DOCKERFILE.toString());
	}

	private static List<String> healthyDependencies(String service) {
		return map(services.get(service).get("depends_on")).entrySet()
			.stream()
			.filter((entry) -> "service_healthy".equals(map(entry.getValue()).get("condition")))
			.map(Map.Entry::getKey)
			.toList();
	}

	private static JsonNode portalClient(JsonNode realm) {
		return realm.path("clients")
			.values()
			.stream()
			.filter((client) -> "pinnwand".equals(client.path("clientId").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No client pinnwand in " + REALM_FILE));
	}

	private static Properties pluginDescriptor() throws IOException {
		try (InputStream in = DockerComposeTests.class.getResourceAsStream("/elasticsearch/pinnwand-analysis.zip")) {
			assertThat(in).as("elasticsearch/pinnwand-analysis.zip on the classpath").isNotNull();
			ZipInputStream zip = new ZipInputStream(in);
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().equals("stable-plugin-descriptor.properties")) {
					Properties descriptor = new Properties();
					descriptor.load(zip);
					return descriptor;
				}
			}
		}
		throw new AssertionError("No stable-plugin-descriptor.properties at the root of pinnwand-analysis.zip");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> services(Path composeFile) throws IOException {
		try (Reader reader = Files.newBufferedReader(composeFile)) {
			Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
			return (Map<String, Map<String, Object>>) compose.get("services");
		}
	}

	/** A service's environment, written as a map or as a list of {@code NAME=value}. */
	private static Map<String, String> environment(Map<String, Object> service) {
		Object environment = service.get("environment");
		Map<String, String> variables = new LinkedHashMap<>();
		if (environment instanceof Map<?, ?> entries) {
			entries.forEach((name, value) -> variables.put(name.toString(), String.valueOf(value)));
		}
		else if (environment instanceof List<?> lines) {
			lines.stream().map(Object::toString).forEach((line) -> {
				int equals = line.indexOf('=');
				variables.put((equals < 0) ? line : line.substring(0, equals),
						(equals < 0) ? "" : line.substring(equals + 1));
			});
		}
		return variables;
	}

	private static Map<String, Object> map(Object value) {
		if (value == null) {
			return Collections.emptyMap();
		}
		if (value instanceof List<?> names) {
			// depends_on as a plain list of names: started, not necessarily healthy.
			Map<String, Object> started = new HashMap<>();
			names.forEach((name) -> started.put(name.toString(), Map.of("condition", "service_started")));
			return started;
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> map = (Map<String, Object>) value;
		return map;
	}

	/**
	 * The configuration properties that Boot's metadata declares on the classpath, and
	 * the environment variables that bind to them. Boot reads {@code pinnwand.data-dir}
	 * from {@code PINNWAND_DATADIR} and from the legacy form {@code PINNWAND_DATA_DIR}; a
	 * map property such as {@code spring.r2dbc.properties} takes any key after its name.
	 */
	private record DeclaredProperties(Set<String> exact, Set<String> mapPrefixes) {

		static DeclaredProperties onClasspath() throws IOException {
			Map<String, String> types = new HashMap<>();
			ClassLoader classLoader = DockerComposeTests.class.getClassLoader();
			for (String resource : List.of("META-INF/spring-configuration-metadata.json",
					"META-INF/additional-spring-configuration-metadata.json")) {
				for (URL url : Collections.list(classLoader.getResources(resource))) {
					try (InputStream in = url.openStream()) {
						json.readTree(in)
							.path("properties")
							.values()
							.forEach((property) -> types.put(property.path("name").asString(),
									property.path("type").asString("")));
					}
				}
			}
			Set<String> exact = new TreeSet<>();
			Set<String> mapPrefixes = new TreeSet<>();
			types.forEach((name, type) -> {
				Set<String> names = environmentNames(name);
				exact.addAll(names);
				if (type.startsWith("java.util.Map<")) {
					names.forEach((prefix) -> mapPrefixes.add(prefix + "_"));
				}
			});
			assertThat(exact).as("properties declared in Boot's metadata").isNotEmpty();
			return new DeclaredProperties(exact, mapPrefixes);
		}

		private static Set<String> environmentNames(String property) {
			String upper = property.toUpperCase();
			return new TreeSet<>(
					List.of(upper.replace("-", "").replace('.', '_'), upper.replace('-', '_').replace('.', '_')));
		}

		boolean bind(String variable) {
			return this.exact.contains(variable) || this.mapPrefixes.stream()
				.anyMatch((prefix) -> variable.startsWith(prefix) && variable.length() > prefix.length());
		}

	}

}
