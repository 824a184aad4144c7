package de.pinnwand.moderation;

import java.util.UUID;

import de.pinnwand.accounts.MemberLeaving;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A member who leaves stops being named in the reports they filed: each keeps counting as
 * one reporter of its item (the take-downs and figures stay right), under a name made
 * from the report's own id that points at no one.
 */
@Component
class ReportsOfLeavingMember implements MemberLeaving {

	private final DatabaseClient database;

	ReportsOfLeavingMember(DatabaseClient database) {
		this.database = database;
	}

	@Override
	public Mono<Void> leave(UUID accountId) {
		String reporter = "account:" + accountId;
		return this.database.sql("update listing_report set reporter = 'left:' || id::text where reporter = :reporter")
			.bind("reporter", reporter)
			.then()
			.then(this.database.sql("update item_report set reporter = 'left:' || id::text where reporter = :reporter")
				.bind("reporter", reporter)
				.then());
	}

}
