package de.pinnwand.matching.web;

import java.util.List;

import de.pinnwand.listings.ListingIds;
import de.pinnwand.listings.ListingService;
import de.pinnwand.matching.Matchmaker;
import de.pinnwand.web.Messages;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/listings/{id}/matches}: for a request the best offers, for an offer
 * the open requests, each with a score and its reasons in the reader's language.
 */
@RestController
class MatchesApi {

	private final ListingService listings;

	private final Matchmaker matchmaker;

	private final MatchTexts texts;

	MatchesApi(ListingService listings, Matchmaker matchmaker, MatchTexts texts) {
		this.listings = listings;
		this.matchmaker = matchmaker;
		this.texts = texts;
	}

	/** The matches of one listing. */
	record Matches(List<Item> items) {
	}

	/** A matching listing, its score from 0 to 1, and why it matches. */
	record Item(MatchedListing listing, double score, double distanceKm, List<String> reasons) {
	}

	/** The public fields of a matching listing. */
	record MatchedListing(String id, String kind, String title, String textLanguage, List<String> topics,
			List<String> languages, String postcode, String placeName) {
	}

	@GetMapping("/api/v1/listings/{id}/matches")
	Mono<Matches> matches(@PathVariable String id, ServerWebExchange exchange) {
		var locale = Messages.localeOf(exchange);
		return ListingIds.require(id)
			.flatMap(this.listings::findPublic)
			.flatMap(this.matchmaker::matchesFor)
			.map((matches) -> new Matches(matches.stream()
				.map((match) -> new Item(
						new MatchedListing(match.listing().id(), match.listing().kind(), match.listing().title(),
								match.listing().textLanguage(), match.listing().topics(), match.listing().languages(),
								match.listing().postcode(), match.listing().placeName()),
						match.score(), Math.round(match.distanceKm() * 10) / 10.0, this.texts.reasons(match, locale)))
				.toList()));
	}

}
