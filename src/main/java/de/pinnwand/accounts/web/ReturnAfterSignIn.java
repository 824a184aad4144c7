package de.pinnwand.accounts.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import de.pinnwand.web.Layout;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Brings a person back to the page they were on when they tapped "sign in". The header's
 * link carries the page as {@code ?return=/path}; starting the sign-in keeps it in a
 * short-lived cookie of its own (not in the session and not in the provider's state), so
 * it works however the sign-in start keeps its state, and the success handler redirects
 * there. Only a relative path on this site is taken: anything with a scheme, a host, a
 * protocol-relative {@code //} or a backslash is ignored, so the link cannot send anyone
 * elsewhere.
 */
final class ReturnAfterSignIn implements WebFilter {

	/** The query parameter of the sign-in start that names where to come back to. */
	static final String PARAMETER = "return";

	static final String COOKIE = "pinnwand-return";

	/**
	 * Long enough to register at the provider, short enough not to surprise anyone at a
	 * later sign-in.
	 */
	private static final Duration KEPT = Duration.ofMinutes(30);

	private static final int LONGEST = 1024;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (path.equals(SignIn.START)) {
			// A start without a page (the sign-in a protected page asked for) forgets an
			// older one: the request
			// cache brings the person back to that page then.
			Optional<String> target = fromToken(exchange.getRequest().getQueryParams().getFirst(PARAMETER))
				.flatMap(ReturnAfterSignIn::safe);
			exchange.getResponse()
				.getCookies()
				.set(COOKIE, cookie(target.orElse(""), target.isPresent() ? KEPT : Duration.ZERO));
		}
		else if (HttpMethod.GET.equals(exchange.getRequest().getMethod()) && !path.startsWith("/api/")) {
			String here = exchange.getRequest().getURI().getRawPath()
					+ ((exchange.getRequest().getURI().getRawQuery() != null)
							? "?" + exchange.getRequest().getURI().getRawQuery() : "");
			if (safe(here).isPresent()) {
				exchange.getAttributes().put(Layout.SIGN_IN_HREF, SignIn.startReturningTo(here));
			}
		}
		return chain.filter(exchange);
	}

	/**
	 * The page as the link's parameter: base64url of its path and query, so that an
	 * already percent-encoded query ({@code q=%D9%85…}) travels as it is instead of being
	 * encoded a second time inside the link.
	 */
	static String token(String path) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(path.getBytes(StandardCharsets.UTF_8));
	}

	static Optional<String> fromToken(String token) {
		if (token == null || token.length() > LONGEST * 2) {
			return Optional.empty();
		}
		try {
			return Optional.of(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Where the person asked to come back to, when a sign-in just succeeded; the cookie
	 * is spent by asking.
	 */
	static Optional<String> takeTarget(ServerWebExchange exchange) {
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
		if (cookie == null) {
			return Optional.empty();
		}
		exchange.getResponse().getCookies().set(COOKIE, cookie("", Duration.ZERO));
		return safe(cookie.getValue());
	}

	/**
	 * The path, when it is a relative path on this site (with an optional query);
	 * otherwise nothing.
	 */
	static Optional<String> safe(String candidate) {
		if (candidate == null || candidate.length() > LONGEST || !candidate.startsWith("/")
				|| candidate.startsWith("//") || candidate.contains("\\")
				|| candidate.chars().anyMatch((c) -> c < 0x21 || c == 0x7f)) {
			return Optional.empty();
		}
		try {
			URI uri = new URI(candidate);
			if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawFragment() != null) {
				return Optional.empty();
			}
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
		// Never back into the sign-in itself (a loop) or the sign-out.
		if (candidate.startsWith("/oauth2/") || candidate.startsWith("/login") || candidate.startsWith("/logout")) {
			return Optional.empty();
		}
		return Optional.of(candidate);
	}

	private static ResponseCookie cookie(String value, Duration maxAge) {
		return ResponseCookie.from(COOKIE, value).path("/").httpOnly(true).sameSite("Lax").maxAge(maxAge).build();
	}

}
