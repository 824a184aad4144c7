package de.pinnwand.system.web;

import java.util.Locale;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The interface's texts in the reader's language, from the message bundles, formatted with ICU so that
 * plurals ({@code {0, plural, one {# Person} other {# Personen}}}) and numbers follow each language's rules.
 */
@Component
public class Messages {

	private final MessageSource source;

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
		return new MessageFormat(pattern, ULocale.forLocale(locale)).format(arguments);
	}

	public String get(ServerWebExchange exchange, String key, Object... arguments) {
		return get(localeOf(exchange), key, arguments);
	}

	public static Locale localeOf(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return (locale != null) ? locale : Locale.GERMAN;
	}

}
