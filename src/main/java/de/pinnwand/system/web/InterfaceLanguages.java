package de.pinnwand.system.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The languages of the interface and how one is chosen: {@code ?ui=} (from the switcher on every page,
 * remembered in a cookie), else the cookie, else the browser's Accept-Language, else German.
 */
@Component("localeContextResolver")
public class InterfaceLanguages implements LocaleContextResolver {

	/** The interface languages, in the switcher's order. */
	public static final List<String> CODES = List.of("de", "en", "ar", "fa", "uk", "ru", "tr");

	static final String COOKIE = "lang";

	/**
	 * The switcher's query parameter; not {@code lang}, which the search page and API use to filter listings
	 * by the languages their posters speak.
	 */
	public static final String PARAMETER = "ui";

	private static final List<Locale> LOCALES = CODES.stream().map(Locale::forLanguageTag).toList();

	/** Whether a language is written right to left. */
	public static boolean isRightToLeft(Locale locale) {
		return "ar".equals(locale.getLanguage()) || "fa".equals(locale.getLanguage());
	}

	@Override
	public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
		String chosen = exchange.getRequest().getQueryParams().getFirst(PARAMETER);
		if (chosen != null && CODES.contains(chosen)) {
			remember(exchange, chosen);
			return new SimpleLocaleContext(Locale.forLanguageTag(chosen));
		}
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
		if (cookie != null && CODES.contains(cookie.getValue())) {
			return new SimpleLocaleContext(Locale.forLanguageTag(cookie.getValue()));
		}
		try {
			List<Locale.LanguageRange> ranges = exchange.getRequest().getHeaders().getAcceptLanguage();
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
		if (locale != null && CODES.contains(locale.getLanguage())) {
			remember(exchange, locale.getLanguage());
		}
	}

	private static void remember(ServerWebExchange exchange, String code) {
		// Set, not added: the locale is resolved many times per request (every message of a page), one cookie is enough.
		exchange.getResponse()
			.getCookies()
			.set(COOKIE, ResponseCookie.from(COOKIE, code).path("/").maxAge(Duration.ofDays(365)).sameSite("Lax")
				.httpOnly(true).build());
	}

}
