package de.pinnwand.texts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.texts.TextOverrides.Review;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The corrected texts, their version counter (which tells every instance to reload) and
 * the native speakers' reviews, in PostgreSQL.
 */
@Repository
class TextOverrideRecords {

	private final DatabaseClient database;

	TextOverrideRecords(DatabaseClient database) {
		this.database = database;
	}

	/** The version of the corrections; every change raises it. */
	Mono<Long> version() {
		return this.database.sql("select version from text_override_version where id = 1")
			.map((row, meta) -> row.get("version", Long.class))
			.one();
	}

	/** Raises the version, so that every instance reloads. */
	Mono<Void> bump() {
		return this.database.sql("update text_override_version set version = version + 1 where id = 1").then();
	}

	/** Every correction, by language and key. */
	Mono<Map<String, Map<String, String>>> all() {
		return this.database.sql("select language, key, text from text_override")
			.map((row,
					meta) -> new String[] { row.get("language", String.class), row.get("key", String.class),
							row.get("text", String.class) })
			.all()
			.collectList()
			.map((rows) -> {
				Map<String, Map<String, String>> loaded = new HashMap<>();
				rows.forEach(
						(row) -> loaded.computeIfAbsent(row[0], (language) -> new HashMap<>()).put(row[1], row[2]));
				return loaded;
			});
	}

	/** The corrections of a language as key and text, by key. */
	Flux<String[]> of(String language) {
		return this.database.sql("select key, text from text_override where language = :language order by key")
			.bind("language", language)
			.map((row, meta) -> new String[] { row.get("key", String.class), row.get("text", String.class) })
			.all();
	}

	/** Stores a correction, replacing an earlier one of the key. */
	Mono<Void> store(String language, String key, String text, Instant at, UUID by) {
		return this.database
			.sql("insert into text_override (language, key, text, changed_at, changed_by) "
					+ "values (:language, :key, :text, :at, :by) on conflict (language, key) do update set "
					+ "text = excluded.text, changed_at = excluded.changed_at, changed_by = excluded.changed_by")
			.bind("language", language)
			.bind("key", key)
			.bind("text", text)
			.bind("at", at)
			.bind("by", (by != null) ? by : Parameters.in(UUID.class))
			.then();
	}

	/** Removes a correction; how many rows went. */
	Mono<Long> delete(String language, String key) {
		return this.database.sql("delete from text_override where language = :language and key = :key")
			.bind("language", language)
			.bind("key", key)
			.fetch()
			.rowsUpdated();
	}

	/** When a native speaker last checked the language, if ever. */
	Mono<Review> review(String language) {
		return this.database.sql("select * from text_review where language = :language")
			.bind("language", language)
			.map((row, meta) -> review(row))
			.one();
	}

	/** Every language a native speaker checked. */
	Flux<Review> reviews() {
		return this.database.sql("select * from text_review order by language").map((row, meta) -> review(row)).all();
	}

	/** Records that a native speaker checked the language on the day. */
	Mono<Void> reviewed(String language, LocalDate on, String reviewer, Instant at) {
		return this.database.sql("insert into text_review (language, reviewed_on, reviewer, recorded_at) "
				+ "values (:language, :on, :reviewer, :at) on conflict (language) do update set "
				+ "reviewed_on = excluded.reviewed_on, reviewer = excluded.reviewer, recorded_at = excluded.recorded_at")
			.bind("language", language)
			.bind("on", on)
			.bind("reviewer", reviewer)
			.bind("at", at)
			.then();
	}

	private static Review review(Readable row) {
		return new Review(row.get("language", String.class), row.get("reviewed_on", LocalDate.class),
				row.get("reviewer", String.class));
	}

}
