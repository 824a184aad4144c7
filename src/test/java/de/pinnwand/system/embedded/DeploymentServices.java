package de.pinnwand.system.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * This JVM's services as a deployment's external ones, for a test that runs the packaged
 * jar as its own process: PostgreSQL, Elasticsearch, Keycloak (with the realm export
 * compose imports) and an SMTP server, all started here, and the environment variables
 * that point the jar at them — the same names {@code docker-compose.yml} sets.
 */
public final class DeploymentServices {

	private final EmbeddedServices services;

	private boolean stopped;

	private DeploymentServices(EmbeddedServices services) {
		this.services = services;
	}

	/**
	 * Starts all four services.
	 * @param dataDirectory where their data goes
	 * @param publicUrl the portal's public address, which Keycloak's client lets sign-in
	 * return to
	 */
	public static DeploymentServices start(Path dataDirectory, String publicUrl) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("deployment",
					Map.of("pinnwand.data-dir", dataDirectory.toString(), "pinnwand.public-url", publicUrl)));
		DeploymentServices started = new DeploymentServices(EmbeddedServices.of(environment, true, true, true, true));
		// No SpringApplication runs in this JVM, whose shutdown handlers would stop them:
		// PostgreSQL, unlike
		// Elasticsearch and Keycloak, has no parent-death signal and would outlive the
		// test JVM.
		Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "pinnwand-deployment-services"));
		started.services.postgres();
		started.services.elasticsearch();
		started.services.signIn().admin().allowPortalAddress(publicUrl);
		started.services.mail();
		return started;
	}

	/** Stops the four services; a second call does nothing. */
	public synchronized void stop() {
		if (!this.stopped) {
			this.stopped = true;
			this.services.stop();
		}
	}

	/**
	 * The environment of the app's process, as a deployment sets it (docker-compose.yml,
	 * .env.example).
	 */
	public Map<String, String> appEnvironment() {
		EmbeddedPostgresServer postgres = this.services.postgres();
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SPRING_R2DBC_URL", postgres.r2dbcUrl());
		environment.put("SPRING_R2DBC_USERNAME", EmbeddedPostgresServer.USER);
		environment.put("SPRING_R2DBC_PASSWORD", "");
		environment.put("SPRING_FLYWAY_URL", postgres.jdbcUrl(EmbeddedPostgresServer.DATABASE));
		environment.put("SPRING_FLYWAY_USER", EmbeddedPostgresServer.USER);
		environment.put("SPRING_FLYWAY_PASSWORD", "");
		environment.put("PINNWAND_SEARCH_URIS", this.services.elasticsearch().url());
		environment.put("PINNWAND_ACCOUNTS_ISSUER_URI", this.services.signIn().issuerUri());
		environment.put("PINNWAND_ACCOUNTS_CLIENT_ID", "pinnwand");
		environment.put("PINNWAND_ACCOUNTS_CLIENT_SECRET", this.services.clientSecret());
		environment.put("PINNWAND_ACCOUNTS_SIGN_IN_KEY", KeycloakAdmin.randomSecret() + KeycloakAdmin.randomSecret());
		environment.put("SPRING_MAIL_HOST", "127.0.0.1");
		environment.put("SPRING_MAIL_PORT", String.valueOf(this.services.mail().port()));
		return environment;
	}

	/** The Keycloak the app signs in with; tests make members through its admin API. */
	public EmbeddedKeycloak keycloak() {
		return this.services.signIn();
	}

	/** The SMTP server's mailbox. */
	public EmbeddedMailServer mail() {
		return this.services.mail();
	}

	/** The members' password at this Keycloak. */
	public String memberPassword() {
		return EmbeddedServices.memberPassword();
	}

}
