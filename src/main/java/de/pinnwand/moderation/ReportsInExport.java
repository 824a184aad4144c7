package de.pinnwand.moderation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.accounts.PersonalData;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The reports a member filed while signed in, in their data export: what they reported,
 * why and when, and whether a coordinator has decided since. Reports as a visitor are
 * kept only under a salted hash of an address and cannot be told apart as anyone's.
 */
@Component
class ReportsInExport implements PersonalData {

	private final DatabaseClient database;

	ReportsInExport(DatabaseClient database) {
		this.database = database;
	}

	@Override
	public String name() {
		return "reports";
	}

	@Override
	public Mono<Object> of(UUID accountId) {
		return this.database
			.sql("select 'listing' as item_type, listing_id as item_id, reason, text, created_at, resolved_at "
					+ "from listing_report where reporter = :reporter union all "
					+ "select item_type, item_id, reason, text, created_at, resolved_at from item_report "
					+ "where reporter = :reporter order by created_at")
			.bind("reporter", "account:" + accountId)
			.map((row, meta) -> {
				Map<String, Object> report = new LinkedHashMap<>();
				report.put("type", row.get("item_type", String.class));
				report.put("id", row.get("item_id", UUID.class));
				report.put("reason", row.get("reason", String.class));
				report.put("text", row.get("text", String.class));
				report.put("reportedAt", row.get("created_at", Instant.class));
				report.put("decidedAt", row.get("resolved_at", Instant.class));
				return report;
			})
			.all()
			.collectList()
			.map(Object.class::cast);
	}

}
