package de.pinnwand.listings;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * Open listings like one that ended, for the page a visitor of its old link gets;
 * supplied by the search feature (which needs listings, so listings asks through this
 * interface rather than calling it).
 */
public interface SimilarListings {

	/**
	 * Up to {@code count} public listings of the same kind and main topics near the ended
	 * one, nearest first; empty while search is away.
	 */
	Mono<List<Similar>> openLike(Listing ended, int count);

	/** A listing like the ended one, as a line of a list. */
	record Similar(String listingId, String title, String textLanguage, String place) {
	}

}
