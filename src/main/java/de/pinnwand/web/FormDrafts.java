package de.pinnwand.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Forms filled in while a session ran out: the entry point keeps the fields here before
 * it sends the person to sign in, and the form page, once they are back, takes them out
 * again (once) and shows the form filled in. The browser holds only a random token in an
 * HTTP-only cookie; the table holds its hash, so a leaked table row reveals no token.
 * Drafts older than {@link #KEPT} are deleted whenever a new one is kept.
 */
@Repository
public class FormDrafts {

	/** The cookie with the draft's token. */
	static final String COOKIE = "pinnwand-draft";

	/**
	 * Long enough to register at the provider first; a draft is not meant to be stored
	 * for later.
	 */
	static final Duration KEPT = Duration.ofHours(2);

	/**
	 * More is not a form a person typed (the listing form's fields are far below this).
	 */
	private static final int LONGEST = 64 * 1024;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DatabaseClient database;

	FormDrafts(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Keeps the fields posted to {@code formPath} and sets the cookie that finds them
	 * again.
	 */
	public Mono<Void> keep(ServerWebExchange exchange, String formPath, MultiValueMap<String, String> fields) {
		String encoded = encode(fields);
		if (encoded.length() > LONGEST) {
			return Mono.empty();
		}
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		Instant now = Instant.now();
		return this.database.sql("delete from form_draft where created_at < :cutoff")
			.bind("cutoff", now.minus(KEPT))
			.then()
			.then(this.database.sql(
					"insert into form_draft (token_hash, form_path, fields, created_at) values (:hash, :path, :fields, :now)")
				.bind("hash", hash(token))
				.bind("path", formPath)
				.bind("fields", encoded)
				.bind("now", now)
				.then())
			.doOnSuccess((done) -> exchange.getResponse().getCookies().set(COOKIE, cookie(token, KEPT)));
	}

	/**
	 * The fields kept for {@code formPath} by this browser, deleted as they are taken;
	 * empty when there are none (or they are too old, or were kept for another form).
	 */
	public Mono<MultiValueMap<String, String>> take(ServerWebExchange exchange, String formPath) {
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
		if (cookie == null || !cookie.getValue().matches("[0-9a-f]{32}")) {
			return Mono.empty();
		}
		exchange.getResponse().getCookies().set(COOKIE, cookie("", Duration.ZERO));
		return this.database
			.sql("delete from form_draft where token_hash = :hash and form_path = :path and created_at >= :cutoff "
					+ "returning fields")
			.bind("hash", hash(cookie.getValue()))
			.bind("path", formPath)
			.bind("cutoff", Instant.now().minus(KEPT))
			.map((row, meta) -> Optional.ofNullable(row.get("fields", String.class)))
			.one()
			.flatMap((fields) -> Mono.justOrEmpty(fields.map(FormDrafts::decode)));
	}

	/**
	 * The page that shows the form a POST to {@code path} came from, for the forms whose
	 * input is kept across a sign-in: a new listing and a listing's edit.
	 */
	public static Optional<String> formPageOf(String path) {
		if (path.equals("/listings")) {
			return Optional.of("/listings/new");
		}
		return EDIT_FORM.matcher(path).matches() ? Optional.of(path) : Optional.empty();
	}

	private static final Pattern EDIT_FORM = Pattern.compile("/listings/[0-9a-fA-F-]{36}/edit");

	static String encode(MultiValueMap<String, String> fields) {
		StringJoiner joined = new StringJoiner("&");
		fields.forEach((name, values) -> {
			// The CSRF token belongs to the old page; the new page has its own.
			if (!"_csrf".equals(name)) {
				values.forEach((value) -> joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode((value != null) ? value : "", StandardCharsets.UTF_8)));
			}
		});
		return joined.toString();
	}

	static MultiValueMap<String, String> decode(String encoded) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		for (String pair : encoded.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			fields.add(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return fields;
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ResponseCookie cookie(String value, Duration maxAge) {
		return ResponseCookie.from(COOKIE, value).path("/").httpOnly(true).sameSite("Lax").maxAge(maxAge).build();
	}

}
