package de.pinnwand.stats;

import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Every query behind the council figures, in one place. Periods cover listings by the day
 * they were posted, sign-ups by the day of the occurrence, moderation by the day it was
 * done and reports by the day they were filed. Only counts leave these queries.
 */
@Repository
public class Statistics {

	private static final String LISTINGS_IN_PERIOD = " l.created_at >= :start and l.created_at < :end ";

	/** The audit log's actions of coordinators' decisions. */
	private static final String DECISIONS = " ('moderation.approve', 'moderation.reject', 'moderation.close', "
			+ "'moderation.block', 'moderation.ask_for_changes') ";

	private static final String UNMATCHED = " not exists (select 1 from match_notice m "
			+ "where m.listing_id = l.id or m.matched_listing_id = l.id) ";

	private final DatabaseClient database;

	Statistics(DatabaseClient database) {
		this.database = database;
	}

	public Mono<Report> of(Period period) {
		String inDistrict = (period.district() != null) ? " and l.district = :district " : "";
		Mono<List<Report.KindCount>> byTopic = kindCounts(period, "select t.topic as category, "
				+ "count(*) filter (where l.kind = 'OFFER') as offers, count(*) filter (where l.kind = 'REQUEST') as requests "
				+ "from listing l cross join lateral (select distinct split_part(x, '/', 1) as topic from unnest(l.topics) x) t "
				+ "where" + LISTINGS_IN_PERIOD + inDistrict
				+ "group by t.topic order by requests desc, offers desc, t.topic");
		Mono<List<Report.KindCount>> byLanguage = kindCounts(period, "select x as category, "
				+ "count(*) filter (where l.kind = 'OFFER') as offers, count(*) filter (where l.kind = 'REQUEST') as requests "
				+ "from listing l cross join lateral (select distinct y as x from unnest(l.languages) y) lang "
				+ "where" + LISTINGS_IN_PERIOD + inDistrict + "group by x order by requests desc, offers desc, x");
		Mono<List<Report.KindCount>> byDistrict = kindCounts(period, "select l.district as category, "
				+ "count(*) filter (where l.kind = 'OFFER') as offers, count(*) filter (where l.kind = 'REQUEST') as requests "
				+ "from listing l where" + LISTINGS_IN_PERIOD + inDistrict
				+ "group by l.district order by requests desc, offers desc, l.district");
		Mono<Map<String, Long>> requests = row(period,
				"select count(*) as requests, " + "count(*) filter (where not" + UNMATCHED + ") as matched, "
						+ "count(*) filter (where l.status = 'FULFILLED') as fulfilled "
						+ "from listing l where l.kind = 'REQUEST' and" + LISTINGS_IN_PERIOD + inDistrict,
				"requests", "matched", "fulfilled");
		String unmet = "from listing l where l.kind = 'REQUEST' and l.status in ('PUBLISHED', 'EXPIRED') and"
				+ UNMATCHED + "and" + LISTINGS_IN_PERIOD + inDistrict;
		Mono<List<Report.Count>> unmetByDistrict = counts(period, "select l.district as category, count(*) as n "
				+ unmet + "group by l.district order by n desc, l.district");
		Mono<List<Report.Count>> unmetByLanguage = counts(period,
				"select x as category, count(*) as n " + "from (select distinct l.id, y as x "
						+ unmet.replace("from listing l", "from listing l, unnest(l.languages) y")
						+ ") u group by x order by n desc, x");
		String activityInDistrict = (period.district() != null) ? " and a.district = :district " : "";
		Mono<Map<String, Long>> organisations = row(period, "select count(*) as active, "
				+ "count(*) filter (where o.type = 'VOLUNTEER_GROUP') as groups from organisation o "
				+ "where exists (select 1 from listing l where l.organisation_id = o.id and" + LISTINGS_IN_PERIOD
				+ inDistrict + ") or exists (select 1 from activity a where a.organisation_id = o.id "
				+ "and a.status = 'PUBLISHED' and a.starts_at < :end "
				+ "and ((a.repeat_until is null and a.ends_at >= :start) or a.repeat_until >= :fromDate)"
				+ activityInDistrict + ")", "active", "groups");
		Mono<Map<String, Long>> volunteers = row(period, "select count(distinct l.owner_account_id) as volunteers "
				+ "from listing l where l.kind = 'OFFER' and" + LISTINGS_IN_PERIOD + inDistrict, "volunteers");
		Mono<Map<String, Long>> signups = row(period,
				"select count(*) filter (where s.status = 'CONFIRMED') as confirmed, "
						+ "count(*) filter (where s.status = 'WAITING') as waiting from activity_signup s "
						+ "join activity a on a.id = s.activity_id where s.occurrence >= :fromDate and s.occurrence <= :toDate"
						+ activityInDistrict,
				"confirmed", "waiting");
		Mono<List<Report.Count>> moderation = counts(period, "select action as category, count(*) as n from audit_log "
				+ "where action like 'moderation.%' and at >= :start and at < :end group by action order by action");
		Mono<List<Report.Count>> reports = counts(period,
				"select item_type as category, count(*) as n from ("
						+ "select 'listing' as item_type from listing_report r join listing l on l.id = r.listing_id "
						+ "where r.created_at >= :start and r.created_at < :end" + inDistrict + " union all "
						+ "select r.item_type from item_report r left join activity a on r.item_type = 'activity' "
						+ "and a.id = r.item_id where r.created_at >= :start and r.created_at < :end"
						+ activityInDistrict + ") x group by item_type order by item_type");
		String decidedInDistrict = (period.district() != null) ? " and coalesce(l.district, a.district) = :district "
				: "";
		Mono<List<Report.Count>> decisions = counts(period, "select d.action as category, count(*) as n "
				+ "from audit_log d left join listing l on d.subject_type = 'listing' and l.id::text = d.subject_id "
				+ "left join activity a on d.subject_type = 'activity' and a.id::text = d.subject_id "
				+ "where d.action in" + DECISIONS + "and d.at >= :start and d.at < :end" + decidedInDistrict
				+ " group by d.action order by d.action");
		Mono<Object[]> timeToDecision = spec(period, "select count(*) as decided, percentile_cont(0.5) within group "
				+ "(order by extract(epoch from (f.first_at - l.created_at))) as median_seconds from (select subject_id, "
				+ "min(at) as first_at from audit_log where subject_type = 'listing' and action in" + DECISIONS
				+ "group by subject_id) f join listing l on l.id::text = f.subject_id "
				+ "where f.first_at >= :start and f.first_at < :end" + inDistrict)
			.map((row,
					meta) -> new Object[] { row.get("decided", Long.class), row.get("median_seconds", Double.class) })
			.one();
		// A request counts as answered once a conversation about it began; its first
		// answer is the earliest.
		Mono<Object[]> timeToAnswer = spec(period, "select count(*) as answered, percentile_cont(0.5) within group "
				+ "(order by extract(epoch from (f.first_at - l.created_at))) as median_seconds from listing l join "
				+ "(select listing_id, min(created_at) as first_at from conversation where listing_id is not null "
				+ "group by listing_id) f on f.listing_id = l.id where l.kind = 'REQUEST' and" + LISTINGS_IN_PERIOD
				+ inDistrict)
			.map((row,
					meta) -> new Object[] { row.get("answered", Long.class), row.get("median_seconds", Double.class) })
			.one();
		return Mono
			.zip((parts) -> parts, byTopic, byLanguage, byDistrict, requests, unmetByDistrict, unmetByLanguage,
					organisations, volunteers, signups, moderation, reports, decisions, timeToDecision, timeToAnswer)
			.map((parts) -> report(period, parts));
	}

	@SuppressWarnings("unchecked")
	private static Report report(Period period, Object[] parts) {
		Map<String, Long> requests = (Map<String, Long>) parts[3];
		Map<String, Long> organisations = (Map<String, Long>) parts[6];
		Map<String, Long> signups = (Map<String, Long>) parts[8];
		return new Report(period, (List<Report.KindCount>) parts[0], (List<Report.KindCount>) parts[1],
				(List<Report.KindCount>) parts[2], requests.get("requests"), requests.get("matched"),
				requests.get("fulfilled"), (List<Report.Count>) parts[4], (List<Report.Count>) parts[5],
				organisations.get("active"), organisations.get("groups"),
				((Map<String, Long>) parts[7]).get("volunteers"), signups.get("confirmed"), signups.get("waiting"),
				(List<Report.Count>) parts[9], (List<Report.Count>) parts[10], (List<Report.Count>) parts[11],
				(Long) ((Object[]) parts[12])[0],
				(((Object[]) parts[12])[1] != null) ? (Double) ((Object[]) parts[12])[1] / 3600 : null,
				(Long) ((Object[]) parts[13])[0],
				(((Object[]) parts[13])[1] != null) ? (Double) ((Object[]) parts[13])[1] / 3600 : null);
	}

	private Mono<List<Report.KindCount>> kindCounts(Period period, String sql) {
		return spec(period, sql)
			.map((row, meta) -> new Report.KindCount(row.get("category", String.class), row.get("offers", Long.class),
					row.get("requests", Long.class)))
			.all()
			.collectList();
	}

	private Mono<List<Report.Count>> counts(Period period, String sql) {
		return spec(period, sql)
			.map((row, meta) -> new Report.Count(row.get("category", String.class), row.get("n", Long.class)))
			.all()
			.collectList();
	}

	private Mono<Map<String, Long>> row(Period period, String sql, String... columns) {
		return spec(period, sql).map((row, meta) -> {
			Map<String, Long> values = new java.util.HashMap<>();
			for (String column : columns) {
				Long value = row.get(column, Long.class);
				values.put(column, (value != null) ? value : 0L);
			}
			return values;
		}).one();
	}

	/**
	 * Binds what the query uses of the period; the queries are built from constants only.
	 */
	private DatabaseClient.GenericExecuteSpec spec(Period period, String sql) {
		DatabaseClient.GenericExecuteSpec spec = this.database.sql(sql);
		if (sql.contains(":start")) {
			spec = spec.bind("start", period.start());
		}
		if (sql.contains(":end")) {
			spec = spec.bind("end", period.end());
		}
		if (sql.contains(":fromDate")) {
			spec = spec.bind("fromDate", period.from());
		}
		if (sql.contains(":toDate")) {
			spec = spec.bind("toDate", period.to());
		}
		if (sql.contains(":district")) {
			spec = spec.bind("district", period.district());
		}
		return spec;
	}

}
