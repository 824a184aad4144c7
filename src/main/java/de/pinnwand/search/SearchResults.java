package de.pinnwand.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import de.pinnwand.places.Gazetteer;

/**
 * Turns Elasticsearch's answer into a {@link SearchResult}: the hits with their distance
 * and the word they were found for, the facet counts, the paging cursor, and the closest
 * known spelling of a query's unknown words.
 */
final class SearchResults {

	private final Concepts concepts;

	SearchResults(Concepts concepts) {
		this.concepts = concepts;
	}

	SearchResult result(ListingQuery query, SearchResponse<ListingDocument> response, CrossLanguage crossLanguage) {
		List<SearchResult.Hit> items = new ArrayList<>();
		for (Hit<ListingDocument> hit : response.hits().hits()) {
			ListingDocument listing = hit.source();
			Double distance = (query.near() != null && listing != null) ? Gazetteer.distanceKm(query.near().lat(),
					query.near().lon(), listing.location().lat(), listing.location().lon()) : null;
			String foundFor = (listing != null) ? crossLanguage.foundFor(hit.matchedQueries(), listing.textLanguage())
					: null;
			items.add(new SearchResult.Hit(listing, distance, foundFor));
		}
		long total = (response.hits().total() != null) ? response.hits().total().value() : items.size();
		List<Hit<ListingDocument>> hits = response.hits().hits();
		String next = (hits.size() == query.size()) ? SearchCursor.encode(hits.get(hits.size() - 1).sort()) : null;
		return new SearchResult(total, items, Facets.counts(response), query.page(), query.size(),
				(total == 0) ? corrected(query.text(), response, SearchRequests.DID_YOU_MEAN) : null, next);
	}

	/**
	 * The query's words with each one replaced by the closest spelling the suggesters
	 * found for it (the most frequent where several did); null when they found none. A
	 * word of the concept lexicon is no typo, even where no listing uses that form
	 * ('квартира' when listings say 'квартиру'); signs around words are left out, so a
	 * correction is words only ('<script>' never comes back as markup).
	 */
	String corrected(String text, SearchResponse<ListingDocument> response, String... suggesters) {
		Map<Integer, Spelling> best = new TreeMap<>(Comparator.reverseOrder());
		for (String suggester : suggesters) {
			for (var suggestion : response.suggest().getOrDefault(suggester, List.of())) {
				var term = suggestion.term();
				int end = Math.min(text.length(), term.offset() + term.length());
				String typed = (term.offset() >= 0 && term.offset() < end) ? text.substring(term.offset(), end) : "";
				if (!term.options().isEmpty() && this.concepts.in(typed).isEmpty()
						&& typed.codePoints().anyMatch(Character::isLetter)) {
					var option = term.options().get(0);
					best.merge(term.offset(), new Spelling(term.length(), option.text(), option.freq()),
							(a, b) -> (b.freq() > a.freq()) ? b : a);
				}
			}
		}
		if (best.isEmpty()) {
			return null;
		}
		StringBuilder corrected = new StringBuilder(text);
		// From the end, so that earlier offsets stay valid.
		best.forEach((offset, option) -> corrected.replace(offset,
				Math.min(corrected.length(), offset + option.length()), option.text()));
		String words = corrected.toString().replaceAll("[^\\p{L}\\p{N}\\p{M}]+", " ").strip();
		return words.isEmpty() ? null : words;
	}

	/**
	 * A suggester's best spelling for the word of this length at an offset, and in how
	 * many listings it is.
	 */
	private record Spelling(int length, String text, long freq) {
	}

}
