package de.pinnwand.moderation;

import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ReviewOutcomes;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The latest decision about each listing, in PostgreSQL, so that its author learns why.
 */
@Repository
class ModerationDecisions implements ReviewOutcomes {

	private final DatabaseClient database;

	private final DecisionTexts texts;

	ModerationDecisions(DatabaseClient database, DecisionTexts texts) {
		this.database = database;
		this.texts = texts;
	}

	@Override
	public String text(ReviewOutcome outcome, Locale locale) {
		return this.texts.explain(outcome.decision(), outcome.reasonCode(), outcome.note(), locale);
	}

	@Override
	public Mono<Locale> languageOf(UUID authorAccountId, Locale requestLocale) {
		return this.texts.languageOf(authorAccountId, requestLocale);
	}

	/** Records a decision, replacing the listing's earlier one. */
	Mono<Void> record(UUID listingId, Decision decision, String reasonCode, String note, Instant at, UUID by) {
		return this.database
			.sql("insert into moderation_decision (listing_id, decision, reason_code, note, decided_at, decided_by) "
					+ "values (:listing, :decision, :reason, :note, :at, :by) on conflict (listing_id) do update set "
					+ "decision = excluded.decision, reason_code = excluded.reason_code, note = excluded.note, "
					+ "decided_at = excluded.decided_at, decided_by = excluded.decided_by")
			.bind("listing", listingId)
			.bind("decision", decision.name())
			.bind("reason", (reasonCode != null) ? reasonCode : io.r2dbc.spi.Parameters.in(String.class))
			.bind("note", (note != null) ? note : io.r2dbc.spi.Parameters.in(String.class))
			.bind("at", at)
			.bind("by", by)
			.then();
	}

	/**
	 * Only a decision whose status the listing is still in stands (an edited or
	 * re-approved one does not); an approval needs no explaining.
	 */
	@Override
	public Mono<Map<UUID, ReviewOutcome>> standing(Collection<Listing> listings) {
		if (listings.isEmpty()) {
			return Mono.just(Map.of());
		}
		Map<UUID, Listing> byId = listings.stream()
			.collect(java.util.stream.Collectors.toMap(Listing::id, Function.identity(), (first, second) -> first));
		return this.database
			.sql("select listing_id, decision, reason_code, note from moderation_decision where listing_id in (:ids)")
			.bind("ids", byId.keySet())
			.map((row, meta) -> Map.entry(row.get("listing_id", UUID.class),
					new ReviewOutcome(row.get("decision", String.class), row.get("reason_code", String.class),
							row.get("note", String.class))))
			.all()
			.filter((entry) -> !Decision.APPROVE.name().equals(entry.getValue().decision()))
			.filter((entry) -> Decision.valueOf(entry.getValue().decision()).status() == byId.get(entry.getKey())
				.status())
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

}
