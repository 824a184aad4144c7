package de.pinnwand.activities;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import de.pinnwand.places.Gazetteer;
import de.pinnwand.places.Place;
import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.Languages;
import org.springframework.stereotype.Component;

/**
 * What an activity must be to go on the board; every problem is reported at once, by
 * field.
 */
@Component
class ActivityRules {

	static final int MAX_TITLE = 120;

	static final int MIN_TITLE = 3;

	static final int MAX_DESCRIPTION = 4000;

	static final int MAX_CAPACITY = 500;

	static final int MAX_VENUE = 160;

	/**
	 * A weekly activity is planned for at most this long at once; it can be extended
	 * later.
	 */
	static final int MAX_WEEKS = 106;

	private final Gazetteer gazetteer;

	ActivityRules(Gazetteer gazetteer) {
		this.gazetteer = gazetteer;
	}

	/** A draft that passed the rules. */
	record Checked(String title, String description, List<String> languages, Place place, Instant startsAt,
			Instant endsAt, Recurrence recurrence, LocalDate repeatUntil, Integer capacity, String venue) {
	}

	/**
	 * @param existing the activity being changed, or null for a new one; a changed start
	 * must lie ahead, an unchanged one may have passed (a weekly café that started last
	 * month)
	 */
	Checked check(ActivityDraft draft, Instant now, Activity existing) {
		List<FieldProblem> problems = new ArrayList<>();
		String title = strip(draft.title());
		if (title.isEmpty()) {
			problems.add(new FieldProblem("title", "title.missing"));
		}
		else if (title.length() < MIN_TITLE) {
			problems.add(new FieldProblem("title", "text.too-short", MIN_TITLE));
		}
		else if (title.length() > MAX_TITLE) {
			problems.add(new FieldProblem("title", "text.too-long", MAX_TITLE));
		}
		String description = strip(draft.description());
		if (description.length() > MAX_DESCRIPTION) {
			problems.add(new FieldProblem("description", "text.too-long", MAX_DESCRIPTION));
		}
		List<String> languages = draft.languages()
			.stream()
			.filter((code) -> code != null && !code.isBlank())
			.map(String::strip)
			.distinct()
			.toList();
		if (languages.isEmpty()) {
			problems.add(new FieldProblem("languages", "languages.missing"));
		}
		else if (languages.size() > 12 || languages.stream().anyMatch((code) -> !Languages.isKnown(code))) {
			problems.add(new FieldProblem("languages", "languages.unknown"));
		}
		Place place = null;
		String placeInput = strip(draft.place());
		if (placeInput.isEmpty()) {
			problems.add(new FieldProblem("place", "place.missing"));
		}
		else {
			Optional<Place> found = (placeInput.length() <= 80) ? this.gazetteer.resolve(placeInput) : Optional.empty();
			if (found.isEmpty()) {
				problems.add(new FieldProblem("place", "place.unknown"));
			}
			else {
				place = found.get();
			}
		}
		LocalDate date = ActivityIds.date(draft.date());
		if (date == null) {
			problems.add(new FieldProblem("date", "activity.date.invalid"));
		}
		LocalTime start = time(draft.startTime());
		if (start == null) {
			problems.add(new FieldProblem("startTime", "activity.time.invalid"));
		}
		LocalTime end = time(draft.endTime());
		if (end == null) {
			problems.add(new FieldProblem("endTime", "activity.time.invalid"));
		}
		Instant startsAt = null;
		Instant endsAt = null;
		if (date != null && start != null && end != null) {
			startsAt = LocalDateTime.of(date, start).atZone(Activity.ZONE).toInstant();
			endsAt = LocalDateTime.of(date, end).atZone(Activity.ZONE).toInstant();
			if (!endsAt.isAfter(startsAt)) {
				problems.add(new FieldProblem("endTime", "activity.end-before-start"));
			}
			boolean unchanged = existing != null && existing.startsAt().equals(startsAt);
			if (!unchanged && !startsAt.isAfter(now)) {
				problems.add(new FieldProblem("date", "activity.date.past"));
			}
		}
		Recurrence recurrence = recurrence(draft.recurrence());
		LocalDate repeatUntil = null;
		if (recurrence == null) {
			problems.add(new FieldProblem("recurrence", "choice.unknown"));
		}
		else if (recurrence == Recurrence.WEEKLY) {
			repeatUntil = ActivityIds.date(draft.repeatUntil());
			if (repeatUntil == null) {
				problems.add(new FieldProblem("repeatUntil", "activity.date.invalid"));
			}
			else if (date != null && repeatUntil.isBefore(date)) {
				problems.add(new FieldProblem("repeatUntil", "activity.repeat-until.before-start"));
			}
			else if (date != null && repeatUntil.isAfter(date.plusWeeks(MAX_WEEKS))) {
				problems.add(new FieldProblem("repeatUntil", "activity.repeat-until.too-far", MAX_WEEKS / 52));
			}
		}
		Integer capacity = draft.capacity();
		if (capacity != null && (capacity < 1 || capacity > MAX_CAPACITY)) {
			problems.add(new FieldProblem("capacity", "capacity.range", 1, MAX_CAPACITY));
		}
		String venue = strip(draft.venue());
		if (venue.length() > MAX_VENUE) {
			problems.add(new FieldProblem("venue", "text.too-long", MAX_VENUE));
		}
		if (!problems.isEmpty()) {
			throw new InvalidActivity(problems);
		}
		return new Checked(title, description, languages, place, startsAt, endsAt, recurrence, repeatUntil, capacity,
				venue.isEmpty() ? null : venue);
	}

	private static Recurrence recurrence(String value) {
		if (value == null || value.isBlank()) {
			return Recurrence.NONE;
		}
		try {
			return Recurrence.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static LocalTime time(String value) {
		if (value == null || value.isBlank() || value.strip().length() > 8) {
			return null;
		}
		try {
			return LocalTime.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String strip(String value) {
		return (value != null) ? value.strip() : "";
	}

}
