package de.pinnwand.listings;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Why a coordinator's decision left a listing where it is, for its author; moderation
 * keeps the decisions and answers this (as it answers {@link PublicationPolicy}), so
 * listings need not know moderation.
 */
public interface ReviewOutcomes {

	/**
	 * A decision that still stands.
	 *
	 * @param decision the decision's name, e.g. {@code REJECT} or {@code ASK_FOR_CHANGES}
	 * @param reasonCode the configured reason, with a text
	 * {@code moderation.reason.<code>}; null for none
	 * @param note what the coordinator asks the author to change; null but when changes
	 * were asked for
	 */
	record ReviewOutcome(String decision, String reasonCode, String note) {
	}

	/**
	 * The decisions that still stand for these listings (the listing is in the status the
	 * decision led to), by listing id; listings without one are left out.
	 */
	Mono<Map<UUID, ReviewOutcome>> standing(Collection<Listing> listings);

	/** The outcome as its author reads it, e.g. 'Rejected: Commercial offer'. */
	String text(ReviewOutcome outcome, Locale locale);

	/**
	 * The language to tell an author in: the interface language stored in their account,
	 * else {@code requestLocale} (the language of the page or API request).
	 */
	Mono<Locale> languageOf(UUID authorAccountId, Locale requestLocale);

}
