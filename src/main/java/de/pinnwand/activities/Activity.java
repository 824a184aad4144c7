package de.pinnwand.activities;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.pinnwand.system.PortalZone;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Something an organisation or volunteer group invites people to, once or every week.
 * Times are kept as instants and read in {@link #ZONE}: a weekly café at 15:00 stays at
 * 15:00 local time across daylight saving changes.
 *
 * @param startsAt start of the first (or only) occurrence
 * @param endsAt end of the first (or only) occurrence
 * @param repeatUntil the last day a weekly activity may take place; null for a single one
 * @param capacity places per occurrence; null for no limit
 * @param createdBy the member who put it on the board
 * @param venue where exactly people meet, a public meeting place in the organisers'
 * words; null for none
 */
@Table("activity")
public record Activity(@Id UUID id, UUID organisationId, String title, String description, List<String> languages,
		String postcode, String placeName, String district, double latitude, double longitude, Instant startsAt,
		Instant endsAt, Recurrence recurrence, LocalDate repeatUntil, Integer capacity, ActivityStatus status,
		UUID createdBy, Instant createdAt, Instant updatedAt, @Version Long version, String venue) {

	/** Where activities take place, and the zone their local times are in. */
	public static final ZoneId ZONE = PortalZone.ZONE;

	public LocalDate firstDate() {
		return this.startsAt.atZone(ZONE).toLocalDate();
	}

	public LocalTime startTime() {
		return this.startsAt.atZone(ZONE).toLocalTime();
	}

	public LocalTime endTime() {
		return this.endsAt.atZone(ZONE).toLocalTime();
	}

	/** The day of the last occurrence. */
	public LocalDate lastDate() {
		if (this.recurrence != Recurrence.WEEKLY) {
			return firstDate();
		}
		long weeks = ChronoUnit.WEEKS.between(firstDate(), this.repeatUntil);
		return firstDate().plusWeeks(Math.max(weeks, 0));
	}

	public boolean occursOn(LocalDate date) {
		if (date == null || date.isBefore(firstDate()) || date.isAfter(lastDate())) {
			return false;
		}
		return this.recurrence != Recurrence.WEEKLY || ChronoUnit.DAYS.between(firstDate(), date) % 7 == 0;
	}

	/** When the occurrence on {@code date} starts, in local time. */
	public ZonedDateTime startOf(LocalDate date) {
		return LocalDateTime.of(date, startTime()).atZone(ZONE);
	}

	/**
	 * When the occurrence on {@code date} ends; the same local length as the first one.
	 */
	public ZonedDateTime endOf(LocalDate date) {
		long days = ChronoUnit.DAYS.between(firstDate(), this.endsAt.atZone(ZONE).toLocalDate());
		return LocalDateTime.of(date.plusDays(days), endTime()).atZone(ZONE);
	}

	public boolean isCancelled() {
		return this.status == ActivityStatus.CANCELLED;
	}

	/**
	 * Up to {@code limit} occurrences that have not ended at {@code now}, earliest first.
	 */
	public List<LocalDate> occurrencesAfter(Instant now, int limit) {
		List<LocalDate> dates = new ArrayList<>();
		LocalDate today = now.atZone(ZONE).toLocalDate();
		LocalDate date = firstDate();
		if (this.recurrence == Recurrence.WEEKLY && date.isBefore(today.minusDays(7))) {
			date = date.plusWeeks(ChronoUnit.WEEKS.between(date, today.minusDays(7)));
		}
		LocalDate last = lastDate();
		while (!date.isAfter(last) && dates.size() < limit) {
			if (endOf(date).toInstant().isAfter(now)) {
				dates.add(date);
			}
			if (this.recurrence != Recurrence.WEEKLY) {
				break;
			}
			date = date.plusWeeks(1);
		}
		return dates;
	}

	Activity withStatus(ActivityStatus status, Instant now) {
		return new Activity(this.id, this.organisationId, this.title, this.description, this.languages, this.postcode,
				this.placeName, this.district, this.latitude, this.longitude, this.startsAt, this.endsAt,
				this.recurrence, this.repeatUntil, this.capacity, status, this.createdBy, this.createdAt, now,
				this.version, this.venue);
	}

}
