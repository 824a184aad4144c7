package de.pinnwand.system.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;

/**
 * The embedded services of this JVM. They are shared by every application context in it
 * (the test suite starts them once) and stopped after the last context has closed, on
 * Ctrl-C, SIGTERM or the end of the test JVM.
 */
public final class EmbeddedServices {

	private static EmbeddedServices instance;

	private final EmbeddedPostgresServer postgres;

	private final EmbeddedElasticsearchNode elasticsearch;

	private final EmbeddedKeycloak signIn;

	private final EmbeddedMailServer mail;

	private CompletableFuture<Void> postgresStarted;

	private CompletableFuture<Void> elasticsearchStarted;

	private CompletableFuture<Void> signInStarted;

	/** The portal client's secret at the embedded Keycloak, made for this run. */
	private final String clientSecret;

	private final SignInSetup signInSetup;

	private EmbeddedServices(EmbeddedPostgresServer postgres, EmbeddedElasticsearchNode elasticsearch,
			EmbeddedKeycloak signIn, EmbeddedMailServer mail, SignInSetup signInSetup, String clientSecret) {
		this.signInSetup = signInSetup;
		this.clientSecret = clientSecret;
		this.postgres = postgres;
		this.elasticsearch = elasticsearch;
		this.signIn = signIn;
		this.mail = mail;
	}

	static synchronized EmbeddedServices of(Environment environment, boolean postgres, boolean elasticsearch,
			boolean signIn, boolean mail) {
		if (instance == null) {
			instance = create(environment, postgres, elasticsearch, signIn, mail);
			SpringApplication.getShutdownHandlers().add(instance::stop);
		}
		return instance;
	}

	/**
	 * The embedded Elasticsearch node of this JVM, if one was configured; tests stop and
	 * start it.
	 */
	public static synchronized EmbeddedElasticsearchNode elasticsearchNode() {
		if (instance == null || instance.elasticsearch == null) {
			throw new IllegalStateException("No embedded Elasticsearch in this JVM");
		}
		return instance.elasticsearch;
	}

	/**
	 * The main process (postmaster) of this JVM's embedded PostgreSQL; fault tests signal
	 * it.
	 */
	public static synchronized ProcessHandle postgresProcess() {
		if (instance == null || instance.postgres == null) {
			throw new IllegalStateException("No embedded PostgreSQL in this JVM");
		}
		return instance.postgres.postmaster();
	}

	/**
	 * The embedded Keycloak of this JVM, ready and set up; tests create members and
	 * clients through its admin API and get tokens from it.
	 */
	public static EmbeddedKeycloak signInProvider() {
		EmbeddedServices services;
		synchronized (EmbeddedServices.class) {
			if (instance == null || instance.signIn == null) {
				throw new IllegalStateException("No embedded sign-in provider in this JVM");
			}
			services = instance;
		}
		return services.signIn();
	}

	/**
	 * The password of the members this JVM's Keycloak makes: the demo password locally,
	 * else random per run.
	 */
	public static String memberPassword() {
		return signInSetup().memberPassword();
	}

	/**
	 * Makes a member at the embedded Keycloak (idempotent), with the password of
	 * {@link #memberPassword()}.
	 * @return the member's id at Keycloak, the {@code sub} of their tokens
	 */
	public static String ensureMember(String username, String... groups) {
		return signInProvider().admin().ensureMember(username, memberPassword(), java.util.List.of(groups));
	}

	private static synchronized SignInSetup signInSetup() {
		if (instance == null || instance.signIn == null) {
			throw new IllegalStateException("No embedded sign-in provider in this JVM");
		}
		return instance.signInSetup;
	}

	/**
	 * What the app and its tests add to the realm export through the admin API.
	 *
	 * @param memberPassword the password of demo and test members
	 * @param demoAccounts the local run's demo accounts, each {@code name} or
	 * {@code name:group}
	 */
	record SignInSetup(String memberPassword, java.util.List<String> demoAccounts) {
	}

	/**
	 * The embedded mail server of this JVM (started when the app looked up its address);
	 * the mail page and tests read its mails, tests stop and start it.
	 */
	public static synchronized EmbeddedMailServer mailServer() {
		if (instance == null || instance.mail == null) {
			throw new IllegalStateException("No embedded mail server in this JVM");
		}
		return instance.mail;
	}

	private static EmbeddedServices create(Environment env, boolean postgresWanted, boolean elasticsearchWanted,
			boolean signInWanted, boolean mailWanted) {
		Path dataDirectory = Path.of(env.getProperty("pinnwand.data-dir", "data")).toAbsolutePath().normalize();
		EmbeddedPostgresServer postgres = postgresWanted ? new EmbeddedPostgresServer(dataDirectory.resolve("postgres"),
				env.getProperty("pinnwand.embedded.postgres.durable", Boolean.class, true)) : null;
		EmbeddedElasticsearchNode elasticsearch = null;
		if (elasticsearchWanted) {
			Path cache = Path.of(env.getProperty("pinnwand.embedded.cache-dir", defaultCacheDirectory()));
			String distribution = env.getProperty("pinnwand.embedded.elasticsearch.distribution",
					buildProperty("elasticsearch.distribution"));
			elasticsearch = new EmbeddedElasticsearchNode(new EmbeddedElasticsearchNode.Settings(
					Path.of(distribution).toAbsolutePath(), analysisPlugin(), cache.toAbsolutePath(), dataDirectory,
					env.getProperty("pinnwand.embedded.elasticsearch.heap", "512m"),
					env.getProperty("pinnwand.embedded.elasticsearch.startup-timeout", Duration.class,
							Duration.ofSeconds(180)),
					env.getProperty("pinnwand.embedded.elasticsearch.system-user", "pinnwand-es")));
		}
		EmbeddedMailServer mail = mailWanted
				? new EmbeddedMailServer(env.getProperty("pinnwand.embedded.mail.port", Integer.class, 0)) : null;
		String password = env.getProperty("pinnwand.embedded.sign-in.password");
		SignInSetup setup = new SignInSetup(
				(password != null && !password.isBlank()) ? password : KeycloakAdmin.randomSecret(), java.util.List
					.of(env.getProperty("pinnwand.embedded.sign-in.accounts", String[].class, new String[0])));
		String clientSecret = KeycloakAdmin.randomSecret();
		EmbeddedKeycloak keycloak = signInWanted ? KeycloakLaunch.keycloak(env, dataDirectory, mail, clientSecret)
				: null;
		return new EmbeddedServices(postgres, elasticsearch, keycloak, mail, setup, clientSecret);
	}

	/**
	 * Root's home is closed to other users, so root keeps the cache where the node's user
	 * can read it.
	 */
	static String defaultCacheDirectory() {
		if ("root".equals(System.getProperty("user.name"))) {
			return "/var/cache/pinnwand";
		}
		String xdg = System.getenv("XDG_CACHE_HOME");
		return ((xdg != null && !xdg.isBlank()) ? xdg : System.getProperty("user.home") + "/.cache") + "/pinnwand";
	}

	static String buildProperty(String name) {
		Properties properties = new Properties();
		try (InputStream in = new ClassPathResource("pinnwand-build.properties").getInputStream()) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("pinnwand-build.properties is missing from the classpath", ex);
		}
		return properties.getProperty(name);
	}

	private static byte[] analysisPlugin() {
		ClassPathResource plugin = new ClassPathResource("elasticsearch/pinnwand-analysis.zip");
		if (!plugin.exists()) {
			return new byte[0];
		}
		try (InputStream in = plugin.getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts the services in parallel at the first request for any, so the app waits for
	 * the slowest one.
	 */
	private synchronized void startAll() {
		if (this.postgres != null && this.postgresStarted == null) {
			this.postgresStarted = CompletableFuture.runAsync(this.postgres::start);
		}
		if (this.elasticsearch != null && this.elasticsearchStarted == null) {
			this.elasticsearchStarted = CompletableFuture.runAsync(this.elasticsearch::start);
		}
		if (this.signIn != null && this.signInStarted == null) {
			this.signInStarted = CompletableFuture.runAsync(this::startSignIn);
		}
	}

	/**
	 * Starts Keycloak and adds what the realm export leaves out on purpose: the script
	 * client, demo accounts.
	 */
	private void startSignIn() {
		this.signIn.start();
		KeycloakAdmin admin = this.signIn.admin();
		admin.ensureScriptClient();
		for (String account : this.signInSetup.demoAccounts()) {
			String[] parts = account.split(":", 2);
			admin.ensureDemoMember(parts[0].strip(), this.signInSetup.memberPassword(),
					(parts.length > 1) ? java.util.List.of(parts[1].strip()) : java.util.List.of());
		}
	}

	/** The secret of the portal's client at the embedded Keycloak. */
	String clientSecret() {
		return this.clientSecret;
	}

	EmbeddedPostgresServer postgres() {
		startAll();
		await(this.postgresStarted);
		return this.postgres;
	}

	EmbeddedElasticsearchNode elasticsearch() {
		startAll();
		await(this.elasticsearchStarted);
		return this.elasticsearch;
	}

	EmbeddedKeycloak signIn() {
		synchronized (this) {
			startAll();
		}
		await(this.signInStarted);
		return this.signIn;
	}

	/**
	 * Whether a Keycloak was started in this JVM and is up (the app registers its address
	 * there).
	 */
	static synchronized EmbeddedKeycloak runningSignIn() {
		return (instance != null && instance.signIn != null && instance.signInStarted != null) ? instance.signIn()
				: null;
	}

	synchronized EmbeddedMailServer mail() {
		this.mail.start();
		return this.mail;
	}

	private static void await(CompletableFuture<Void> start) {
		try {
			start.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
	}

	void stop() {
		if (this.mail != null) {
			this.mail.stop();
		}
		if (this.signIn != null) {
			this.signIn.stop();
		}
		if (this.elasticsearch != null) {
			this.elasticsearch.stop();
		}
		if (this.postgres != null) {
			this.postgres.stop();
		}
	}

}
