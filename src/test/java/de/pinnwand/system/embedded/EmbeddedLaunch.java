package de.pinnwand.system.embedded;

import de.pinnwand.system.RequiredConfiguration;
import org.slf4j.LoggerFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Adds the connection settings of the embedded services when no external PostgreSQL,
 * Elasticsearch, sign-in provider (Keycloak) or mail server is configured. The settings
 * are looked up lazily: a service starts only when a part of the application asks for its
 * address, so a narrow test slice that needs neither starts neither.
 */
class EmbeddedLaunch implements EnvironmentPostProcessor {

	static boolean postgresWanted(Environment env) {
		return env.getProperty("pinnwand.embedded.postgres.enabled", Boolean.class,
				!env.containsProperty("spring.r2dbc.url"));
	}

	static boolean elasticsearchWanted(Environment env) {
		return env.getProperty("pinnwand.embedded.elasticsearch.enabled", Boolean.class,
				!env.containsProperty("pinnwand.search.uris"));
	}

	static boolean signInWanted(Environment env) {
		return env.getProperty("pinnwand.embedded.sign-in.enabled", Boolean.class,
				!env.containsProperty("pinnwand.accounts.issuer-uri"));
	}

	/** Set by this class: whether this app runs the embedded mail server. */
	static final String MAIL_RUNNING = "pinnwand.embedded.mail.running";

	static boolean mailWanted(Environment env) {
		return env.getProperty("pinnwand.embedded.mail.enabled", Boolean.class,
				!env.containsProperty("spring.mail.host"));
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean postgres = postgresWanted(environment);
		boolean elasticsearch = elasticsearchWanted(environment);
		boolean signIn = signInWanted(environment);
		boolean mail = mailWanted(environment);
		// Decided once, before this class answers spring.mail.host itself (which would
		// make mailWanted false).
		// The development services stand in for what a deployment must configure
		// (RequiredConfiguration).
		environment.getPropertySources()
			.addLast(new org.springframework.core.env.MapPropertySource("pinnwandEmbeddedMail",
					java.util.Map.of(MAIL_RUNNING, mail, RequiredConfiguration.DEVELOPMENT_SERVICES, true)));
		if (postgres || elasticsearch || signIn || mail) {
			environment.getPropertySources().addLast(new Addresses(environment, postgres, elasticsearch, signIn, mail));
		}
	}

	/**
	 * Deliberately not enumerable: only a direct lookup of one of its names starts a
	 * service. Its source must not be the environment itself, which Boot would descend
	 * into while iterating property sources.
	 */
	private static final class Addresses extends PropertySource<Object> {

		private final Environment environment;

		private final boolean postgres;

		private final boolean elasticsearch;

		private final boolean signIn;

		private final boolean mail;

		Addresses(Environment environment, boolean postgres, boolean elasticsearch, boolean signIn, boolean mail) {
			super("pinnwandEmbeddedServices", new Object());
			this.environment = environment;
			this.postgres = postgres;
			this.elasticsearch = elasticsearch;
			this.signIn = signIn;
			this.mail = mail;
		}

		@Override
		public Object getProperty(String name) {
			if (this.postgres) {
				switch (name) {
					case "spring.r2dbc.url":
						return services().postgres().r2dbcUrl();
					case "spring.flyway.url":
						return services().postgres().jdbcUrl(EmbeddedPostgresServer.DATABASE);
					case "spring.r2dbc.username", "spring.flyway.user":
						return EmbeddedPostgresServer.USER;
					case "spring.r2dbc.password", "spring.flyway.password":
						return "";
					default:
						break;
				}
			}
			// The binder asks a non-enumerable source for a list's first element by
			// index.
			if (this.elasticsearch && ("pinnwand.search.uris".equals(name) || "pinnwand.search.uris[0]".equals(name))) {
				try {
					return services().elasticsearch().url();
				}
				catch (RuntimeException ex) {
					// Spring treats a failing lookup as a missing property; say what went
					// wrong before that happens.
					LoggerFactory.getLogger(EmbeddedLaunch.class)
						.error("Embedded Elasticsearch failed: " + ex.getMessage(), ex);
					throw ex;
				}
			}
			if (this.signIn) {
				switch (name) {
					case "pinnwand.accounts.issuer-uri":
						return services().signIn().issuerUri();
					case "pinnwand.accounts.client-secret":
						return services().clientSecret();
					default:
						break;
				}
			}
			if (this.mail) {
				switch (name) {
					case "spring.mail.host":
						services().mail();
						return "127.0.0.1";
					case "spring.mail.port":
						return services().mail().port();
					default:
						break;
				}
			}
			return null;
		}

		private EmbeddedServices services() {
			return EmbeddedServices.of(this.environment, this.postgres, this.elasticsearch, this.signIn, this.mail);
		}

	}

}
