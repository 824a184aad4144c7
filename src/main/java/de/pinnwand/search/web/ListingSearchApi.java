package de.pinnwand.search.web;

import java.util.List;
import java.util.Map;

import de.pinnwand.listings.InvalidListing;
import de.pinnwand.listings.TimeFrame;
import de.pinnwand.listings.web.ListingJson;
import de.pinnwand.search.ListingDocument;
import de.pinnwand.search.ListingSearch;
import de.pinnwand.search.SearchParameters;
import de.pinnwand.search.SearchResult;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/listings?q=&kind=&topic=&lang=&district=&near=&radiusKm=&sort=&page=&size=&after=}:
 * published listings from Elasticsearch, with facet counts. For deep paging pass the
 * answer's {@code next} as {@code after}: every page then costs what the first does.
 */
@RestController
class ListingSearchApi {

	private final ListingSearch search;

	private final SearchParameters parameters;

	ListingSearchApi(ListingSearch search, SearchParameters parameters) {
		this.search = search;
		this.parameters = parameters;
	}

	/** One page of results; {@code distanceKm} is set when the query names a place. */
	record Page(long total, int page, int size, List<Item> items, Map<String, List<SearchResult.FacetCount>> facets,
			String didYouMean, String next) {
	}

	/**
	 * A listing in the result, with its distance from the query's place, and the word of
	 * its language it was found for when only the query's word in another language found
	 * it (null otherwise).
	 */
	record Item(ListingJson listing, Double distanceKm, String foundFor) {
	}

	@GetMapping("/api/v1/listings")
	Mono<Page> search(@RequestParam MultiValueMap<String, String> params) {
		SearchParameters.Parsed parsed = this.parameters.parse(params);
		if (!parsed.problems().isEmpty()) {
			return Mono.error(new InvalidListing(parsed.problems()));
		}
		return this.search.search(parsed.query())
			.map((result) -> new Page(result.total(), result.page(), result.size(),
					result.items()
						.stream()
						.map((hit) -> new Item(json(hit.listing()), hit.distanceKm(), hit.foundFor()))
						.toList(),
					result.facets(), result.didYouMean(), result.next()));
	}

	static ListingJson json(ListingDocument document) {
		return new ListingJson(document.id(), document.kind(), "PUBLISHED", document.title(), document.description(),
				document.topics(), document.languages(), document.textLanguage(),
				new ListingJson.PlaceJson(document.placeName(), document.postcode(), document.district(),
						document.location().lat(), document.location().lon()),
				document.reachKm(), ListingJson.TimeFrameJson.of(TimeFrame.parse(document.timeFrame())),
				document.capacity(), document.languageNeed(), null, null,
				java.time.Instant.ofEpochMilli(document.createdAt()),
				java.time.Instant.ofEpochMilli(document.expiresAt()), null, null);
	}

}
