package de.pinnwand.activities.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import de.pinnwand.activities.Activity;
import de.pinnwand.activities.OccurrenceCount;
import de.pinnwand.activities.Signup;
import de.pinnwand.web.Messages;

/**
 * Dates, times and places of activities in the reader's language, always in Europe/Berlin
 * time.
 */
final class ActivityTexts {

	private ActivityTexts() {
	}

	/** E.g. 'Donnerstag, 3. Dezember 2026, 15:00–17:00'. */
	static String when(Activity activity, LocalDate date, Locale locale) {
		DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
		DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
		return day.format(date) + ", " + time.format(activity.startOf(date)) + "–" + time.format(activity.endOf(date));
	}

	/** E.g. 'every Thursday, 15:00–17:00, until 25 March 2027', or the single date. */
	static String schedule(Activity activity, Messages messages, Locale locale) {
		if (activity.repeatUntil() == null) {
			return when(activity, activity.firstDate(), locale);
		}
		DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
		String weekday = activity.firstDate().getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, locale);
		return messages.get(locale, "activity.weekly", weekday,
				time.format(activity.startOf(activity.firstDate())) + "–"
						+ time.format(activity.endOf(activity.firstDate())),
				DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(activity.firstDate()),
				DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(activity.lastDate()));
	}

	/**
	 * Where it is: the venue, if the organisers gave one, then the postcode and its
	 * place.
	 */
	static String place(Activity activity) {
		String place = activity.postcode() + " " + activity.placeName();
		return (activity.venue() != null && !activity.venue().isBlank()) ? activity.venue() + ", " + place : place;
	}

	/** Free places, a full occurrence's waiting list, or no limit. */
	static String availability(Activity activity, OccurrenceCount count, Messages messages, Locale locale) {
		if (activity.capacity() == null) {
			return messages.get(locale, "activity.places.unlimited");
		}
		int free = activity.capacity() - count.confirmed();
		if (free > 0) {
			return messages.get(locale, "activity.places.free", free);
		}
		return messages.get(locale, "activity.places.waiting-list", count.waiting());
	}

	static String status(Signup signup, Messages messages, Locale locale) {
		return signup.isConfirmed() ? messages.get(locale, "activity.my.confirmed")
				: messages.get(locale, "activity.my.waiting", signup.position());
	}

}
