package de.pinnwand.activities;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The single dates of activities that their organisers cancelled. */
@Repository
public class CancelledDates {

	private final DatabaseClient database;

	CancelledDates(DatabaseClient database) {
		this.database = database;
	}

	/** Emits whether the date was newly cancelled (false when it already was). */
	Mono<Boolean> add(UUID activityId, LocalDate date, UUID accountId, Instant now) {
		return this.database
			.sql("insert into activity_cancelled_date (activity_id, occurrence, cancelled_by, cancelled_at) "
					+ "values (:activity, :date, :account, :now) on conflict do nothing")
			.bind("activity", activityId)
			.bind("date", date)
			.bind("account", accountId)
			.bind("now", now)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	Mono<Boolean> contains(UUID activityId, LocalDate date) {
		return this.database
			.sql("select 1 from activity_cancelled_date where activity_id = :activity and occurrence = :date")
			.bind("activity", activityId)
			.bind("date", date)
			.fetch()
			.first()
			.hasElement();
	}

	/**
	 * The cancelled dates of each of the activities, earliest first; activities without
	 * any are left out.
	 */
	public Mono<Map<UUID, Set<LocalDate>>> of(Collection<UUID> activityIds) {
		if (activityIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database
			.sql("select activity_id, occurrence from activity_cancelled_date where activity_id = any(:ids)")
			.bind("ids", activityIds.toArray(UUID[]::new))
			.map((row, meta) -> Map.entry(row.get("activity_id", UUID.class), row.get("occurrence", LocalDate.class)))
			.all()
			.collect(HashMap::new, (map, entry) -> map.computeIfAbsent(entry.getKey(), (key) -> new TreeSet<>())
				.add(entry.getValue()));
	}

}
