package de.pinnwand.search;

import java.util.List;

/**
 * What someone searches for. Built from untrusted input: every value is already bounded
 * and checked.
 *
 * @param text free text, at most {@link #MAX_TEXT} characters; empty for none
 * @param kinds OFFER and/or REQUEST; empty for both
 * @param topics topic codes; a listing matches when it has one of them
 * @param languages language codes; a listing matches when its poster speaks one of them
 * @param districts districts (Landkreis or kreisfreie Stadt, as the gazetteer names them)
 * @param when time slots that must all fit (weekday, weekend, morning, afternoon,
 * evening); listings with a flexible or no time frame fit any
 * @param near where to measure distance from; null for anywhere
 * @param radiusKm how far around {@code near}
 * @param sort relevance, distance or newest
 * @param page 1-based page number
 * @param size results per page
 * @param after where the previous page ended ({@link SearchCursor}); when set,
 * {@code page} is not used
 */
public record ListingQuery(String text, List<String> kinds, List<String> topics, List<String> languages,
		List<String> districts, List<String> when, Near near, int radiusKm, Sort sort, int page, int size,
		List<co.elastic.clients.elasticsearch._types.FieldValue> after) {

	public static final int MAX_TEXT = 200;

	/**
	 * Elasticsearch's default result window: deeper pages are answered empty, never with
	 * an error.
	 */
	public static final int MAX_WINDOW = 10_000;

	/** A resolved place to search around. */
	public record Near(String label, double lat, double lon) {
	}

	/** The orders a result list can have. */
	public enum Sort {

		RELEVANCE, DISTANCE, NEWEST

	}

	public int from() {
		return (this.after != null) ? 0 : (this.page - 1) * this.size;
	}

}
