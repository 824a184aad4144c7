package de.pinnwand.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The interface's texts in the reader's language, from the message bundles, formatted
 * with ICU so that plurals ({@code {0, plural, one {# Person} other {# Personen}}}) and
 * numbers follow each language's rules. Numbers are written in Latin digits in every
 * language, Arabic, Persian and Dari too: the dates and times on the pages (java.time)
 * are, and so are the postcodes, times, house and phone numbers people read on German
 * letters and signs and type into the forms; one digit system on a page, not two.
 */
@Component
public class Messages {

	/**
	 * Formats kept per thread at most; the bundles hold a few hundred patterns with
	 * arguments in all languages.
	 */
	private static final int FORMATS_PER_THREAD = 512;

	private final MessageSource source;

	/**
	 * Compiled formats, per thread: an ICU {@code MessageFormat} must not be shared
	 * between threads, and compiling one (with its plural rules and number formats) costs
	 * far more than formatting with it.
	 */
	private final ThreadLocal<Map<Format, MessageFormat>> formats = ThreadLocal
		.withInitial(() -> new LinkedHashMap<>(64, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<Format, MessageFormat> eldest) {
				return size() > FORMATS_PER_THREAD;
			}

		});

	Messages(MessageSource source) {
		this.source = source;
	}

	public String get(Locale locale, String key, Object... arguments) {
		String pattern;
		try {
			pattern = this.source.getMessage(key, null, locale);
		}
		catch (NoSuchMessageException ex) {
			return key;
		}
		if (arguments == null || arguments.length == 0) {
			return pattern;
		}
		return this.formats.get()
			.computeIfAbsent(new Format(locale, pattern), (format) -> new MessageFormat(pattern, latinDigits(locale)))
			.format(arguments);
	}

	private record Format(Locale locale, String pattern) {
	}

	/**
	 * A number outside a message (a facet's count, a distance), in the same Latin digits
	 * and with the reader's separators: {@code java.text.NumberFormat} would write
	 * Arabic-Indic digits for ar, fa and fa-AF.
	 */
	public String number(Locale locale, Number number, int maximumFractionDigits) {
		NumberFormat format = NumberFormat.getNumberInstance(latinDigits(locale));
		format.setMaximumFractionDigits(maximumFractionDigits);
		return format.format(number);
	}

	private static ULocale latinDigits(Locale locale) {
		return ULocale.forLocale(locale).setKeywordValue("numbers", "latn");
	}

	public String get(ServerWebExchange exchange, String key, Object... arguments) {
		return get(localeOf(exchange), key, arguments);
	}

	public static Locale localeOf(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return (locale != null) ? locale : Locale.GERMAN;
	}

}
