package de.pinnwand.listings;

import java.util.List;
import java.util.UUID;

/**
 * What someone typed to post a listing, before it is checked. Any field may be missing or
 * wrong.
 *
 * @param place a postcode or a place name from the gazetteer
 * @param reachKm how far the poster can go or the help reaches; null for the default
 * @param submissionKey the poster's random private key: a double-clicked submit with the
 * same key stores one listing, and the key lets the poster manage it
 * @param timeFrameType DATE, WEEKLY, FLEXIBLE, or empty for none
 * @param timeFrameDate the date of a DATE time frame (yyyy-MM-dd)
 * @param timeFrameWeekday the day of a WEEKLY time frame, 1 (Monday) to 7
 * @param timeFrameFrom optional start of a WEEKLY slot (HH:mm)
 * @param timeFrameTo optional end of a WEEKLY slot (HH:mm)
 * @param capacity for how many people; null for not said
 * @param languageNeed SHARED, ANY or INTERPRETER (requests only); empty for SHARED
 */
public record ListingDraft(String kind, String title, String description, List<String> topics, List<String> languages,
		String textLanguage, String place, Integer reachKm, UUID submissionKey, String timeFrameType,
		String timeFrameDate, String timeFrameWeekday, String timeFrameFrom, String timeFrameTo, Integer capacity,
		String languageNeed) {

	/** A draft that needs a shared language, as every offer and most requests do. */
	public ListingDraft(String kind, String title, String description, List<String> topics, List<String> languages,
			String textLanguage, String place, Integer reachKm, UUID submissionKey, String timeFrameType,
			String timeFrameDate, String timeFrameWeekday, String timeFrameFrom, String timeFrameTo, Integer capacity) {
		this(kind, title, description, topics, languages, textLanguage, place, reachKm, submissionKey, timeFrameType,
				timeFrameDate, timeFrameWeekday, timeFrameFrom, timeFrameTo, capacity, null);
	}

	/** A draft without time frame and capacity. */
	public ListingDraft(String kind, String title, String description, List<String> topics, List<String> languages,
			String textLanguage, String place, Integer reachKm, UUID submissionKey) {
		this(kind, title, description, topics, languages, textLanguage, place, reachKm, submissionKey, null, null, null,
				null, null, null, null);
	}

}
