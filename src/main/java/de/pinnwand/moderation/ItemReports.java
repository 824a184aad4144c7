package de.pinnwand.moderation;

import java.time.Instant;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Readers' reports of items other than listings, and the items they took down that wait
 * for a coordinator ('holds'), in PostgreSQL.
 */
@Repository
class ItemReports {

	/** An item that reports took down, waiting for a coordinator since {@code heldAt}. */
	record Hold(String type, UUID id, Instant heldAt) {
	}

	private final DatabaseClient database;

	ItemReports(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Stores a report unless the same reporter's earlier one about the item is still
	 * open.
	 */
	Mono<Void> add(String type, UUID id, String reporter, String reason, String text, Instant at) {
		return this.database
			.sql("insert into item_report (id, item_type, item_id, reporter, reason, text, created_at) "
					+ "values (:id, :type, :item, :reporter, :reason, :text, :at) "
					+ "on conflict (item_type, item_id, reporter) where resolved_at is null do nothing")
			.bind("id", UUID.randomUUID())
			.bind("type", type)
			.bind("item", id)
			.bind("reporter", reporter)
			.bind("reason", reason)
			.bind("text", (text != null) ? text : io.r2dbc.spi.Parameters.in(String.class))
			.bind("at", at)
			.then();
	}

	/**
	 * How many different reporters reported the item since the last decision about it.
	 */
	Mono<Long> openReporters(String type, UUID id) {
		return this.database
			.sql("select count(distinct reporter) as n from item_report "
					+ "where item_type = :type and item_id = :item and resolved_at is null")
			.bind("type", type)
			.bind("item", id)
			.map((row, meta) -> row.get("n", Long.class))
			.one();
	}

	/** The open reports of an item, oldest first. */
	Flux<ListingReport> open(String type, UUID id) {
		return this.database
			.sql("select reason, text, created_at from item_report "
					+ "where item_type = :type and item_id = :item and resolved_at is null order by created_at")
			.bind("type", type)
			.bind("item", id)
			.map((row, meta) -> new ListingReport(row.get("reason", String.class), row.get("text", String.class),
					row.get("created_at", Instant.class)))
			.all();
	}

	/** Closes the open reports of an item: a coordinator has decided about it. */
	Mono<Long> resolve(String type, UUID id, Instant at) {
		return this.database
			.sql("update item_report set resolved_at = :at where item_type = :type and item_id = :item "
					+ "and resolved_at is null")
			.bind("at", at)
			.bind("type", type)
			.bind("item", id)
			.fetch()
			.rowsUpdated();
	}

	/**
	 * Puts the item into the queue; true when it was not there yet (so only one report
	 * takes it down).
	 */
	Mono<Boolean> hold(String type, UUID id, Instant at) {
		return this.database
			.sql("insert into item_hold (item_type, item_id, held_at) values (:type, :item, :at) "
					+ "on conflict do nothing")
			.bind("type", type)
			.bind("item", id)
			.bind("at", at)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	/**
	 * Takes the item out of the queue; false when it was not (or no longer) there. The
	 * row lock makes a second coordinator deciding at the same time wait and then find
	 * nothing.
	 */
	Mono<Boolean> release(String type, UUID id) {
		return this.database.sql("delete from item_hold where item_type = :type and item_id = :item")
			.bind("type", type)
			.bind("item", id)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	/** Whether the item waits in the queue. */
	Mono<Boolean> held(String type, UUID id) {
		return this.database
			.sql("select exists (select 1 from item_hold where item_type = :type and item_id = :item) as held")
			.bind("type", type)
			.bind("item", id)
			.map((row, meta) -> row.get("held", Boolean.class))
			.one();
	}

	/** The items waiting in the queue, longest-waiting first. */
	Flux<Hold> holds() {
		return this.database.sql("select item_type, item_id, held_at from item_hold order by held_at, item_id")
			.map((row, meta) -> new Hold(row.get("item_type", String.class), row.get("item_id", UUID.class),
					row.get("held_at", Instant.class)))
			.all();
	}

}
