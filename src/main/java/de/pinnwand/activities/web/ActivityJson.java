package de.pinnwand.activities.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.activities.Activity;
import de.pinnwand.activities.OccurrenceCount;

/**
 * An activity as the API shows it: local date and times in Europe/Berlin as the
 * organisation entered them, the first occurrence as instants, and the next occurrences
 * with free places.
 */
record ActivityJson(UUID id, UUID organisation, String status, String title, String description, List<String> languages,
		PlaceJson place, LocalDate date, LocalTime startTime, LocalTime endTime, Instant startsAt, Instant endsAt,
		String recurrence, LocalDate repeatUntil, Integer capacity, List<OccurrenceJson> nextOccurrences, Long version,
		Boolean hidden) {

	/**
	 * Marks it as hidden from the public (waiting for review, or taken down after
	 * reports); absent otherwise.
	 */
	ActivityJson asHidden() {
		return new ActivityJson(this.id, this.organisation, this.status, this.title, this.description, this.languages,
				this.place, this.date, this.startTime, this.endTime, this.startsAt, this.endsAt, this.recurrence,
				this.repeatUntil, this.capacity, this.nextOccurrences, this.version, true);
	}

	/**
	 * The public meeting place, as a postcode centroid, and where exactly people meet (or
	 * null).
	 */
	record PlaceJson(String name, String postcode, String district, double lat, double lon, String venue) {
	}

	/**
	 * @param free places left; null for no limit
	 */
	record OccurrenceJson(LocalDate date, Instant startsAt, Instant endsAt, int confirmed, int waiting, Integer free) {
	}

	static ActivityJson of(Activity activity, List<LocalDate> next, Map<LocalDate, OccurrenceCount> counts) {
		return new ActivityJson(activity.id(), activity.organisationId(), activity.status().name(), activity.title(),
				activity.description(), activity.languages(),
				new PlaceJson(activity.placeName(), activity.postcode(), activity.district(), activity.latitude(),
						activity.longitude(), activity.venue()),
				activity.firstDate(), activity.startTime(), activity.endTime(), activity.startsAt(), activity.endsAt(),
				activity.recurrence().name(), activity.repeatUntil(), activity.capacity(), next.stream().map((date) -> {
					OccurrenceCount count = counts.getOrDefault(date, new OccurrenceCount(date, 0, 0));
					return new OccurrenceJson(date, activity.startOf(date).toInstant(),
							activity.endOf(date).toInstant(), count.confirmed(), count.waiting(),
							(activity.capacity() != null) ? Math.max(activity.capacity() - count.confirmed(), 0)
									: null);
				}).toList(), activity.version(), null);
	}

}
