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
 * The embedded services of this JVM. They are shared by every application context in it (the test suite
 * starts them once) and stopped after the last context has closed, on Ctrl-C, SIGTERM or the end of the
 * test JVM.
 */
public final class EmbeddedServices {

	private static EmbeddedServices instance;

	private final EmbeddedPostgresServer postgres;

	private final EmbeddedElasticsearchNode elasticsearch;

	private final EmbeddedSignInProvider signIn;

	private final EmbeddedMailServer mail;

	private CompletableFuture<Void> postgresStarted;

	private CompletableFuture<Void> elasticsearchStarted;

	private EmbeddedServices(EmbeddedPostgresServer postgres, EmbeddedElasticsearchNode elasticsearch,
			EmbeddedSignInProvider signIn, EmbeddedMailServer mail) {
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

	/** The embedded Elasticsearch node of this JVM, if one was configured; tests stop and start it. */
	public static synchronized EmbeddedElasticsearchNode elasticsearchNode() {
		if (instance == null || instance.elasticsearch == null) {
			throw new IllegalStateException("No embedded Elasticsearch in this JVM");
		}
		return instance.elasticsearch;
	}

	/** The embedded sign-in provider of this JVM, started; tests get tokens and its password from it. */
	public static synchronized EmbeddedSignInProvider signInProvider() {
		if (instance == null || instance.signIn == null) {
			throw new IllegalStateException("No embedded sign-in provider in this JVM");
		}
		return instance.signIn();
	}

	/**
	 * The embedded mail server of this JVM (started when the app looked up its address); the mail page and tests
	 * read its mails, tests stop and start it.
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
		EmbeddedPostgresServer postgres = postgresWanted
				? new EmbeddedPostgresServer(dataDirectory.resolve("postgres"),
						env.getProperty("pinnwand.embedded.postgres.durable", Boolean.class, true))
				: null;
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
		EmbeddedSignInProvider signIn = signInWanted ? new EmbeddedSignInProvider(
				env.getProperty("pinnwand.embedded.sign-in.port", Integer.class, 0),
				env.getProperty("pinnwand.embedded.sign-in.password"),
				java.util.Set.of(env.getProperty("pinnwand.embedded.sign-in.accounts", String[].class, new String[0])))
				: null;
		EmbeddedMailServer mail = mailWanted
				? new EmbeddedMailServer(env.getProperty("pinnwand.embedded.mail.port", Integer.class, 0)) : null;
		return new EmbeddedServices(postgres, elasticsearch, signIn, mail);
	}

	/** Root's home is closed to other users, so root keeps the cache where the node's user can read it. */
	private static String defaultCacheDirectory() {
		if ("root".equals(System.getProperty("user.name"))) {
			return "/var/cache/pinnwand";
		}
		String xdg = System.getenv("XDG_CACHE_HOME");
		return ((xdg != null && !xdg.isBlank()) ? xdg : System.getProperty("user.home") + "/.cache") + "/pinnwand";
	}

	private static String buildProperty(String name) {
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

	/** Starts both services in parallel at the first request for either, so the app waits for the slower one. */
	private synchronized void startAll() {
		if (this.postgres != null && this.postgresStarted == null) {
			this.postgresStarted = CompletableFuture.runAsync(this.postgres::start);
		}
		if (this.elasticsearch != null && this.elasticsearchStarted == null) {
			this.elasticsearchStarted = CompletableFuture.runAsync(this.elasticsearch::start);
		}
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

	synchronized EmbeddedSignInProvider signIn() {
		this.signIn.start();
		return this.signIn;
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

	private void stop() {
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
