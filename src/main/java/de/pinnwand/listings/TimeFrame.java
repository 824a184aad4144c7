package de.pinnwand.listings;

import de.pinnwand.system.FieldProblem;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When help is available: on one date, in a weekly slot ('Tuesdays 15–17'), or flexibly.
 * Stored in one column as {@code DATE:2026-12-01}, {@code WEEKLY:2},
 * {@code WEEKLY:2:15:00-17:00} or {@code FLEXIBLE}.
 *
 * @param date the day of a one-off time frame
 * @param weekday the day of a weekly slot
 * @param from start of the weekly slot; null for the whole day
 * @param to end of the weekly slot; null for the whole day
 */
public record TimeFrame(Type type, LocalDate date, DayOfWeek weekday, LocalTime from, LocalTime to) {

	/** The kinds of time frame. */
	public enum Type {

		DATE, WEEKLY, FLEXIBLE

	}

	public static TimeFrame flexible() {
		return new TimeFrame(Type.FLEXIBLE, null, null, null, null);
	}

	/**
	 * The coarse slots this time frame touches, for filtering: weekday or weekend, and
	 * morning (before 12), afternoon (12–17) or evening (from 17). A day without hours
	 * touches all three parts of the day.
	 */
	public List<String> slots() {
		if (this.type == Type.FLEXIBLE) {
			return List.of(ANY);
		}
		DayOfWeek day = (this.type == Type.DATE) ? this.date.getDayOfWeek() : this.weekday;
		List<String> slots = new ArrayList<>();
		slots.add((day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) ? "weekend" : "weekday");
		if (this.from == null) {
			slots.addAll(List.of("morning", "afternoon", "evening"));
		}
		else {
			if (this.from.isBefore(NOON)) {
				slots.add("morning");
			}
			if (this.from.isBefore(EVENING) && this.to.isAfter(NOON)) {
				slots.add("afternoon");
			}
			if (this.to.isAfter(EVENING)) {
				slots.add("evening");
			}
		}
		return slots;
	}

	/**
	 * The slot of listings whose time is flexible or not given: they fit any time filter.
	 */
	public static final String ANY = "any";

	/** The slots a search can filter by. */
	public static final List<String> SLOTS = List.of("weekday", "weekend", "morning", "afternoon", "evening");

	private static final LocalTime NOON = LocalTime.NOON;

	private static final LocalTime EVENING = LocalTime.of(17, 0);

	/** The slots of a stored time frame; {@link #ANY} for none. */
	public static List<String> slotsOf(String stored) {
		TimeFrame frame = parse(stored);
		return (frame != null) ? frame.slots() : List.of(ANY);
	}

	public String stored() {
		return switch (this.type) {
			case FLEXIBLE -> "FLEXIBLE";
			case DATE -> "DATE:" + this.date;
			case WEEKLY ->
				"WEEKLY:" + this.weekday.getValue() + ((this.from != null) ? ":" + this.from + "-" + this.to : "");
		};
	}

	/** Reads the stored form; null for none or anything unreadable. */
	public static TimeFrame parse(String stored) {
		if (stored == null || stored.isBlank()) {
			return null;
		}
		try {
			String[] parts = stored.split(":", 3);
			return switch (Type.valueOf(parts[0])) {
				case FLEXIBLE -> flexible();
				case DATE -> new TimeFrame(Type.DATE, LocalDate.parse(parts[1]), null, null, null);
				case WEEKLY -> {
					DayOfWeek day = DayOfWeek.of(Integer.parseInt(parts[1]));
					if (parts.length < 3) {
						yield new TimeFrame(Type.WEEKLY, null, day, null, null);
					}
					String[] times = parts[2].split("-");
					yield new TimeFrame(Type.WEEKLY, null, day, LocalTime.parse(times[0]), LocalTime.parse(times[1]));
				}
			};
		}
		catch (IllegalArgumentException | DateTimeParseException | ArrayIndexOutOfBoundsException ex) {
			return null;
		}
	}

	/**
	 * Builds a time frame from form or JSON fields, or says which field is wrong. An
	 * empty type means none.
	 * @param today dates before it are refused
	 */
	static Result of(String type, String date, String weekday, String from, String to, LocalDate today) {
		if (type == null || type.isBlank() || "NONE".equalsIgnoreCase(type.strip())) {
			return new Result(null, null);
		}
		Type kind;
		try {
			kind = Type.valueOf(type.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return new Result(null, new FieldProblem("timeFrame", "timeFrame.unknown"));
		}
		try {
			switch (kind) {
				case FLEXIBLE:
					return new Result(flexible(), null);
				case DATE:
					LocalDate day = LocalDate.parse(date == null ? "" : date.strip());
					if (day.isBefore(today)) {
						return new Result(null, new FieldProblem("timeFrameDate", "timeFrame.past"));
					}
					return new Result(new TimeFrame(Type.DATE, day, null, null, null), null);
				default:
					DayOfWeek dayOfWeek = DayOfWeek.of(Integer.parseInt(weekday == null ? "" : weekday.strip()));
					boolean hasHours = from != null && !from.isBlank();
					if (!hasHours) {
						return new Result(new TimeFrame(Type.WEEKLY, null, dayOfWeek, null, null), null);
					}
					LocalTime start = LocalTime.parse(from.strip());
					LocalTime end = LocalTime.parse(to == null ? "" : to.strip());
					if (!end.isAfter(start)) {
						return new Result(null, new FieldProblem("timeFrameTo", "timeFrame.hours"));
					}
					return new Result(new TimeFrame(Type.WEEKLY, null, dayOfWeek, start, end), null);
			}
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			String field = (kind == Type.DATE) ? "timeFrameDate" : "timeFrameWeekday";
			return new Result(null, new FieldProblem(field, "timeFrame.invalid"));
		}
		catch (java.time.DateTimeException ex) {
			return new Result(null, new FieldProblem("timeFrameWeekday", "timeFrame.invalid"));
		}
	}

	/** A time frame, or the problem with the input. */
	record Result(TimeFrame timeFrame, FieldProblem problem) {
	}

}
