package de.pinnwand.activities;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.data.r2dbc.convert.R2dbcConverter;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The activity's row lock and its waiting lists: whatever frees or adds places (a sign-up
 * withdrawn or removed, more places) takes the lock and moves the first waiting people up
 * in the same transaction.
 */
@Component
class Waitlist {

	private final DatabaseClient database;

	private final R2dbcConverter converter;

	Waitlist(DatabaseClient database, R2dbcEntityTemplate template) {
		this.database = database;
		this.converter = template.getConverter();
	}

	/**
	 * The activity's row, locked until the transaction ends: sign-ups for it queue up
	 * behind each other.
	 */
	Mono<Activity> locked(UUID id) {
		return this.database.sql("select * from activity where id = :id for update")
			.bind("id", id)
			.map((row, meta) -> this.converter.read(Activity.class, row, meta))
			.one()
			.switchIfEmpty(Mono.error(() -> new ActivityNotFound(id)));
	}

	/**
	 * Moves waiting people up on every date from {@code from} on, as far as there are
	 * places.
	 */
	Mono<Void> moveUp(Activity activity, LocalDate from, Instant now) {
		return waitingOccurrences(activity.id(), from).concatMap((occurrence) -> promote(activity, occurrence, now))
			.then();
	}

	/**
	 * Moves the first waiting people up into the places that are free; run while holding
	 * the activity's lock.
	 */
	Mono<Long> promote(Activity activity, LocalDate occurrence, Instant now) {
		return this.database
			.sql("update activity_signup set status = 'CONFIRMED', status_since = :now where id in ("
					+ "select id from activity_signup where activity_id = :activity and occurrence = :occurrence "
					+ "and status = 'WAITING' order by id limit greatest(:capacity - (select count(*) from "
					+ "activity_signup where activity_id = :activity and occurrence = :occurrence "
					+ "and status = 'CONFIRMED'), 0))")
			.bind("now", now)
			.bind("activity", activity.id())
			.bind("occurrence", occurrence)
			.bind("capacity", (activity.capacity() != null) ? activity.capacity() : Integer.MAX_VALUE)
			.fetch()
			.rowsUpdated();
	}

	private Flux<LocalDate> waitingOccurrences(UUID activityId, LocalDate from) {
		return this.database
			.sql("select distinct occurrence from activity_signup where activity_id = :activity "
					+ "and status = 'WAITING' and occurrence >= :from")
			.bind("activity", activityId)
			.bind("from", from)
			.map((row, meta) -> row.get("occurrence", LocalDate.class))
			.all();
	}

}
