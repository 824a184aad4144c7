package de.pinnwand.moderation;

import java.time.Instant;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Readers' reports of listings, in PostgreSQL. */
@Repository
class Reports {

	private final DatabaseClient database;

	Reports(DatabaseClient database) {
		this.database = database;
	}

	/** Stores a report unless the same reporter's earlier one is still open. */
	Mono<Void> add(UUID listingId, String reporter, String reason, String text, Instant at) {
		return this.database
			.sql("insert into listing_report (id, listing_id, reporter, reason, text, created_at) "
					+ "values (:id, :listing, :reporter, :reason, :text, :at) "
					+ "on conflict (listing_id, reporter) where resolved_at is null do nothing")
			.bind("id", UUID.randomUUID())
			.bind("listing", listingId)
			.bind("reporter", reporter)
			.bind("reason", reason)
			.bind("text", (text != null) ? text : io.r2dbc.spi.Parameters.in(String.class))
			.bind("at", at)
			.then();
	}

	/**
	 * How many different reporters reported the listing since the last decision about it.
	 */
	Mono<Long> openReporters(UUID listingId) {
		return this.database
			.sql("select count(distinct reporter) as n from listing_report "
					+ "where listing_id = :listing and resolved_at is null")
			.bind("listing", listingId)
			.map((row, meta) -> row.get("n", Long.class))
			.one();
	}

	/** The open reports of a listing, oldest first. */
	Flux<ListingReport> open(UUID listingId) {
		return this.database
			.sql("select reason, text, created_at from listing_report "
					+ "where listing_id = :listing and resolved_at is null order by created_at")
			.bind("listing", listingId)
			.map((row, meta) -> new ListingReport(row.get("reason", String.class), row.get("text", String.class),
					row.get("created_at", Instant.class)))
			.all();
	}

	/** Closes the open reports of a listing: a coordinator has decided about it. */
	Mono<Long> resolve(UUID listingId, Instant at) {
		return this.database
			.sql("update listing_report set resolved_at = :at where listing_id = :listing " + "and resolved_at is null")
			.bind("at", at)
			.bind("listing", listingId)
			.fetch()
			.rowsUpdated();
	}

}
