package de.pinnwand.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.system.PortalZone;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * The audit log as an admin searches it: with the actor's pseudonym and the name or title
 * of the item next to the ids, filtered by actor, action and days. The names are looked
 * up when the log is read, not stored in it: a renamed item shows its name of today, and
 * a deleted account or item leaves only its id.
 */
@Repository
public class AuditSearch {

	private static final String NAMED = "select l.*, a.display_name as actor_name, case l.subject_type "
			+ "when 'listing' then li.title when 'organisation' then o.name when 'activity' then ac.title "
			+ "when 'account' then sa.display_name end as subject_name from audit_log l "
			+ "left join account a on a.id = l.actor_account_id "
			+ "left join listing li on l.subject_type = 'listing' and li.id::text = l.subject_id "
			+ "left join organisation o on l.subject_type = 'organisation' and o.id::text = l.subject_id "
			+ "left join activity ac on l.subject_type = 'activity' and ac.id::text = l.subject_id "
			+ "left join account sa on l.subject_type = 'account' and sa.id::text = l.subject_id";

	private final DatabaseClient database;

	AuditSearch(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * What to look for; a null field does not filter.
	 *
	 * @param actor the actor's pseudonym, in any case
	 * @param action the action's code
	 * @param from the first day (portal time zone)
	 * @param to the last day (portal time zone), included
	 */
	public record Query(String actor, String action, LocalDate from, LocalDate to) {
	}

	/** An entry with the names that go with its ids; a name is null when not known. */
	public record Named(AuditLog.Entry entry, String actorName, String subjectName) {
	}

	/**
	 * The matching entries, newest first, skipping {@code offset}, at most {@code limit}.
	 */
	public Flux<Named> find(Query query, long offset, int limit) {
		Map<String, Object> binds = new LinkedHashMap<>();
		StringBuilder where = new StringBuilder(" where true");
		if (query.actor() != null) {
			where.append(" and lower(a.display_name) = lower(:actor)");
			binds.put("actor", query.actor());
		}
		if (query.action() != null) {
			where.append(" and l.action = :action");
			binds.put("action", query.action());
		}
		if (query.from() != null) {
			where.append(" and l.at >= :start");
			binds.put("start", query.from().atStartOfDay(PortalZone.ZONE).toInstant());
		}
		if (query.to() != null) {
			where.append(" and l.at < :end");
			binds.put("end", query.to().plusDays(1).atStartOfDay(PortalZone.ZONE).toInstant());
		}
		DatabaseClient.GenericExecuteSpec sql = this.database
			.sql(NAMED + where + " order by l.id desc limit :limit offset :offset")
			.bind("limit", limit)
			.bind("offset", offset);
		for (Map.Entry<String, Object> bind : binds.entrySet()) {
			sql = sql.bind(bind.getKey(), bind.getValue());
		}
		return sql
			.map((row, meta) -> new Named(
					new AuditLog.Entry(row.get("id", Long.class), row.get("at", Instant.class),
							row.get("actor_account_id", UUID.class), row.get("action", String.class),
							row.get("subject_type", String.class), row.get("subject_id", String.class),
							row.get("details", String.class), row.get("reason", String.class)),
					row.get("actor_name", String.class), row.get("subject_name", String.class)))
			.all();
	}

	/** Every action the log holds, in order of their codes: the choices of the filter. */
	public Flux<String> actions() {
		return this.database.sql("select distinct action from audit_log order by action")
			.map((row, meta) -> row.get("action", String.class))
			.all();
	}

}
