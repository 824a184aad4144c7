package de.pinnwand.system.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;

/**
 * Sets the embedded Keycloak up from the app's settings, and, once the app's web server
 * runs, lets the portal's client return to it: the realm export names the public address
 * only, and a local or test run's port is known late (tests take a free one).
 */
final class KeycloakLaunch implements ApplicationListener<WebServerInitializedEvent> {

	/** The realm export of docker/keycloak, copied onto the classpath by the build. */
	static final String REALM_EXPORT = "keycloak/realm-pinnwand.json";

	static EmbeddedKeycloak keycloak(Environment env, Path dataDirectory, EmbeddedMailServer mail,
			String clientSecret) {
		Path cache = Path.of(env.getProperty("pinnwand.embedded.cache-dir", EmbeddedServices.defaultCacheDirectory()));
		String distribution = env.getProperty("pinnwand.embedded.sign-in.distribution",
				EmbeddedServices.buildProperty("keycloak.distribution"));
		boolean keepState = env.getProperty("pinnwand.embedded.sign-in.keep-state", Boolean.class, false);
		Path state;
		try {
			state = keepState ? dataDirectory.resolve("keycloak")
					: Files.createTempDirectory("pinnwand-keycloak-").toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No temporary folder for Keycloak", ex);
		}
		Map<String, String> placeholders = new LinkedHashMap<>();
		placeholders.put("PINNWAND_OIDC_CLIENT_SECRET", clientSecret);
		placeholders.put("PINNWAND_PUBLIC_URL",
				env.getProperty("pinnwand.public-url", "http://localhost:" + env.getProperty("server.port", "8080")));
		// Keycloak's own mails (address checks, forgotten passwords) go where the app's
		// go: locally to /dev/mail.
		placeholders.put("KEYCLOAK_SMTP_HOST", (mail != null) ? "127.0.0.1" : env.getProperty("spring.mail.host", ""));
		placeholders.put("KEYCLOAK_SMTP_PORT",
				(mail != null) ? String.valueOf(mail.port()) : env.getProperty("spring.mail.port", "25"));
		placeholders.put("KEYCLOAK_SMTP_FROM",
				senderAddress(env.getProperty("pinnwand.notifications.from", "pinnwand@localhost")));
		placeholders.put("KEYCLOAK_SMTP_USER", env.getProperty("spring.mail.username", "pinnwand"));
		placeholders.put("KEYCLOAK_SMTP_PASSWORD", env.getProperty("spring.mail.password", "pinnwand"));
		return new EmbeddedKeycloak(new EmbeddedKeycloak.Settings(Path.of(distribution).toAbsolutePath(),
				cache.toAbsolutePath(), state, keepState,
				env.getProperty("pinnwand.embedded.sign-in.port", Integer.class, 0), realmExport(), placeholders,
				env.getProperty("pinnwand.embedded.sign-in.startup-timeout", Duration.class, Duration.ofSeconds(240))));
	}

	/**
	 * Keycloak wants a bare address; the app's setting may carry a display name
	 * ({@code Name <address>}).
	 */
	static String senderAddress(String from) {
		int open = from.indexOf('<');
		int close = from.indexOf('>', open + 1);
		return (open >= 0 && close > open) ? from.substring(open + 1, close).strip() : from.strip();
	}

	private static byte[] realmExport() {
		try (InputStream in = new ClassPathResource(REALM_EXPORT).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(REALM_EXPORT + " is missing from the classpath", ex);
		}
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		EmbeddedKeycloak keycloak = EmbeddedServices.runningSignIn();
		if (keycloak == null) {
			return;
		}
		int port = event.getWebServer().getPort();
		keycloak.admin().allowPortalAddress("http://localhost:" + port);
		keycloak.admin().allowPortalAddress("http://127.0.0.1:" + port);
	}

}
