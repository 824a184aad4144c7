package de.pinnwand.system.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Keycloak server, the portal's sign-in provider in the embedded default: its
 * distribution unpacked and built once into the shared cache, and run on 127.0.0.1 from a
 * home folder of its own per run (own database, own realm import, own logs), so that
 * several checkouts and test JVMs on one machine never share state. It imports the same
 * realm export that docker-compose uses; what only the local run and the tests need (a
 * client for scripts, members) is added through the admin API ({@link KeycloakAdmin}).
 */
public final class EmbeddedKeycloak {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedKeycloak.class);

	/** The realm of the portal, as named in the realm export. */
	public static final String REALM = "pinnwand";

	/**
	 * Options fixed when the distribution is built: a change needs a fresh installation
	 * in the cache.
	 */
	private static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--health-enabled=true",
			"--cache=local");

	private final Settings settings;

	private final int port;

	private final int managementPort;

	private Path home;

	private Process process;

	private KeycloakAdmin admin;

	/**
	 * What the server needs to know; all paths absolute.
	 *
	 * @param distributionZip the distribution resolved by the build
	 * @param cacheDirectory shared by every run on this machine; only the unpacked, built
	 * distribution goes there
	 * @param stateDirectory this run's home (database, import, logs); kept when
	 * {@code keepState}
	 * @param keepState whether the state outlives the run (the local run keeps registered
	 * people)
	 * @param port the HTTP port, 0 for a free one
	 * @param realmExport the realm file to import
	 * @param placeholders values for the realm file's {@code ${...}} placeholders
	 * @param startupTimeout how long to wait for readiness
	 */
	record Settings(Path distributionZip, Path cacheDirectory, Path stateDirectory, boolean keepState, int port,
			byte[] realmExport, Map<String, String> placeholders, Duration startupTimeout) {
	}

	EmbeddedKeycloak(Settings settings) {
		this.settings = settings;
		this.port = (settings.port() != 0) ? settings.port() : FreePorts.pick();
		this.managementPort = FreePorts.pick();
	}

	/** The portal realm's issuer, known before the server is up. */
	public String issuerUri() {
		return baseUri() + "/realms/" + REALM;
	}

	/** The portal realm's token endpoint. */
	public String tokenUri() {
		return issuerUri() + "/protocol/openid-connect/token";
	}

	/** The server's base address, e.g. {@code http://127.0.0.1:8090}. */
	public String baseUri() {
		return "http://127.0.0.1:" + this.port;
	}

	/** The admin API of the running server. */
	public synchronized KeycloakAdmin admin() {
		if (this.admin == null) {
			throw new IllegalStateException("Keycloak is not running");
		}
		return this.admin;
	}

	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/** Starts the server and waits until it is ready and the realm is imported. */
	public synchronized void start() {
		if (isRunning()) {
			return;
		}
		long started = System.nanoTime();
		try {
			Path installation = install();
			this.home = prepareHome(installation);
			Map<String, String> credentials = adminCredentials();
			this.process = launch(credentials);
			awaitReady();
			this.admin = new KeycloakAdmin(baseUri(), credentials.get("username"), credentials.get("password"));
		}
		catch (IOException ex) {
			throw new EmbeddedServiceFailed("Keycloak could not be started: " + ex.getMessage(), ex);
		}
		logger.info("Embedded Keycloak ready at " + issuerUri() + " in "
				+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms, state in " + this.home);
	}

	/**
	 * Stops the server by PID, its descendants (the JVM) first, then the launcher script.
	 */
	public synchronized void stop() {
		if (this.process == null) {
			return;
		}
		ProcessKeeper.stopTree(this.process, Duration.ofSeconds(20));
		this.process = null;
		this.admin = null;
		if (!this.settings.keepState()) {
			ProcessKeeper.deleteQuietly(this.settings.stateDirectory());
		}
		logger.info("Embedded Keycloak stopped");
	}

	/**
	 * Unpacks and builds the distribution once per version and build options, under the
	 * cache's lock.
	 */
	private Path install() throws IOException {
		Path cache = this.settings.cacheDirectory();
		Files.createDirectories(cache);
		String name = this.settings.distributionZip().getFileName().toString().replace(".zip", "");
		String key = name + "-" + Integer.toHexString(String.join(" ", BUILD_OPTIONS).hashCode());
		Path target = cache.resolve(key);
		// A lock of its own: Elasticsearch's installation in the same cache must not wait
		// for this one.
		try (FileChannel channel = FileChannel.open(cache.resolve(".keycloak.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
			if (Files.isRegularFile(target.resolve(".complete"))) {
				return target;
			}
			if (!Files.isRegularFile(this.settings.distributionZip())) {
				throw new EmbeddedServiceFailed("The Keycloak distribution is missing at "
						+ this.settings.distributionZip() + ". Build once with ./mvnw, which resolves it, or set "
						+ "pinnwand.embedded.sign-in.distribution.");
			}
			logger.info("Unpacking and building Keycloak into " + target + " (once)");
			Path partial = cache.resolve(key + ".partial");
			ProcessKeeper.deleteQuietly(partial);
			ProcessKeeper.unzip(this.settings.distributionZip(), partial);
			List<String> build = new ArrayList<>(List.of(partial.resolve("bin/kc.sh").toString(), "build"));
			build.addAll(BUILD_OPTIONS);
			ProcessBuilder builder = new ProcessBuilder(build).redirectErrorStream(true)
				.redirectOutput(partial.resolve("build.log").toFile());
			javaEnvironment(builder);
			int exit = ProcessKeeper.runToEnd(builder, Duration.ofMinutes(5));
			if (exit != 0) {
				throw new EmbeddedServiceFailed("Building Keycloak failed (exit " + exit + "):\n"
						+ ProcessKeeper.tail(partial.resolve("build.log")));
			}
			ProcessKeeper.deleteQuietly(target);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			Files.writeString(target.resolve(".complete"), key);
			return target;
		}
	}

	/**
	 * The run's home: scripts and configuration copied, the built libraries, themes and
	 * providers linked from the cache (Keycloak only reads them), and its own data folder
	 * with the realm to import.
	 */
	private Path prepareHome(Path installation) throws IOException {
		Path home = this.settings.stateDirectory();
		Files.createDirectories(home.resolve("data/import"));
		for (String shared : List.of("lib", "themes", "providers")) {
			Path link = home.resolve(shared);
			Files.deleteIfExists(link);
			Files.createSymbolicLink(link, installation.resolve(shared));
		}
		for (String copied : List.of("bin", "conf")) {
			ProcessKeeper.deleteQuietly(home.resolve(copied));
			ProcessKeeper.copyTree(installation.resolve(copied), home.resolve(copied));
		}
		Files.copy(installation.resolve("version.txt"), home.resolve("version.txt"),
				StandardCopyOption.REPLACE_EXISTING);
		Files.write(home.resolve("data/import/realm-" + REALM + ".json"), this.settings.realmExport());
		return home;
	}

	/**
	 * Keycloak makes its bootstrap admin only in an empty database, so a kept state keeps
	 * its credentials beside it (readable by the owner only); a fresh state gets new
	 * random ones.
	 */
	private Map<String, String> adminCredentials() throws IOException {
		Path file = this.home.resolve("admin.properties");
		Properties properties = new Properties();
		if (this.settings.keepState() && Files.isRegularFile(file)) {
			try (var in = Files.newInputStream(file)) {
				properties.load(in);
			}
		}
		else {
			properties.setProperty("username", "pinnwand-admin-" + KeycloakAdmin.randomSecret().substring(0, 8));
			properties.setProperty("password", KeycloakAdmin.randomSecret());
			Files.deleteIfExists(file);
			Files.createFile(file, java.nio.file.attribute.PosixFilePermissions
				.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
			try (var out = Files.newOutputStream(file)) {
				properties.store(out, "Bootstrap admin of this embedded Keycloak");
			}
		}
		return Map.of("username", properties.getProperty("username"), "password", properties.getProperty("password"));
	}

	private Process launch(Map<String, String> credentials) throws IOException {
		List<String> command = new ArrayList<>();
		if (Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
			// The launcher script goes down with this JVM even when it is killed; it
			// takes its Java process along.
			command.addAll(List.of("/usr/bin/setpriv", "--pdeathsig=TERM", "--"));
		}
		command.addAll(List.of(this.home.resolve("bin/kc.sh").toString(), "start", "--optimized", "--http-enabled=true",
				"--http-host=127.0.0.1", "--http-port=" + this.port, "--http-management-port=" + this.managementPort,
				"--hostname-strict=false",
				"--db-url=jdbc:h2:file:" + this.home.resolve("data/h2/keycloakdb") + ";NON_KEYWORDS=VALUE",
				"--import-realm", "--log=console",
				// One server per run, never a cluster: no JGroups ports that another
				// checkout's server could join.
				"--cache=local"));
		ProcessBuilder builder = new ProcessBuilder(command);
		javaEnvironment(builder);
		builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", credentials.get("username"));
		builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", credentials.get("password"));
		builder.environment().putAll(this.settings.placeholders());
		builder.directory(this.home.toFile());
		builder.redirectErrorStream(true);
		builder.redirectOutput(this.home.resolve("console.log").toFile());
		return ProcessKeeper.startOnKeeperThread(builder, "keycloak-keeper");
	}

	private static void javaEnvironment(ProcessBuilder builder) {
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().remove("JAVA_TOOL_OPTIONS");
		builder.environment().remove("JDK_JAVA_OPTIONS");
		builder.environment().remove("MAVEN_OPTS");
		builder.environment().remove("JAVA_OPTS");
	}

	private void awaitReady() {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest ready = HttpRequest.newBuilder(URI.create(issuerUri() + "/.well-known/openid-configuration"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + this.settings.startupTimeout().toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new EmbeddedServiceFailed("Keycloak exited with code " + this.process.exitValue()
						+ " while starting. Last lines of its log:\n"
						+ ProcessKeeper.tail(this.home.resolve("console.log")));
			}
			try {
				if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new EmbeddedServiceFailed("Interrupted while waiting for Keycloak", ex);
			}
			ProcessKeeper.sleep(Duration.ofMillis(250));
		}
		stop();
		throw new EmbeddedServiceFailed("Keycloak was not ready within " + this.settings.startupTimeout().toSeconds()
				+ " s. Last lines of its log:\n" + ProcessKeeper.tail(this.home.resolve("console.log")));
	}

}
