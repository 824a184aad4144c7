package de.pinnwand.system;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops a deployment's start at once, with one line naming the missing property, when a
 * service the portal cannot work without is not configured. The development services (the
 * local run and the tests, {@code src/test}) set {@value #DEVELOPMENT_SERVICES} when they
 * stand in for the services; the production jar has none of them, so a missing address
 * there is a mistake to report, never a reason to start something embedded.
 * <p>
 * A listener of the prepared environment rather than an environment post-processor: it
 * runs after every post-processor, the development services' included.
 */
public class RequiredConfiguration implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	/**
	 * Set by the development services when they provide the missing addresses themselves.
	 */
	public static final String DEVELOPMENT_SERVICES = "pinnwand.embedded.services-active";

	/** Each property a deployment must set, with what it is for. */
	static final Map<String, String> REQUIRED;

	static {
		Map<String, String> required = new LinkedHashMap<>();
		required.put("spring.r2dbc.url", "the PostgreSQL database (R2DBC URL)");
		required.put("spring.flyway.url", "the PostgreSQL database for migrations (JDBC URL)");
		required.put("pinnwand.search.uris", "the Elasticsearch addresses");
		required.put("pinnwand.accounts.issuer-uri", "the OpenID Connect issuer (Keycloak realm)");
		required.put("spring.mail.host", "the SMTP server for notification mails");
		required.put("pinnwand.public-url", "the portal's public address behind its proxy");
		required.put("pinnwand.accounts.sign-in-key", "the secret (32+ characters, the same on every instance) that "
				+ "seals the cookie of a started sign-in");
		REQUIRED = Collections.unmodifiableMap(required);
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		check(event.getEnvironment());
	}

	static void check(ConfigurableEnvironment environment) {
		if (environment.getProperty(DEVELOPMENT_SERVICES, Boolean.class, false)) {
			return;
		}
		for (String property : REQUIRED.keySet()) {
			String value = environment.getProperty(property);
			if (value == null || value.isBlank()) {
				throw new ConfigurationMissing(property, REQUIRED.get(property));
			}
		}
	}

}
