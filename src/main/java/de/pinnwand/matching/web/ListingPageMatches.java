package de.pinnwand.matching.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingMatches;
import de.pinnwand.matching.MatchNotices;
import de.pinnwand.matching.Matchmaker;
import de.pinnwand.search.SearchUnavailable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The matches section of the listing pages: matches with their reasons, and the notices
 * of new ones.
 */
@Component
class ListingPageMatches implements ListingMatches {

	private final Matchmaker matchmaker;

	private final MatchTexts texts;

	private final MatchNotices notices;

	ListingPageMatches(Matchmaker matchmaker, MatchTexts texts, MatchNotices notices) {
		this.matchmaker = matchmaker;
		this.texts = texts;
		this.notices = notices;
	}

	/**
	 * Matching needs search; while it is away the page shows without matches rather than
	 * failing.
	 */
	@Override
	public Mono<List<Line>> matchesFor(Listing listing, Locale locale) {
		return this.matchmaker.matchesFor(listing)
			.map((matches) -> matches.stream()
				.map((match) -> new Line(match.listing().id(), match.listing().title(), match.listing().textLanguage(),
						String.join(" · ", this.texts.reasons(match, locale))))
				.toList())
			.onErrorReturn(SearchUnavailable.class, List.of());
	}

	@Override
	public Mono<List<Fresh>> takeUnseen(List<UUID> listingIds) {
		return this.notices.unseen(listingIds)
			.map((notice) -> new Fresh(notice.listingId(), notice.matchedId(), notice.matchedTitle(),
					notice.matchedLanguage()))
			.collectList()
			.flatMap((fresh) -> this.notices.markSeen(listingIds).thenReturn(fresh));
	}

}
