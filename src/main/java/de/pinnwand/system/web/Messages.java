package de.pinnwand.system.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/** The interface's texts in the reader's language, from the message bundles. */
@Component
public class Messages {

	private final MessageSource source;

	Messages(MessageSource source) {
		this.source = source;
	}

	public String get(Locale locale, String key, Object... arguments) {
		try {
			return this.source.getMessage(key, arguments, locale);
		}
		catch (NoSuchMessageException ex) {
			return key;
		}
	}

	public String get(ServerWebExchange exchange, String key, Object... arguments) {
		return get(localeOf(exchange), key, arguments);
	}

	public static Locale localeOf(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return (locale != null) ? locale : Locale.GERMAN;
	}

}
