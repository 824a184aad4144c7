package de.pinnwand.moderation;

import java.time.Instant;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Members stopped from posting for a while, in PostgreSQL. */
@Repository
class PostingBlocks {

	private final DatabaseClient database;

	PostingBlocks(DatabaseClient database) {
		this.database = database;
	}

	/** Until when the member may not post; empty when they may. */
	Mono<Instant> until(UUID accountId, Instant now) {
		return this.database.sql("select until from posting_block where account_id = :account and until > :now")
			.bind("account", accountId)
			.bind("now", now)
			.map((row, meta) -> row.get("until", Instant.class))
			.one();
	}

	/** Blocks the member until then; a longer block already in place stays. */
	Mono<Void> block(UUID accountId, Instant until, UUID by, String reason) {
		return this.database
			.sql("insert into posting_block (account_id, until, blocked_by, reason) values (:account, :until, :by, :reason) "
					+ "on conflict (account_id) do update set until = greatest(posting_block.until, excluded.until), "
					+ "blocked_by = excluded.blocked_by, reason = excluded.reason")
			.bind("account", accountId)
			.bind("until", until)
			.bind("by", by)
			.bind("reason", (reason != null) ? reason : io.r2dbc.spi.Parameters.in(String.class))
			.then();
	}

}
