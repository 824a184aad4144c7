package de.pinnwand.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The rebuild of the search index that runs right now on any instance, in PostgreSQL
 * ({@code search_rebuild}): claiming the one row is what lets a rebuild start, so two
 * instances asked at once run one rebuild, and every instance's relay learns from it
 * which new index to write to as well. A rebuild beats its heartbeat with each batch; one
 * whose instance died is over once the heartbeat is older than {@link #STALE}.
 */
@Repository
class SearchRebuilds {

	/** Far longer than one batch of a rebuild takes, even on a loaded machine. */
	static final Duration STALE = Duration.ofMinutes(2);

	private final DatabaseClient database;

	private final Clock clock;

	SearchRebuilds(DatabaseClient database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	/**
	 * A rebuild that runs: the index it fills, since when, how many listings are in it so
	 * far.
	 */
	record Running(String index, Instant startedAt, long documents) {
	}

	/**
	 * Claims the rebuild for an index; empty when another one runs (its heartbeat is
	 * fresh).
	 */
	Mono<String> claim(String index) {
		Instant now = this.clock.instant();
		return this.database
			.sql("insert into search_rebuild (singleton, index_name, started_at, heartbeat_at) "
					+ "values (true, :index, :now, :now) on conflict (singleton) do update set "
					+ "index_name = excluded.index_name, started_at = excluded.started_at, "
					+ "heartbeat_at = excluded.heartbeat_at, documents = 0 "
					+ "where search_rebuild.heartbeat_at < :stale returning index_name")
			.bind("index", index)
			.bind("now", now)
			.bind("stale", now.minus(STALE))
			.map((row, meta) -> row.get("index_name", String.class))
			.one();
	}

	/** The rebuild that runs, if one does. */
	Mono<Running> running() {
		return this.database
			.sql("select index_name, started_at, documents from search_rebuild where heartbeat_at >= :stale")
			.bind("stale", this.clock.instant().minus(STALE))
			.map((row, meta) -> new Running(row.get("index_name", String.class), row.get("started_at", Instant.class),
					row.get("documents", Long.class)))
			.one();
	}

	/** Tells the others the rebuild of this index is alive, and how far it got. */
	Mono<Void> beat(String index, long documents) {
		return this.database
			.sql("update search_rebuild set heartbeat_at = :now, documents = :documents where index_name = :index")
			.bind("now", this.clock.instant())
			.bind("documents", documents)
			.bind("index", index)
			.then();
	}

	/** Ends the rebuild of this index (done or failed). */
	Mono<Void> release(String index) {
		return this.database.sql("delete from search_rebuild where index_name = :index").bind("index", index).then();
	}

}
