package de.pinnwand.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The languages of the interface and how one is chosen: {@code ?ui=} (from the switcher
 * on every page, remembered in a cookie), else the cookie, else the browser's
 * Accept-Language, else German. Dari ({@code fa-AF}) is a language of its own beside
 * Persian ({@code fa}): its texts fall back to Persian's only where a key is missing.
 */
@Component("localeContextResolver")
public class InterfaceLanguages implements LocaleContextResolver {

	/** The interface languages, in the switcher's order. */
	public static final List<String> CODES = List.of("de", "en", "ar", "fa", "fa-AF", "uk", "ru", "tr");

	/** Dari: Persian as spoken and written in Afghanistan. */
	public static final String DARI = "fa-AF";

	static final String COOKIE = "lang";

	/**
	 * The switcher's query parameter; not {@code lang}, which the search page and API use
	 * to filter listings by the languages their posters speak.
	 */
	public static final String PARAMETER = "ui";

	private static final List<Locale> LOCALES = CODES.stream().map(Locale::forLanguageTag).toList();

	/** Whether a language is written right to left: Arabic, Persian and Dari. */
	public static boolean isRightToLeft(Locale locale) {
		return "ar".equals(locale.getLanguage()) || "fa".equals(locale.getLanguage());
	}

	/**
	 * The interface language's code of a locale, as in {@link #CODES}: {@code fa-AF} for
	 * Dari, else the bare language ({@code ar-SY} is {@code ar}, {@code fa-IR} is
	 * {@code fa}); German for a language the interface does not speak.
	 */
	public static String codeOf(Locale locale) {
		return (locale != null) ? spoken(locale).orElse("de") : "de";
	}

	/**
	 * The interface language a code names, in the spelling of {@link #CODES}
	 * ({@code fa-af} and {@code prs} are Dari), or empty when it names none.
	 */
	public static Optional<String> known(String code) {
		if (code == null || code.isBlank() || code.length() > 16) {
			return Optional.empty();
		}
		return spoken(Locale.forLanguageTag(code.strip().replace('_', '-')));
	}

	private static Optional<String> spoken(Locale locale) {
		String language = locale.getLanguage();
		if ("prs".equals(language) || ("fa".equals(language) && "AF".equalsIgnoreCase(locale.getCountry()))) {
			return Optional.of(DARI);
		}
		return CODES.contains(language) ? Optional.of(language) : Optional.empty();
	}

	@Override
	public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
		Optional<String> chosen = known(exchange.getRequest().getQueryParams().getFirst(PARAMETER));
		if (chosen.isPresent()) {
			remember(exchange, chosen.get());
			return new SimpleLocaleContext(Locale.forLanguageTag(chosen.get()));
		}
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
		Optional<String> remembered = known((cookie != null) ? cookie.getValue() : null);
		if (remembered.isPresent()) {
			return new SimpleLocaleContext(Locale.forLanguageTag(remembered.get()));
		}
		try {
			List<Locale.LanguageRange> ranges = exchange.getRequest()
				.getHeaders()
				.getAcceptLanguage()
				.stream()
				.map(InterfaceLanguages::dariAsFaAf)
				.toList();
			Locale best = Locale.lookup(ranges, LOCALES);
			if (best != null) {
				return new SimpleLocaleContext(best);
			}
		}
		catch (IllegalArgumentException malformed) {
			// a broken Accept-Language header is treated as none
		}
		return new SimpleLocaleContext(Locale.GERMAN);
	}

	@Override
	public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
		Locale locale = (localeContext != null) ? localeContext.getLocale() : null;
		if (locale != null) {
			known(locale.toLanguageTag()).ifPresent((code) -> remember(exchange, code));
		}
	}

	/**
	 * Browsers set to Dari may send its own code {@code prs}; the interface knows Dari as
	 * {@code fa-AF}.
	 */
	private static Locale.LanguageRange dariAsFaAf(Locale.LanguageRange range) {
		String tag = range.getRange();
		return (tag.equals("prs") || tag.startsWith("prs-")) ? new Locale.LanguageRange("fa-af", range.getWeight())
				: range;
	}

	private static void remember(ServerWebExchange exchange, String code) {
		// Set, not added: the locale is resolved many times per request (every message of
		// a page), one cookie is enough.
		exchange.getResponse()
			.getCookies()
			.set(COOKIE,
					ResponseCookie.from(COOKIE, code)
						.path("/")
						.maxAge(Duration.ofDays(365))
						.sameSite("Lax")
						.httpOnly(true)
						.build());
	}

}
