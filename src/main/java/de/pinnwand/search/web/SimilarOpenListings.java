package de.pinnwand.search.web;

import java.util.List;

import de.pinnwand.listings.Listing;
import de.pinnwand.listings.SimilarListings;
import de.pinnwand.search.ListingQuery;
import de.pinnwand.search.ListingSearch;
import de.pinnwand.search.SearchUnavailable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The search feature's answer to "what is still open like this ended listing": same kind
 * and topics, nearby.
 */
@Component
class SimilarOpenListings implements SimilarListings {

	/**
	 * Far enough to find something in a rural district, near enough to be reachable by
	 * bus.
	 */
	private static final int RADIUS_KM = 50;

	private final ListingSearch search;

	SimilarOpenListings(ListingSearch search) {
		this.search = search;
	}

	@Override
	public Mono<List<Similar>> openLike(Listing ended, int count) {
		ListingQuery query = new ListingQuery("", List.of(ended.kind().name()), mainTopics(ended.topics()), List.of(),
				List.of(), List.of(), new ListingQuery.Near(ended.postcode(), ended.latitude(), ended.longitude()),
				RADIUS_KM, ListingQuery.Sort.DISTANCE, 1, count + 1, null);
		return this.search.search(query)
			.map((result) -> result.items()
				.stream()
				.filter((hit) -> !hit.listing().id().equals(ended.id().toString()))
				.limit(count)
				.map((hit) -> new Similar(hit.listing().id(), hit.listing().title(), hit.listing().textLanguage(),
						hit.listing().postcode() + " " + hit.listing().placeName()))
				.toList())
			.onErrorReturn(SearchUnavailable.class, List.of());
	}

	/**
	 * The topics without their sub-topics: wide enough to find something, close enough to
	 * help.
	 */
	static List<String> mainTopics(List<String> topics) {
		return topics.stream()
			.map((topic) -> topic.contains("/") ? topic.substring(0, topic.indexOf('/')) : topic)
			.distinct()
			.toList();
	}

}
