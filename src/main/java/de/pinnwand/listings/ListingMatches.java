package de.pinnwand.listings;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the listing pages show of matching, supplied by the matching feature (which needs
 * listings, so listings asks through this interface rather than calling it): the matches
 * on an owner's page and the matches that are new since the owner last looked.
 */
public interface ListingMatches {

	/**
	 * The listings that match one of mine, with the reasons in the reader's language;
	 * empty while search is away.
	 */
	Mono<List<Line>> matchesFor(Listing listing, Locale locale);

	/**
	 * The matches published since these listings' owner last looked, newest first; marks
	 * them seen.
	 */
	Mono<List<Fresh>> takeUnseen(List<UUID> listingIds);

	/** A matching listing, with the reasons it matches joined for reading. */
	record Line(String listingId, String title, String textLanguage, String reasons) {
	}

	/** A listing published since that matches {@code listingId}. */
	record Fresh(UUID listingId, UUID matchedId, String matchedTitle, String matchedLanguage) {
	}

}
