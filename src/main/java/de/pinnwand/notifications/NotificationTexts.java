package de.pinnwand.notifications;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;

import de.pinnwand.moderation.DecisionTexts;
import de.pinnwand.web.Messages;
import org.springframework.stereotype.Component;

/**
 * A notice's text in the reader's language, rendered from its kind and parameters when it
 * is read or mailed.
 */
@Component
public class NotificationTexts {

	private final Messages messages;

	private final DecisionTexts reasons;

	NotificationTexts(Messages messages, DecisionTexts reasons) {
		this.messages = messages;
		this.reasons = reasons;
	}

	/**
	 * The notice as one line, e.g. 'New message about "Fahrrad"', '3 new messages about
	 * "Fahrrad"' or 'New: "Fahrrad" fits your listing "Fahrrad gesucht" and 1 more'.
	 * Arguments: {0} title, {1} detail, {2} the member's own item, {3} how many events,
	 * {4} how many beyond the first.
	 */
	public String line(Notification notification, Locale locale) {
		String title = (notification.title() != null) ? notification.title() : "";
		return this.messages.get(locale, key(notification), title, detail(notification, locale),
				(notification.aboutTitle() != null) ? notification.aboutTitle() : "", notification.count(),
				notification.count() - 1);
	}

	/**
	 * A kind's text, or its variant that names the member's own item or counts several
	 * events.
	 */
	static String key(Notification notification) {
		String key = "notifications.kind." + notification.kind().name();
		if (notification.kind() == NotificationKind.NEW_MATCH && notification.aboutTitle() != null) {
			return key + ((notification.count() > 1) ? ".about-more" : ".about");
		}
		if (notification.kind() == NotificationKind.NEW_MESSAGE && notification.count() > 1) {
			return key + ".many";
		}
		return key;
	}

	private String detail(Notification notification, Locale locale) {
		String detail = notification.detail();
		if (detail == null) {
			return "";
		}
		return switch (notification.kind()) {
			case MODERATION_DECISION -> decision(detail, locale);
			case ACTIVITY_REMINDER, LISTING_EXPIRING -> date(detail, locale);
			default -> detail;
		};
	}

	/**
	 * 'CLOSE' or, with the reason's code, 'CLOSE:spam': the decision's word and the
	 * reason's text.
	 */
	private String decision(String detail, Locale locale) {
		int colon = detail.indexOf(':');
		String word = this.messages.get(locale,
				"notifications.decision." + ((colon < 0) ? detail : detail.substring(0, colon)));
		return (colon < 0) ? word : word + " (" + this.reasons.reason(detail.substring(colon + 1), locale) + ")";
	}

	/** A date in the reader's way of writing dates. */
	public static String date(String isoDate, Locale locale) {
		try {
			return LocalDate.parse(isoDate)
				.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
		}
		catch (DateTimeParseException ex) {
			return isoDate;
		}
	}

	/** The language a member reads mails in: their interface language, else German. */
	public static Locale localeOf(String interfaceLanguage) {
		return (interfaceLanguage != null && !interfaceLanguage.isBlank()) ? Locale.forLanguageTag(interfaceLanguage)
				: Locale.GERMAN;
	}

	public String get(Locale locale, String key, Object... arguments) {
		return this.messages.get(locale, key, arguments);
	}

}
