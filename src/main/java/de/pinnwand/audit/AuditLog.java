package de.pinnwand.audit;

import java.time.Instant;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Records who did what, when and why. Entries are only ever added: the database itself
 * refuses updates and deletions, so no part of the app can rewrite history.
 */
@Service
public class AuditLog {

	private final DatabaseClient database;

	AuditLog(DatabaseClient database) {
		this.database = database;
	}

	/** One entry of the log. */
	public record Entry(long id, Instant at, UUID actorAccountId, String action, String subjectType, String subjectId,
			String details, String reason) {
	}

	/**
	 * Adds an entry; run it inside the transaction of the change it records, so both
	 * happen or neither.
	 * @param actorAccountId who acted; null for the system or the sign-in provider
	 */
	public Mono<Void> record(UUID actorAccountId, String action, String subjectType, String subjectId, String details,
			String reason) {
		return this.database
			.sql("insert into audit_log (actor_account_id, action, subject_type, subject_id, details, reason) "
					+ "values (:actor, :action, :type, :id, :details, :reason)")
			.bind("actor", nullable(actorAccountId, UUID.class))
			.bind("action", action)
			.bind("type", subjectType)
			.bind("id", subjectId)
			.bind("details", nullable(details, String.class))
			.bind("reason", nullable(reason, String.class))
			.then();
	}

	/**
	 * Adds an entry for one of a module's declared actions; see
	 * {@link #record(UUID, String, String, String, String, String)}.
	 */
	public Mono<Void> record(UUID actorAccountId, AuditAction action, String subjectType, String subjectId,
			String details, String reason) {
		return record(actorAccountId, action.code(), subjectType, subjectId, details, reason);
	}

	private static Object nullable(Object value, Class<?> type) {
		return (value != null) ? value : io.r2dbc.spi.Parameters.in(type);
	}

	/** The newest entries first, at most {@code limit}. */
	public Flux<Entry> newest(int limit) {
		return newest(0, limit);
	}

	/**
	 * The newest entries first, skipping the {@code offset} newest, at most
	 * {@code limit}.
	 */
	public Flux<Entry> newest(long offset, int limit) {
		return this.database.sql("select * from audit_log order by id desc limit :limit offset :offset")
			.bind("limit", limit)
			.bind("offset", offset)
			.map((row, meta) -> new Entry(row.get("id", Long.class), row.get("at", Instant.class),
					row.get("actor_account_id", UUID.class), row.get("action", String.class),
					row.get("subject_type", String.class), row.get("subject_id", String.class),
					row.get("details", String.class), row.get("reason", String.class)))
			.all();
	}

	/** The entries about one subject, oldest first. */
	public Flux<Entry> about(String subjectType, String subjectId) {
		return this.database.sql("select * from audit_log where subject_type = :type and subject_id = :id order by id")
			.bind("type", subjectType)
			.bind("id", subjectId)
			.map((row, meta) -> new Entry(row.get("id", Long.class), row.get("at", Instant.class),
					row.get("actor_account_id", UUID.class), row.get("action", String.class),
					row.get("subject_type", String.class), row.get("subject_id", String.class),
					row.get("details", String.class), row.get("reason", String.class)))
			.all();
	}

}
