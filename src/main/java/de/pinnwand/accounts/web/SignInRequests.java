package de.pinnwand.accounts.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.oauth2.client.web.server.ServerAuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps a started sign-in (the OAuth2 authorization request: state, PKCE verifier, nonce)
 * in a cookie instead of a server session, so that visitors who start signing in leave
 * nothing on the server (a flood of starts cannot fill the session store) and the way
 * back from the provider works on any instance. The cookie is sealed with AES-GCM, which
 * both hides the PKCE verifier and refuses any changed byte; it is HttpOnly, SameSite=Lax
 * (the provider sends the browser back with a top-level GET), Secure over https, and sent
 * only to the callback path.
 */
@NamedInterface("sign-in")
public final class SignInRequests implements ServerAuthorizationRequestRepository<OAuth2AuthorizationRequest> {

	/** The cookie's name. */
	public static final String COOKIE = "PINNWAND_SIGNIN";

	/** Only the provider's way back needs the cookie; no other request carries it. */
	static final String PATH = "/login/oauth2/code/";

	private static final Logger logger = LoggerFactory.getLogger(SignInRequests.class);

	private static final Duration AFTERLIFE = Duration.ofDays(1);

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom random = new SecureRandom();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final SecretKey key;

	private final Duration lifetime;

	private final Clock clock;

	/**
	 * The sealed content: what the way back needs to finish the sign-in, and until when.
	 */
	record Sealed(String authorizationUri, String clientId, String redirectUri, Set<String> scopes, String state,
			Map<String, Object> parameters, Map<String, Object> attributes, String requestUri, long expires) {
	}

	/**
	 * @param secret the deployment's secret, shared by its instances; blank makes a
	 * random one (development only)
	 * @param lifetime how long a sign-in may stay at the provider
	 */
	public SignInRequests(String secret, Duration lifetime, Clock clock) {
		this.key = new SecretKeySpec(keyBytes(secret), "AES");
		this.lifetime = lifetime;
		this.clock = clock;
	}

	private static byte[] keyBytes(String secret) {
		if (secret == null || secret.isBlank()) {
			byte[] bytes = new byte[32];
			random.nextBytes(bytes);
			return bytes;
		}
		if (secret.length() < 32) {
			throw new IllegalArgumentException("pinnwand.accounts.sign-in-key must have at least 32 characters");
		}
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public Mono<OAuth2AuthorizationRequest> loadAuthorizationRequest(ServerWebExchange exchange) {
		return Mono.fromSupplier(() -> read(exchange));
	}

	@Override
	public Mono<Void> saveAuthorizationRequest(OAuth2AuthorizationRequest request, ServerWebExchange exchange) {
		if (request == null) {
			return removeCookie(exchange);
		}
		// The cookie outlives its content by a day, so that a way back that came too late
		// is told apart from one
		// without any started sign-in (forged, or from another browser) and gets its own
		// page.
		return Mono.fromRunnable(() -> exchange.getResponse()
			.addCookie(cookie(exchange, seal(request)).maxAge(this.lifetime.plus(AFTERLIFE)).build()));
	}

	@Override
	public Mono<OAuth2AuthorizationRequest> removeAuthorizationRequest(ServerWebExchange exchange) {
		return loadAuthorizationRequest(exchange).flatMap((request) -> removeCookie(exchange).thenReturn(request));
	}

	private Mono<Void> removeCookie(ServerWebExchange exchange) {
		return Mono.fromRunnable(() -> exchange.getResponse().addCookie(cookie(exchange, "").maxAge(0).build()));
	}

	private static ResponseCookie.ResponseCookieBuilder cookie(ServerWebExchange exchange, String value) {
		return ResponseCookie.from(COOKIE, value)
			.path(PATH)
			.httpOnly(true)
			.sameSite("Lax")
			.secure("https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme()));
	}

	/**
	 * The sign-in this browser started, if the cookie is intact, not expired and belongs
	 * to the answer's state.
	 */
	private OAuth2AuthorizationRequest read(ServerWebExchange exchange) {
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
		if (cookie == null || cookie.getValue().isEmpty()) {
			return null;
		}
		Sealed sealed = open(cookie.getValue());
		if (sealed == null || this.clock.millis() > sealed.expires()) {
			return null;
		}
		String state = exchange.getRequest().getQueryParams().getFirst(OAuth2ParameterNames.STATE);
		if (state != null && !state.equals(sealed.state())) {
			return null;
		}
		return OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri(sealed.authorizationUri())
			.clientId(sealed.clientId())
			.redirectUri(sealed.redirectUri())
			.scopes(sealed.scopes())
			.state(sealed.state())
			.additionalParameters(sealed.parameters())
			.attributes(sealed.attributes())
			.authorizationRequestUri(sealed.requestUri())
			.build();
	}

	String seal(OAuth2AuthorizationRequest request) {
		Instant expires = this.clock.instant().plus(this.lifetime);
		Sealed sealed = new Sealed(request.getAuthorizationUri(), request.getClientId(), request.getRedirectUri(),
				request.getScopes(), request.getState(), new LinkedHashMap<>(request.getAdditionalParameters()),
				new LinkedHashMap<>(request.getAttributes()), request.getAuthorizationRequestUri(),
				expires.toEpochMilli());
		byte[] plain = json.writeValueAsBytes(sealed);
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(COOKIE.getBytes(StandardCharsets.US_ASCII));
			byte[] secret = cipher.doFinal(plain);
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(ByteBuffer.allocate(nonce.length + secret.length).put(nonce).put(secret).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is part of every JDK", ex);
		}
	}

	/**
	 * The content, or null when the cookie was not sealed with this deployment's key or
	 * was changed.
	 */
	Sealed open(String value) {
		try {
			byte[] bytes = Base64.getUrlDecoder().decode(value);
			if (bytes.length <= NONCE_BYTES) {
				return null;
			}
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			cipher.updateAAD(COOKIE.getBytes(StandardCharsets.US_ASCII));
			byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
			return json.readValue(plain, Sealed.class);
		}
		catch (IllegalArgumentException | GeneralSecurityException | JacksonException ex) {
			// A cookie of another key (a restart without a configured key) or a forged
			// one: the sign-in starts over.
			logger.debug("Sign-in cookie refused: {}", ex.getClass().getSimpleName());
			return null;
		}
	}

}
