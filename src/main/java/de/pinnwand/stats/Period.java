package de.pinnwand.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import de.pinnwand.system.PortalZone;

/**
 * What the figures cover: whole days from {@code from} to {@code to} (both included) in
 * the county's time zone, in one district or everywhere.
 *
 * @param district a district as the gazetteer names it (e.g. "Landkreis Ludwigsburg"), or
 * null for all
 */
public record Period(LocalDate from, LocalDate to, String district) {

	static final ZoneId ZONE = PortalZone.ZONE;

	/**
	 * Longer periods are not what a council paper needs, and would only make the queries
	 * slow.
	 */
	static final int MAX_DAYS = 3 * 366;

	public Instant start() {
		return this.from.atStartOfDay(ZONE).toInstant();
	}

	/** The first instant after the period. */
	public Instant end() {
		return this.to.plusDays(1).atStartOfDay(ZONE).toInstant();
	}

	/** The last calendar month, what a monthly council paper reports. */
	public static Period lastMonth(Clock clock) {
		LocalDate firstOfThisMonth = LocalDate.now(clock.withZone(ZONE)).withDayOfMonth(1);
		return new Period(firstOfThisMonth.minusMonths(1), firstOfThisMonth.minusDays(1), null);
	}

	/**
	 * The period the request asks for; a missing date falls back to last month's. Fails
	 * with {@link InvalidPeriod} naming the message to show.
	 */
	public static Period parse(String from, String to, String district, Clock clock) {
		Period fallback = lastMonth(clock);
		LocalDate start = date(from, fallback.from());
		LocalDate end = date(to, fallback.to());
		if (end.isBefore(start)) {
			throw new InvalidPeriod("stats.period.reversed");
		}
		if (start.plusDays(MAX_DAYS).isBefore(end)) {
			throw new InvalidPeriod("stats.period.too-long");
		}
		String place = (district == null || district.isBlank()) ? null : district.strip();
		if (place != null && place.length() > 120) {
			throw new InvalidPeriod("stats.period.district-unknown");
		}
		return new Period(start, end, place);
	}

	private static LocalDate date(String value, LocalDate fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			LocalDate date = LocalDate.parse(value.strip());
			if (date.getYear() < 2000 || date.getYear() > 2999) {
				throw new InvalidPeriod("stats.period.invalid-date");
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			throw new InvalidPeriod("stats.period.invalid-date");
		}
	}

}
