package de.pinnwand.legal.web;

import java.time.Duration;
import java.util.Locale;

import de.pinnwand.web.Messages;

/**
 * A setting's duration in words of the reader's language, in the largest whole unit: "180
 * Tage", "8 Stunden".
 */
final class Durations {

	private Durations() {
	}

	static String inWords(Messages messages, Locale locale, Duration duration) {
		if (duration.toDays() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
			return messages.get(locale, "legal.duration.days", duration.toDays());
		}
		if (duration.toHours() > 0 && duration.equals(Duration.ofHours(duration.toHours()))) {
			return messages.get(locale, "legal.duration.hours", duration.toHours());
		}
		return messages.get(locale, "legal.duration.minutes", Math.max(1, duration.toMinutes()));
	}

}
