package de.pinnwand.activities.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import de.pinnwand.activities.Activity;
import de.pinnwand.activities.ActivityFilter;
import de.pinnwand.activities.ActivityIds;
import de.pinnwand.activities.ActivityService;
import de.pinnwand.activities.ActivitySignups;
import de.pinnwand.activities.CancelledDates;
import de.pinnwand.activities.OccurrenceCount;
import de.pinnwand.places.Gazetteer;
import de.pinnwand.places.Place;
import de.pinnwand.system.Languages;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

/**
 * The filters of the activities page, its calendar feed and the API, read the same way
 * everywhere: {@code organisation}, {@code lang}, {@code q}, {@code near} and
 * {@code radiusKm}. Unknown values are dropped; only a place that cannot be found is
 * reported.
 */
@Component
class ActivityListing {

	static final int DEFAULT_RADIUS_KM = 25;

	/** Occurrences shown per activity on lists. */
	static final int OCCURRENCES = 6;

	private final ActivityService activities;

	private final ActivitySignups signups;

	private final CancelledDates cancelledDates;

	private final Gazetteer gazetteer;

	private final Clock clock;

	ActivityListing(ActivityService activities, ActivitySignups signups, CancelledDates cancelledDates,
			Gazetteer gazetteer, Clock clock) {
		this.activities = activities;
		this.signups = signups;
		this.cancelledDates = cancelledDates;
		this.gazetteer = gazetteer;
		this.clock = clock;
	}

	/** The filter, and whether a place was asked for that is not known. */
	record Parsed(ActivityFilter filter, boolean unknownPlace, String text, String language, String near, int radiusKm,
			String organisation) {
	}

	Parsed parse(MultiValueMap<String, String> params) {
		UUID organisation = ActivityIds.parse(params.getFirst("organisation"));
		String text = Optional.ofNullable(params.getFirst("q")).map(String::strip).orElse("");
		if (text.length() > 100) {
			text = text.substring(0, 100);
		}
		String language = Optional.ofNullable(params.getFirst("lang"))
			.map(String::strip)
			.filter(Languages::isKnown)
			.orElse(null);
		String nearInput = Optional.ofNullable(params.getFirst("near")).map(String::strip).orElse("");
		Place near = null;
		boolean unknownPlace = false;
		if (!nearInput.isEmpty()) {
			near = (nearInput.length() <= 80) ? this.gazetteer.resolve(nearInput).orElse(null) : null;
			unknownPlace = near == null;
		}
		int radius = DEFAULT_RADIUS_KM;
		try {
			String value = params.getFirst("radiusKm");
			if (value != null && !value.isBlank() && value.strip().length() < 6) {
				radius = Math.max(1, Math.min(500, Integer.parseInt(value.strip())));
			}
		}
		catch (NumberFormatException ex) {
			// the default radius
		}
		return new Parsed(new ActivityFilter(organisation, text, language, near, radius), unknownPlace, text, language,
				nearInput, radius, (organisation != null) ? organisation.toString() : null);
	}

	/** One occurrence of an activity in a list, with its counts. */
	record Occurrence(Activity activity, LocalDate date, OccurrenceCount count) {

		Integer free() {
			return (this.activity.capacity() != null) ? Math.max(this.activity.capacity() - this.count.confirmed(), 0)
					: null;
		}

	}

	/**
	 * Upcoming activities with their next occurrences' counts and their cancelled dates.
	 */
	record Found(List<Activity> activities, Map<UUID, Map<LocalDate, OccurrenceCount>> counts,
			Map<UUID, Set<LocalDate>> cancelled) {

		/**
		 * The next dates that take place: a cancelled one leaves the lists (its page
		 * still says so).
		 */
		List<LocalDate> next(Activity activity, java.time.Instant now) {
			Set<LocalDate> off = cancelled(activity);
			return activity.occurrencesAfter(now, OCCURRENCES + off.size())
				.stream()
				.filter((date) -> !off.contains(date))
				.limit(OCCURRENCES)
				.toList();
		}

		Set<LocalDate> cancelled(Activity activity) {
			return this.cancelled.getOrDefault(activity.id(), Set.of());
		}

		OccurrenceCount count(Activity activity, LocalDate date) {
			return this.counts.getOrDefault(activity.id(), Map.of())
				.getOrDefault(date, new OccurrenceCount(date, 0, 0));
		}

	}

	Mono<Found> find(ActivityFilter filter) {
		LocalDate today = LocalDate.now(this.clock.withZone(Activity.ZONE));
		return this.activities.upcoming(filter).collectList().flatMap((found) -> {
			List<UUID> ids = found.stream().map(Activity::id).toList();
			return Mono.zip(this.signups.counts(ids, today), this.cancelledDates.of(ids))
				.map((both) -> new Found(found, both.getT1(), both.getT2()));
		});
	}

	static String lower(String value) {
		return value.toLowerCase(Locale.ROOT);
	}

}
