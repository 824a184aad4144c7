package de.pinnwand.texts;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The interface's texts: a correction made in the app ({@link TextOverrides}) before the
 * message bundles. Primary, so every feature that asks for texts gets the corrected ones;
 * the bundles stay the bean {@code messageSource}.
 */
@Component
@Primary
class OverridingMessageSource implements MessageSource {

	private final MessageSource bundles;

	private final TextOverrides overrides;

	OverridingMessageSource(@Qualifier("messageSource") MessageSource bundles, TextOverrides overrides) {
		this.bundles = bundles;
		this.overrides = overrides;
	}

	@Override
	public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
		String corrected = corrected(code, args, locale);
		return (corrected != null) ? corrected : this.bundles.getMessage(code, args, defaultMessage, locale);
	}

	@Override
	public String getMessage(String code, Object[] args, Locale locale) throws NoSuchMessageException {
		String corrected = corrected(code, args, locale);
		return (corrected != null) ? corrected : this.bundles.getMessage(code, args, locale);
	}

	@Override
	public String getMessage(MessageSourceResolvable resolvable, Locale locale) throws NoSuchMessageException {
		String[] codes = resolvable.getCodes();
		if (codes != null) {
			for (String code : codes) {
				String corrected = corrected(code, resolvable.getArguments(), locale);
				if (corrected != null) {
					return corrected;
				}
			}
		}
		return this.bundles.getMessage(resolvable, locale);
	}

	/**
	 * As the bundles answer: the pattern itself without arguments (callers format it),
	 * else formatted.
	 */
	private String corrected(String code, Object[] args, Locale locale) {
		if (code == null || locale == null) {
			return null;
		}
		String text = this.overrides.find(locale, code);
		if (text == null || args == null || args.length == 0) {
			return text;
		}
		return new java.text.MessageFormat(text, locale).format(args);
	}

}
