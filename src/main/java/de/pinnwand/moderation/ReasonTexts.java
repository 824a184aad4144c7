package de.pinnwand.moderation;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import de.pinnwand.web.InterfaceLanguages;
import de.pinnwand.web.Messages;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The texts of the decision reasons, per reason and interface language, in PostgreSQL so
 * that coordinators edit them in the app. While the table is empty it is seeded from the
 * message bundles ({@code moderation.reason.<code>}). Texts are read from a snapshot in
 * memory (reasons are shown on every queue and 'my listings' page), taken at start and
 * after every change; a text not (yet) in it comes from the bundles.
 */
@Repository
class ReasonTexts {

	/** The longest text of a reason. */
	static final int MAX_TEXT = 200;

	private final DatabaseClient database;

	private final Messages messages;

	private final ModerationProperties properties;

	private final Clock clock;

	/** reason code → language → text. */
	private volatile Map<String, Map<String, String>> snapshot = Map.of();

	/** How many reloads began, and which of them the snapshot is from. */
	private final AtomicLong reloads = new AtomicLong();

	private long taken;

	ReasonTexts(DatabaseClient database, Messages messages, ModerationProperties properties, Clock clock) {
		this.database = database;
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seedAndLoad() {
		seed().then(reload()).subscribe();
	}

	/**
	 * Fills an empty table with the bundles' texts of every configured reason; a second
	 * instance adds nothing.
	 */
	Mono<Void> seed() {
		return this.database.sql("select count(*) as n from decision_reason_text")
			.map((row, meta) -> row.get("n", Long.class))
			.one()
			.filter((count) -> count == 0)
			.flatMapMany((empty) -> Flux.fromIterable(this.properties.decisionReasons()))
			.concatMap((code) -> Flux.fromIterable(InterfaceLanguages.CODES)
				.concatMap((language) -> this.database
					.sql("insert into decision_reason_text (reason_code, language, text, updated_at) "
							+ "values (:code, :language, :text, :at) on conflict do nothing")
					.bind("code", code)
					.bind("language", language)
					.bind("text", this.messages.get(Locale.forLanguageTag(language), "moderation.reason." + code))
					.bind("at", this.clock.instant())
					.then()))
			.then();
	}

	/**
	 * Takes a new snapshot of the texts. Reloads overlap (after an edit here, and the
	 * periodic one that brings the other instances' edits): a read that began later saw
	 * the later state, so an earlier one never replaces it.
	 */
	Mono<Void> reload() {
		return Mono.defer(() -> {
			long generation = this.reloads.incrementAndGet();
			return this.database.sql("select reason_code, language, text from decision_reason_text")
				.map((row,
						meta) -> new String[] { row.get("reason_code", String.class), row.get("language", String.class),
								row.get("text", String.class) })
				.all()
				.collectList()
				.doOnNext((rows) -> {
					Map<String, Map<String, String>> texts = new HashMap<>();
					rows.forEach((row) -> texts.computeIfAbsent(row[0], (code) -> new HashMap<>()).put(row[1], row[2]));
					take(generation, texts);
				})
				.then();
		});
	}

	private synchronized void take(long generation, Map<String, Map<String, String>> texts) {
		if (generation > this.taken) {
			this.snapshot = texts;
			this.taken = generation;
		}
	}

	/** The text of a reason in a language: the edited one, else the bundle's. */
	String text(String code, Locale locale) {
		String edited = this.snapshot.getOrDefault(code, Map.of()).get(InterfaceLanguages.codeOf(locale));
		return (edited != null) ? edited : this.messages.get(locale, "moderation.reason." + code);
	}

	/** Every configured reason's texts by language, for the editing page. */
	Map<String, Map<String, String>> all() {
		Map<String, Map<String, String>> all = new java.util.LinkedHashMap<>();
		for (String code : this.properties.decisionReasons()) {
			Map<String, String> texts = new java.util.LinkedHashMap<>();
			InterfaceLanguages.CODES
				.forEach((language) -> texts.put(language, text(code, Locale.forLanguageTag(language))));
			all.put(code, texts);
		}
		return all;
	}

	/** Replaces the texts of a reason in the given languages. */
	Mono<Void> save(String code, Map<String, String> texts, UUID by) {
		return Flux.fromIterable(texts.entrySet())
			.concatMap((entry) -> this.database
				.sql("insert into decision_reason_text (reason_code, language, text, updated_at, updated_by) "
						+ "values (:code, :language, :text, :at, :by) on conflict (reason_code, language) do update set "
						+ "text = excluded.text, updated_at = excluded.updated_at, updated_by = excluded.updated_by")
				.bind("code", code)
				.bind("language", entry.getKey())
				.bind("text", entry.getValue())
				.bind("at", this.clock.instant())
				.bind("by", by)
				.then())
			.then();
	}

	static List<String> languages() {
		return InterfaceLanguages.CODES;
	}

}
