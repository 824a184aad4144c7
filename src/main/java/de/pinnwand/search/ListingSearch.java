package de.pinnwand.search;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import de.pinnwand.listings.TopicTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Finds published listings by text, kind, topic, language and distance; answers from
 * Elasticsearch.
 */
@Service
public class ListingSearch {

	private static final Logger logger = LoggerFactory.getLogger(ListingSearch.class);

	/**
	 * Fewer hits than this are 'little': only then does a result offer 'did you mean'.
	 */
	static final int FEW = 3;

	private final ElasticsearchAsyncClient client;

	private final ListingIndex index;

	private final Concepts concepts;

	private final SearchRequests requests;

	private final SearchResults results;

	ListingSearch(ElasticsearchAsyncClient client, ListingIndex index, TopicTree topicTree, Synonyms synonyms,
			Concepts concepts) {
		this.client = client;
		this.index = index;
		this.concepts = concepts;
		this.requests = new SearchRequests(index.alias(), synonyms, new Facets(topicTree));
		this.results = new SearchResults(concepts);
	}

	/**
	 * Searches; fails with {@link SearchUnavailable} when Elasticsearch cannot answer.
	 */
	public Mono<SearchResult> search(ListingQuery query) {
		if (query.after() == null && query.from() + query.size() > ListingQuery.MAX_WINDOW) {
			return Mono.just(new SearchResult(0, List.of(), Map.of(), query.page(), query.size(), null, null));
		}
		return run(query, Tolerance.EXACT).flatMap((exact) -> {
			if (exact.correction() != null) {
				// The correction is searched too; it is offered only when the words as
				// typed found little.
				boolean little = exact.result().total() < FEW;
				return run(query, Tolerance.corrected(exact.correction()))
					.map((tolerant) -> little ? tolerant.result().correctedTo(exact.correction()) : tolerant.result());
			}
			boolean nothingFound = exact.result().total() == 0 && !query.text().isBlank();
			return nothingFound ? run(query, Tolerance.TYPOS).map(Phase::result) : Mono.just(exact.result());
		});
	}

	/**
	 * How forgiving a query is. The exact phase is all that a query costs whose words the
	 * index knows. A word the index holds nowhere as a whole word (it may still be a
	 * compound part: 'Fahrad' hits the 'fahr' of 'Kinderfahrrad') is a typo, and the
	 * exact phase brings its closest known spelling along; the tolerant phase then
	 * searches with that spelling too. Fuzzy matching is the most expensive part of a
	 * query: it only runs in the tolerant phase, which is also the only one that can end
	 * with no hits and so needs 'did you mean'.
	 */
	record Tolerance(boolean fuzzy, String correction) {

		static final Tolerance EXACT = new Tolerance(false, null);

		static final Tolerance TYPOS = new Tolerance(true, null);

		static Tolerance corrected(String correction) {
			return new Tolerance(true, correction);
		}

	}

	/**
	 * A phase's result, and the query's closest known spelling when a word of it is
	 * unknown to the index.
	 */
	record Phase(SearchResult result, String correction) {
	}

	private Mono<Phase> run(ListingQuery query, Tolerance tolerance) {
		CrossLanguage crossLanguage = CrossLanguage.of(this.concepts, query.text());
		SearchRequest request = this.requests.request(query, tolerance, crossLanguage);
		return this.index.call(() -> this.client.search(request, ListingDocument.class))
			.doOnError((ex) -> logger.warn("Search failed: " + ex.getMessage()))
			.map((response) -> new Phase(this.results.result(query, response, crossLanguage),
					tolerance.fuzzy() ? null : this.results.corrected(query.text(), response,
							SearchRequests.UNKNOWN_IN_TITLES, SearchRequests.UNKNOWN_IN_DESCRIPTIONS)));
	}

	/**
	 * Which of these searches find the listing, in one round trip: each search runs
	 * exactly as the search page would (text, time, place and facet filters), narrowed to
	 * this one listing. For saved searches.
	 */
	public Mono<List<Boolean>> whichFind(UUID listingId, List<ListingQuery> queries) {
		if (queries.isEmpty()) {
			return Mono.just(List.of());
		}
		List<RequestItem> searches = queries.stream()
			.map((query) -> RequestItem.of((item) -> item.header((h) -> h.index(this.index.alias()))
				.body((b) -> b.size(0)
					.trackTotalHits((t) -> t.enabled(true))
					.query((q) -> q.bool((bool) -> bool
						.must(this.requests.query(query, Tolerance.EXACT,
								CrossLanguage.of(this.concepts, query.text())))
						.filter(Facets.filterQuery(Facets.filters(query), null))
						.filter((f) -> f.ids((ids) -> ids.values(listingId.toString()))))))))
			.toList();
		return this.index.call(() -> this.client.msearch((m) -> m.searches(searches), ListingDocument.class))
			.map((response) -> response.responses()
				.stream()
				.map((item) -> item.isResult() && item.result().hits().total() != null
						&& item.result().hits().total().value() > 0)
				.toList());
	}

	/** Whether the listing can be found yet (it is indexed and the index refreshed). */
	public Mono<Boolean> isSearchable(UUID listingId) {
		return this.index
			.call(() -> this.client.count(
					(c) -> c.index(this.index.alias()).query((q) -> q.ids((ids) -> ids.values(listingId.toString())))))
			.map((response) -> response.count() > 0);
	}

	/**
	 * Titles of published listings that start like the typed text, for suggestions while
	 * typing.
	 */
	public Mono<List<String>> titlesStartingWith(String text, int limit) {
		String prefix = (text.length() > 60) ? text.substring(0, 60) : text;
		SearchRequest request = SearchRequest.of(
				(s) -> s.index(this.index.alias())
					.size(limit)
					.query((q) -> q.bool((b) -> b
						.filter((f) -> f.range((r) -> r.date((d) -> d.field("expiresAt").gt("now"))))
						.must((m) -> m.matchPhrasePrefix((p) -> p.field("title").query(prefix).maxExpansions(20))))));
		return this.index.call(() -> this.client.search(request, ListingDocument.class))
			.map((response) -> response.hits()
				.hits()
				.stream()
				.filter((hit) -> hit.source() != null)
				.map((hit) -> hit.source().title())
				.distinct()
				.toList());
	}

	SearchRequest request(ListingQuery query, Tolerance tolerance) {
		return this.requests.request(query, tolerance, CrossLanguage.of(this.concepts, query.text()));
	}

}
