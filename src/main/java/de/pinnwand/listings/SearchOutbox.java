package de.pinnwand.listings;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The transactional outbox between PostgreSQL and the search index: every write to a
 * listing adds a row in the same transaction, and the index relay drains the rows. So a
 * write never waits on Elasticsearch, and nothing is lost while it is away.
 */
@Component
public class SearchOutbox {

	/** A pending change: which listing to (re)index. */
	public record Entry(long id, UUID listingId, int attempts) {
	}

	private final DatabaseClient database;

	SearchOutbox(DatabaseClient database) {
		this.database = database;
	}

	Mono<Void> enqueue(UUID listingId) {
		return this.database.sql("insert into search_outbox (listing_id) values (:id)").bind("id", listingId).then();
	}

	/**
	 * Locks up to {@code limit} due entries for the calling transaction; other relays
	 * skip them, so several app instances can drain one outbox.
	 */
	public Flux<Entry> lockDue(int limit) {
		return this.database
			.sql("select id, listing_id, attempts from search_outbox where next_attempt_at <= now() "
					+ "order by id limit :limit for update skip locked")
			.bind("limit", limit)
			.map((row, meta) -> new Entry(row.get("id", Long.class), row.get("listing_id", UUID.class),
					row.get("attempts", Integer.class)))
			.all();
	}

	public Mono<Void> done(List<Long> ids) {
		if (ids.isEmpty()) {
			return Mono.empty();
		}
		return this.database.sql("delete from search_outbox where id = any(:ids)")
			.bind("ids", ids.toArray(Long[]::new))
			.then();
	}

	/** Puts entries back with a later due time, growing with each failed attempt. */
	public Mono<Void> retryLater(List<Long> ids, Duration delay, String error) {
		if (ids.isEmpty()) {
			return Mono.empty();
		}
		String reason = (error == null) ? "" : error.substring(0, Math.min(error.length(), 500));
		return this.database
			.sql("update search_outbox set attempts = attempts + 1, last_error = :error, "
					+ "next_attempt_at = now() + make_interval(secs => :seconds) where id = any(:ids)")
			.bind("error", reason)
			.bind("seconds", (double) delay.toMillis() / 1000)
			.bind("ids", ids.toArray(Long[]::new))
			.then();
	}

	/** How many changes wait to reach the index. */
	public Mono<Long> pending() {
		return this.database.sql("select count(*) as n from search_outbox")
			.map((row, meta) -> row.get("n", Long.class))
			.one();
	}

}
