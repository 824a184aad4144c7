package de.pinnwand.stats;

import java.util.List;

/**
 * The council figures of one period, as exact counts. They are never shown as they are:
 * {@link Suppression} hides the small ones wherever they leave the app.
 *
 * @param byTopic offers and requests per top-level topic (a listing with two topics
 * counts in both)
 * @param byLanguage offers and requests per language they can be handled in
 * @param byDistrict offers and requests per district
 * @param requests all requests posted in the period
 * @param matchedRequests requests that got at least one match notice (in either
 * direction)
 * @param fulfilledRequests requests their poster marked as fulfilled
 * @param unmetByDistrict published or expired requests without any match, per district
 * @param unmetByLanguage the same, per language
 * @param activeOrganisations organisations with a listing posted or an activity held in
 * the period
 * @param volunteerGroups of those, the volunteer groups (Arbeitskreise)
 * @param volunteers distinct members who posted an offer
 * @param confirmedSignups activity sign-ups with a place, for occurrences in the period
 * @param waitingSignups activity sign-ups on a waiting list, for occurrences in the
 * period
 * @param moderation moderation actions from the audit log, per action (for the whole
 * portal: the log knows no districts)
 * @param reportsByType reports filed by readers in the period, per type of item (listing,
 * organisation, activity); in a district only listings and activities there
 * @param decisionsByKind coordinators' decisions in the period, per kind
 * ({@code moderation.approve}, ...)
 * @param answeredRequests requests of the period that someone answered (a conversation
 * began)
 * @param medianHoursToFirstAnswer the median time from posting such a request to its
 * first answer; null for none
 * @param firstDecisions listings whose first decision fell in the period
 * @param medianHoursToDecision the median time from a listing's submission to its first
 * decision, of those; null for none
 */
public record Report(Period period, List<KindCount> byTopic, List<KindCount> byLanguage, List<KindCount> byDistrict,
		long requests, long matchedRequests, long fulfilledRequests, List<Count> unmetByDistrict,
		List<Count> unmetByLanguage, long activeOrganisations, long volunteerGroups, long volunteers,
		long confirmedSignups, long waitingSignups, List<Count> moderation, List<Count> reportsByType,
		List<Count> decisionsByKind, long firstDecisions, Double medianHoursToDecision, long answeredRequests,
		Double medianHoursToFirstAnswer) {

	/** All reports filed. */
	public long reports() {
		return this.reportsByType.stream().mapToLong(Count::count).sum();
	}

	/** All decisions taken. */
	public long decisions() {
		return this.decisionsByKind.stream().mapToLong(Count::count).sum();
	}

	/** Offers and requests of one category. */
	public record KindCount(String category, long offers, long requests) {
	}

	/** One count of one category. */
	public record Count(String category, long count) {
	}

}
