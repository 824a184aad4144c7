package de.pinnwand.system.embedded;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.web.util.HtmlUtils;

/**
 * The embedded default's OpenID Connect provider: navikt's mock-oauth2-server, a real provider (discovery,
 * authorization code with PKCE, JWKS, token and userinfo endpoints) running in this JVM on 127.0.0.1, so its
 * cookies never mix with the app's on {@code localhost}.
 * <p>
 * The library signs in whoever types a name; Pinnwand puts a password check in front of it. In the local
 * profile only the demo accounts sign in, with the password from the README. Anywhere else (tests) every
 * account name is accepted, but only with a password made at random for this JVM, so the README's password
 * opens nothing outside the local profile.
 */
public final class EmbeddedSignInProvider {

	/** The issuer's path segment: the issuer is {@code http://127.0.0.1:<port>/pinnwand}. */
	public static final String ISSUER_ID = "pinnwand";

	private static final Log logger = LogFactory.getLog(EmbeddedSignInProvider.class);

	private final int port;

	private final String password;

	private final Set<String> accounts;

	private MockOAuth2Server server;

	/**
	 * @param port the port, 0 for any free one
	 * @param password the accounts' password; null or blank for one made at random
	 * @param accounts the only account names that can sign in; empty for any
	 */
	EmbeddedSignInProvider(int port, String password, Set<String> accounts) {
		this.port = port;
		this.password = (password != null && !password.isBlank()) ? password : randomPassword();
		this.accounts = Set.copyOf(accounts);
	}

	synchronized void start() {
		if (this.server != null) {
			return;
		}
		MockOAuth2Server started = new MockOAuth2Server(new OAuth2Config(true), new PasswordCheck());
		try {
			started.start(InetAddress.getByName("127.0.0.1"), this.port);
		}
		catch (UnknownHostException ex) {
			throw new EmbeddedServiceFailed("Cannot resolve 127.0.0.1", ex);
		}
		this.server = started;
		logger.info("Embedded sign-in provider at " + issuerUri());
	}

	synchronized void stop() {
		if (this.server != null) {
			this.server.shutdown();
			this.server = null;
		}
	}

	/** The issuer URI that clients discover the provider by. */
	public String issuerUri() {
		// The library names the host 'localhost'; the issuer must be the address clients really use.
		return "http://127.0.0.1:" + this.server.baseUrl().port() + "/" + ISSUER_ID;
	}

	/** The token endpoint, where scripts and tests get tokens with the password grant. */
	public String tokenUri() {
		return issuerUri() + "/token";
	}

	/** The password every account signs in with in this JVM. */
	public String password() {
		return this.password;
	}

	boolean accepts(String username, String givenPassword) {
		if (username == null || username.isBlank() || username.length() > 64 || givenPassword == null) {
			return false;
		}
		boolean known = this.accounts.isEmpty() || this.accounts.contains(username);
		boolean passwordRight = MessageDigest.isEqual(givenPassword.getBytes(StandardCharsets.UTF_8),
				this.password.getBytes(StandardCharsets.UTF_8));
		return known && passwordRight;
	}

	private static String randomPassword() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Answers before the library's own routes: shows the sign-in form, refuses wrong credentials and every grant
	 * but the three a portal and its scripts need. Anything it lets through is handled by the library.
	 */
	private final class PasswordCheck implements Route {

		private final String authorizePath = "/" + ISSUER_ID + "/authorize";

		private final String tokenPath = "/" + ISSUER_ID + "/token";

		@Override
		public boolean match(OAuth2HttpRequest request) {
			String path = request.getUrl().encodedPath();
			if (path.equals(this.authorizePath)) {
				return !"POST".equals(request.getMethod()) || !credentialsRight(request) || hasClaims(request);
			}
			if (path.equals(this.tokenPath) && "POST".equals(request.getMethod())) {
				String grant = request.getFormParameters().get("grant_type");
				if ("password".equals(grant)) {
					return !credentialsRight(request);
				}
				return !"authorization_code".equals(grant) && !"refresh_token".equals(grant);
			}
			// Other issuers' paths and the library's debugger are not part of this provider.
			return !path.startsWith("/" + ISSUER_ID + "/") || path.startsWith("/" + ISSUER_ID + "/debugger");
		}

		@Override
		public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
			String path = request.getUrl().encodedPath();
			if (path.equals(this.authorizePath)) {
				boolean failed = "POST".equals(request.getMethod());
				String username = failed ? request.getFormParameters().get("username") : null;
				return html(failed ? 401 : 200, signInPage(username, failed));
			}
			if (path.equals(this.tokenPath)) {
				String grant = request.getFormParameters().get("grant_type");
				String error = "password".equals(grant) ? "invalid_grant" : "unsupported_grant_type";
				return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), 400,
						"{\"error\":\"" + error + "\"}", null);
			}
			return new OAuth2HttpResponse(Headers.of("Content-Type", "text/plain"), 404, "Not found", null);
		}

		private boolean credentialsRight(OAuth2HttpRequest request) {
			OAuth2HttpRequest.Parameters form = request.getFormParameters();
			return accepts(form.get("username"), form.get("password"));
		}

		/** The library would take extra claims from the form; this provider's accounts have none to add. */
		private boolean hasClaims(OAuth2HttpRequest request) {
			String claims = request.getFormParameters().get("claims");
			return claims != null && !claims.isBlank();
		}

		private OAuth2HttpResponse html(int status, String body) {
			return new OAuth2HttpResponse(Headers.of("Content-Type", "text/html; charset=UTF-8", "Cache-Control",
					"no-store",
					// No form-action: the form's answer redirects back to the portal, which form-action would block.
					"Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"),
					status, body, null);
		}

		private String signInPage(String username, boolean failed) {
			String value = (username != null) ? HtmlUtils.htmlEscape(username) : "";
			String error = failed ? "<p class=\"error\" role=\"alert\" id=\"error\">Name oder Passwort stimmt nicht. "
					+ "<span lang=\"en\">Wrong name or password.</span></p>" : "";
			String hint = EmbeddedSignInProvider.this.accounts.isEmpty() ? ""
					: "<p class=\"hint\">Demo: " + HtmlUtils.htmlEscape(String.join(", ", EmbeddedSignInProvider.this.accounts.stream().sorted().toList())) + "</p>";
			return """
					<!DOCTYPE html>
					<html lang="de"><head><meta charset="utf-8">
					<meta name="viewport" content="width=device-width, initial-scale=1">
					<title>Anmelden – Pinnwand (lokal)</title>
					<style>
					body{font:1.0625rem/1.5 system-ui,sans-serif;margin:0;padding:1rem;background:#f6f4ef;color:#1d1d1b}
					main{max-width:26rem;margin:2rem auto;background:#fff;padding:1.25rem;border-radius:.5rem;border:1px solid #c9c4b8}
					label{display:block;margin-top:1rem;font-weight:600}
					input{width:100%%;box-sizing:border-box;font:inherit;padding:.6rem;margin-top:.25rem;border:2px solid #57534a;border-radius:.25rem}
					input:focus,button:focus{outline:3px solid #1f5fbf;outline-offset:2px}
					button{margin-top:1.25rem;width:100%%;min-height:3rem;font:inherit;font-weight:600;background:#1f4e79;color:#fff;border:0;border-radius:.25rem}
					.error{color:#a4161a;font-weight:600}.hint{color:#57534a;font-size:.9375rem}
					</style></head>
					<body><main>
					<h1>Anmelden <span lang="en">/ Sign in</span></h1>
					<p>Der lokale Anmeldedienst von Pinnwand, nur zum Ausprobieren. <span lang="en">Pinnwand's local sign-in service, for trying things out only.</span></p>
					%s
					<form method="post">
					<label for="username">Name <span lang="en">/ name</span></label>
					<input id="username" name="username" autocomplete="username" required value="%s" autofocus>
					<label for="password">Passwort <span lang="en">/ password</span></label>
					<input id="password" name="password" type="password" autocomplete="current-password" required>
					<button type="submit">Anmelden <span lang="en">/ Sign in</span></button>
					</form>
					%s
					</main></body></html>
					""".formatted(error, value, hint);
		}

	}

}
