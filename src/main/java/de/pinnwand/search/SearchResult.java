package de.pinnwand.search;

import java.util.List;
import java.util.Map;

/**
 * One page of listings that fit a query, with facet counts for narrowing it.
 *
 * @param total how many listings fit in all
 * @param items this page's listings, with the distance from the query's place when it has
 * one
 * @param facets per facet (kind, topics, languages, district) the values and their
 * counts; topics counts parent topics, and subtopics the sub-topics of the topics
 * filtered by (empty while none is)
 * @param didYouMean a corrected query: when nothing was found and a spelling close to the
 * query's is in the index, or when a word of the query is unknown and the listings
 * include those of its closest known spelling; else null
 * @param next the cursor of the next page ({@code after=}), or null on the last page
 */
public record SearchResult(long total, List<Hit> items, Map<String, List<FacetCount>> facets, int page, int size,
		String didYouMean, String next) {

	/**
	 * A listing in a result list; {@code foundFor} is the word in the listing's language
	 * it was found for when only another language's word for the same thing found it (a
	 * German listing for 'велосипед': 'Fahrrad').
	 */
	public record Hit(ListingDocument listing, Double distanceKm, String foundFor) {
	}

	/** How many listings in the result have this value. */
	public record FacetCount(String value, long count) {
	}

	/**
	 * This result, offering the correction it was also searched with unless it has a 'did
	 * you mean' already.
	 */
	public SearchResult correctedTo(String correction) {
		return new SearchResult(this.total, this.items, this.facets, this.page, this.size,
				(this.didYouMean != null) ? this.didYouMean : correction, this.next);
	}

	public boolean hasNext() {
		return (long) this.page * this.size < Math.min(this.total, ListingQuery.MAX_WINDOW);
	}

}
