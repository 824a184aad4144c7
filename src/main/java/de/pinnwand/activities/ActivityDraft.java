package de.pinnwand.activities;

import java.util.List;

/**
 * An activity as a form or an API client sends it, before any checks: dates and times as
 * typed, in Europe/Berlin.
 *
 * @param place a postcode or a place name (a public meeting place the organisation
 * chooses)
 * @param date the day of the first (or only) occurrence, {@code 2026-12-03}
 * @param startTime {@code 15:00}
 * @param endTime {@code 17:00}; an end at or before the start is refused
 * @param recurrence {@code NONE} or {@code WEEKLY}
 * @param repeatUntil for weekly ones, the last day it may take place
 * @param capacity places per occurrence; null for no limit
 * @param venue where exactly people meet (a public meeting place, optional)
 */
public record ActivityDraft(String title, String description, List<String> languages, String place, String date,
		String startTime, String endTime, String recurrence, String repeatUntil, Integer capacity, String venue) {

	public ActivityDraft {
		languages = (languages != null) ? List.copyOf(languages) : List.of();
	}

	/** A draft without a venue. */
	public ActivityDraft(String title, String description, List<String> languages, String place, String date,
			String startTime, String endTime, String recurrence, String repeatUntil, Integer capacity) {
		this(title, description, languages, place, date, startTime, endTime, recurrence, repeatUntil, capacity, null);
	}

	/** The draft an existing activity would be sent as. */
	public static ActivityDraft of(Activity activity) {
		return new ActivityDraft(activity.title(), activity.description(), activity.languages(), activity.postcode(),
				activity.firstDate().toString(), activity.startTime().toString(), activity.endTime().toString(),
				activity.recurrence().name(),
				(activity.repeatUntil() != null) ? activity.repeatUntil().toString() : null, activity.capacity(),
				activity.venue());
	}

}
