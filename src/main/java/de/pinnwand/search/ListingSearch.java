package de.pinnwand.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.GeoDistanceType;
import co.elastic.clients.elasticsearch._types.GeoLocation;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.SuggestMode;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScore;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import de.pinnwand.listings.TimeFrame;
import de.pinnwand.listings.TopicTree;
import de.pinnwand.places.Gazetteer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Finds published listings by text, kind, topic, language and distance; answers from Elasticsearch. */
@Service
public class ListingSearch {

	private static final Log logger = LogFactory.getLog(ListingSearch.class);

	static final List<String> FACETS = List.of("kind", "topics", "languages", "district");

	/** Fields of the indexed listing that only searching uses. */
	static final List<String> SEARCH_ONLY_FIELDS = List.of("text", "timeSlots");

	/**
	 * The facet of the chosen topics' sub-topics, counted like the topic facet; empty while no topic is chosen.
	 */
	static final String SUBTOPICS = "subtopics";

	/** The analysed texts: folded in every language, and each listing's own language with its stemmer. */
	private static final List<String> WORD_FIELDS = List.of("title^3", "description", "text.*.title^3",
			"text.*.description");

	/** The analysed texts and the parts of compounds ('fahrrad' in 'Kinderfahrrad'). */
	private static final List<String> WORD_AND_PART_FIELDS = List.of("title^3", "description", "text.*.title^3",
			"text.*.description", "title.compound^1.5", "description.compound^0.5");

	private static final String UNKNOWN_IN_TITLES = "unknownInTitles";

	private static final String UNKNOWN_IN_DESCRIPTIONS = "unknownInDescriptions";

	private static final String DID_YOU_MEAN = "didYouMean";

	/** Fewer hits than this are 'little': only then does a result offer 'did you mean'. */
	static final int FEW = 3;

	private final ElasticsearchAsyncClient client;

	private final ListingIndex index;

	private final TopicTree topicTree;

	private final Synonyms synonyms;

	private final Concepts concepts;

	ListingSearch(ElasticsearchAsyncClient client, ListingIndex index, TopicTree topicTree, Synonyms synonyms,
			Concepts concepts) {
		this.client = client;
		this.index = index;
		this.topicTree = topicTree;
		this.synonyms = synonyms;
		this.concepts = concepts;
	}

	/** Searches; fails with {@link SearchUnavailable} when Elasticsearch cannot answer. */
	public Mono<SearchResult> search(ListingQuery query) {
		if (query.after() == null && query.from() + query.size() > ListingQuery.MAX_WINDOW) {
			return Mono.just(new SearchResult(0, List.of(), Map.of(), query.page(), query.size(), null, null));
		}
		return run(query, Tolerance.EXACT).flatMap((exact) -> {
			if (exact.correction() != null) {
				// The correction is searched too; it is offered only when the words as typed found little.
				boolean little = exact.result().total() < FEW;
				return run(query, Tolerance.corrected(exact.correction()))
					.map((tolerant) -> little ? tolerant.result().correctedTo(exact.correction()) : tolerant.result());
			}
			boolean nothingFound = exact.result().total() == 0 && !query.text().isBlank();
			return nothingFound ? run(query, Tolerance.TYPOS).map(Phase::result) : Mono.just(exact.result());
		});
	}

	/**
	 * How forgiving a query is. The exact phase is all that a query costs whose words the index knows. A word the
	 * index holds nowhere as a whole word (it may still be a compound part: 'Fahrad' hits the 'fahr' of
	 * 'Kinderfahrrad') is a typo, and the exact phase brings its closest known spelling along; the tolerant phase
	 * then searches with that spelling too. Fuzzy matching is the most expensive part of a query: it only runs in
	 * the tolerant phase, which is also the only one that can end with no hits and so needs 'did you mean'.
	 */
	record Tolerance(boolean fuzzy, String correction) {

		static final Tolerance EXACT = new Tolerance(false, null);

		static final Tolerance TYPOS = new Tolerance(true, null);

		static Tolerance corrected(String correction) {
			return new Tolerance(true, correction);
		}

	}

	/** A phase's result, and the query's closest known spelling when a word of it is unknown to the index. */
	record Phase(SearchResult result, String correction) {
	}

	private Mono<Phase> run(ListingQuery query, Tolerance tolerance) {
		CrossLanguage crossLanguage = CrossLanguage.of(this.concepts, query.text());
		SearchRequest request = request(query, tolerance, crossLanguage);
		return this.index.call(() -> this.client.search(request, ListingDocument.class))
			.doOnError((ex) -> logger.warn("Search failed: " + ex.getMessage()))
			.map((response) -> new Phase(result(query, response, crossLanguage),
					tolerance.fuzzy() ? null
							: corrected(query.text(), response, UNKNOWN_IN_TITLES, UNKNOWN_IN_DESCRIPTIONS)));
	}

	/**
	 * Which of these searches find the listing, in one round trip: each search runs exactly as the search page
	 * would (text, time, place and facet filters), narrowed to this one listing. For saved searches.
	 */
	public Mono<List<Boolean>> whichFind(java.util.UUID listingId, List<ListingQuery> queries) {
		if (queries.isEmpty()) {
			return Mono.just(List.of());
		}
		List<co.elastic.clients.elasticsearch.core.msearch.RequestItem> searches = queries.stream()
			.map((query) -> co.elastic.clients.elasticsearch.core.msearch.RequestItem.of((item) -> item
				.header((h) -> h.index(this.index.alias()))
				.body((b) -> b.size(0).trackTotalHits((t) -> t.enabled(true))
					.query((q) -> q.bool((bool) -> bool
						.must(query(query, Tolerance.EXACT, CrossLanguage.of(this.concepts, query.text())))
						.filter(facetQuery(facetFilters(query), null))
						.filter((f) -> f.ids((ids) -> ids.values(listingId.toString()))))))))
			.toList();
		return this.index.call(() -> this.client.msearch((m) -> m.searches(searches), ListingDocument.class))
			.map((response) -> response.responses().stream()
				.map((item) -> item.isResult() && item.result().hits().total() != null
						&& item.result().hits().total().value() > 0)
				.toList());
	}

	/** Whether the listing can be found yet (it is indexed and the index refreshed). */
	public Mono<Boolean> isSearchable(java.util.UUID listingId) {
		return this.index.call(() -> this.client.count((c) -> c.index(this.index.alias())
			.query((q) -> q.ids((ids) -> ids.values(listingId.toString())))))
			.map((response) -> response.count() > 0);
	}

	/** Titles of published listings that start like the typed text, for suggestions while typing. */
	public Mono<List<String>> titlesStartingWith(String text, int limit) {
		String prefix = (text.length() > 60) ? text.substring(0, 60) : text;
		SearchRequest request = SearchRequest.of((s) -> s.index(this.index.alias())
			.size(limit)
			.query((q) -> q.bool((b) -> b
				.filter((f) -> f.range((r) -> r.date((d) -> d.field("expiresAt").gt("now"))))
				.must((m) -> m.matchPhrasePrefix((p) -> p.field("title").query(prefix).maxExpansions(20))))));
		return this.index.call(() -> this.client.search(request, ListingDocument.class))
			.map((response) -> response.hits().hits().stream()
				.filter((hit) -> hit.source() != null)
				.map((hit) -> hit.source().title())
				.distinct()
				.toList());
	}

	SearchRequest request(ListingQuery query, Tolerance tolerance) {
		return request(query, tolerance, CrossLanguage.of(this.concepts, query.text()));
	}

	private SearchRequest request(ListingQuery query, Tolerance tolerance, CrossLanguage crossLanguage) {
		Map<String, List<String>> facetFilters = facetFilters(query);
		return SearchRequest.of((s) -> {
			s.index(this.index.alias())
				.query(query(query, tolerance, crossLanguage))
				.postFilter(facetQuery(facetFilters, null))
				// The per-language copies of the texts and the time slots are for searching; no result shows them,
				// and they are about half of each hit's bytes to read.
				.source((src) -> src.filter((f) -> f.excludes(SEARCH_ONLY_FIELDS)))
				.from(query.from())
				.size(query.size())
				// Counting stops where paging does: past it a broad query would count every match of a large board,
				// and no page beyond it can be shown anyway.
				.trackTotalHits((t) -> t.count(ListingQuery.MAX_WINDOW));
			switch (query.sort()) {
				case NEWEST -> s.sort((o) -> o.field((f) -> f.field("createdAt").order(SortOrder.Desc)));
				case DISTANCE -> {
					if (query.near() != null) {
						s.sort((o) -> o.geoDistance((g) -> g.field("location")
							.location((l) -> l.latlon((ll) -> ll.lat(query.near().lat()).lon(query.near().lon())))
							.order(SortOrder.Asc)
							.distanceType(GeoDistanceType.Arc)));
					}
				}
				default -> s.sort((o) -> o.score((sc) -> sc.order(SortOrder.Desc)));
			}
			// A stable order for equal scores, so paging never repeats or skips a listing.
			s.sort((o) -> o.field((f) -> f.field("createdAt").order(SortOrder.Desc)));
			s.sort((o) -> o.field((f) -> f.field("id").order(SortOrder.Asc)));
			if (query.after() != null) {
				s.searchAfter(query.after());
			}
			if (!query.text().isBlank() && !tolerance.fuzzy()) {
				// Only words missing from the index as a whole word are looked up (otherwise one dictionary lookup
				// per word and field); they are the typos the tolerant phase corrects.
				s.suggest((sg) -> sg.text(query.text())
					.suggesters(UNKNOWN_IN_TITLES, (d) -> d.term((t) -> t.field("title")
						.suggestMode(SuggestMode.Missing).size(1).minWordLength(4)))
					.suggesters(UNKNOWN_IN_DESCRIPTIONS, (d) -> d.term((t) -> t.field("description")
						.suggestMode(SuggestMode.Missing).size(1).minWordLength(4))));
			}
			if (tolerance.fuzzy()) {
				// Only the tolerant phase can end with no hits, the one case 'did you mean' is for.
				s.suggest((sg) -> sg.text(query.text())
					.suggesters(DID_YOU_MEAN, (d) -> d.term((t) -> t.field("title").suggestMode(SuggestMode.Popular)
						.size(1).minWordLength(4))));
			}
			// Each facet is counted with every filter applied except its own, so its other values stay visible.
			for (String facet : FACETS) {
				// A listing carries its sub-topics' parents too; the topic facet counts the parents only.
				List<String> only = facet.equals("topics") ? this.topicTree.parents() : List.of();
				s.aggregations(facet, facet(facetQuery(facetFilters, facet), facet, only, 30));
			}
			List<String> subtopics = subtopicsOfChosenTopics(query);
			if (!subtopics.isEmpty()) {
				// Counted with the same filters as the topic facet: a sub-topic's listings all carry its parent.
				s.aggregations(SUBTOPICS, facet(facetQuery(facetFilters, "topics"), "topics", subtopics, 0));
			}
			return s;
		});
	}

	/** Counts of the field's values among the listings that pass the filter; {@code only} those values if given. */
	private static Aggregation facet(Query filter, String field, List<String> only, int size) {
		return Aggregation.of((a) -> a.filter(filter)
			.aggregations("values", Aggregation.of((v) -> v.terms((t) -> {
				t.field(field).size(Math.max(size, only.size()));
				if (!only.isEmpty()) {
					t.include((i) -> i.terms(only));
				}
				return t;
			}))));
	}

	/** The sub-topics of every topic the query filters by, or of the parent of a sub-topic it filters by. */
	private List<String> subtopicsOfChosenTopics(ListingQuery query) {
		return query.topics().stream()
			.map(TopicTree::parentOf)
			.distinct()
			.flatMap((parent) -> this.topicTree.subtopicsOf(parent).stream())
			.toList();
	}

	private static Map<String, List<String>> facetFilters(ListingQuery query) {
		Map<String, List<String>> filters = new LinkedHashMap<>();
		filters.put("kind", query.kinds());
		filters.put("topics", query.topics());
		filters.put("languages", query.languages());
		filters.put("district", query.districts());
		return filters;
	}

	/** The facet filters as one query, leaving out {@code except}; match-all when none is set. */
	private static Query facetQuery(Map<String, List<String>> filters, String except) {
		BoolQuery.Builder bool = new BoolQuery.Builder();
		filters.forEach((field, values) -> {
			if (!field.equals(except)) {
				termsFilter(bool, field, values);
			}
		});
		return Query.of((q) -> q.bool(bool.build()));
	}

	/**
	 * Text relevance, and for every query nearness and freshness: a listing close to the searched place and a
	 * recent one rank higher, smoothly (Gaussian decay) rather than in steps.
	 */
	private Query query(ListingQuery query, Tolerance tolerance, CrossLanguage crossLanguage) {
		BoolQuery.Builder bool = new BoolQuery.Builder();
		bool.filter((f) -> f.range((r) -> r.date((d) -> d.field("expiresAt").gt("now"))));
		if (!query.text().isBlank()) {
			bool.must((m) -> m.bool((b) -> {
				b.should((sh) -> sh.multiMatch((mm) -> mm.query(query.text())
					.fields(WORD_AND_PART_FIELDS)
					.type(TextQueryType.BestFields)
					.queryName(CrossLanguage.TYPED)));
				// Synonyms count a little less than the words typed; a phrase must match as a phrase, and not
				// among the compound parts, where its words would match anywhere.
				for (String alternative : this.synonyms.alternativesFor(query.text())) {
					boolean phrase = alternative.indexOf(' ') >= 0;
					b.should((sh) -> sh.multiMatch((mm) -> mm.query(alternative)
						.fields(phrase ? WORD_FIELDS : WORD_AND_PART_FIELDS)
						.type(phrase ? TextQueryType.Phrase : TextQueryType.BestFields)
						.boost(0.8f)
						.queryName(CrossLanguage.TYPED)));
				}
				if (tolerance.correction() != null) {
					// The query as the index spells it, like a synonym: 'fahrrad' also finds 'Kinderfahrrad'.
					b.should((sh) -> sh.multiMatch((mm) -> mm.query(tolerance.correction())
						.fields(WORD_AND_PART_FIELDS)
						.type(TextQueryType.BestFields)
						.boost(0.8f)
						.queryName(CrossLanguage.TYPED)));
				}
				if (tolerance.fuzzy()) {
					// Small typos still find something, ranked below exact matches.
					b.should((sh) -> sh.multiMatch((mm) -> mm.query(query.text())
						.fields("title", "description")
						.fuzziness("AUTO")
						.prefixLength(1)
						.boost(0.5f)
						.queryName(CrossLanguage.TYPED)));
				}
				// The same thing in the other languages, and the topics it belongs to.
				crossLanguage.clauses().forEach(b::should);
				return b.minimumShouldMatch("1");
			}));
		}
		for (String slot : query.when()) {
			bool.filter((f) -> f.terms((t) -> t.field("timeSlots")
				.terms((v) -> v.value(List.of(FieldValue.of(slot), FieldValue.of(TimeFrame.ANY))))));
		}
		if (query.near() != null) {
			bool.filter((f) -> f.geoDistance((g) -> g.field("location")
				.distance(query.radiusKm() + "km")
				.location((l) -> l.latlon((ll) -> ll.lat(query.near().lat()).lon(query.near().lon())))));
		}
		Query filtered = Query.of((q) -> q.bool(bool.build()));
		List<FunctionScore> functions = new ArrayList<>();
		functions.add(FunctionScore.of((fn) -> fn.gauss((g) -> g.date((d) -> d.field("createdAt")
			.placement((p) -> p.origin("now").scale(Time.of((t) -> t.time("30d"))).decay(0.5)))).weight(0.5)));
		if (query.near() != null) {
			String scale = Math.max(1, query.radiusKm() / 2) + "km";
			functions.add(FunctionScore.of((fn) -> fn.gauss((g) -> g.geo((geo) -> geo.field("location")
				.placement((p) -> p.origin(GeoLocation.of((o) -> o.latlon((ll) -> ll.lat(query.near().lat())
						.lon(query.near().lon()))))
					.scale(scale)
					.decay(0.5))))
				.weight(1.0)));
		}
		if (!query.text().isBlank()) {
			functions.addAll(crossLanguage.rankOwnLanguageFirst());
		}
		return Query.of((q) -> q.functionScore((fs) -> fs.query(filtered)
			.functions(functions)
			.scoreMode(FunctionScoreMode.Sum)
			.boostMode(FunctionBoostMode.Multiply)));
	}

	private static void termsFilter(BoolQuery.Builder bool, String field, List<String> values) {
		if (!values.isEmpty()) {
			List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
			bool.filter((f) -> f.terms((t) -> t.field(field).terms((v) -> v.value(terms))));
		}
	}

	private SearchResult result(ListingQuery query, SearchResponse<ListingDocument> response,
			CrossLanguage crossLanguage) {
		List<SearchResult.Hit> items = new ArrayList<>();
		for (Hit<ListingDocument> hit : response.hits().hits()) {
			ListingDocument listing = hit.source();
			Double distance = (query.near() != null && listing != null)
					? Gazetteer.distanceKm(query.near().lat(), query.near().lon(), listing.location().lat(),
							listing.location().lon())
					: null;
			String foundFor = (listing != null) ? crossLanguage.foundFor(hit.matchedQueries(), listing.textLanguage())
					: null;
			items.add(new SearchResult.Hit(listing, distance, foundFor));
		}
		Map<String, List<SearchResult.FacetCount>> facets = new LinkedHashMap<>();
		for (String facet : FACETS) {
			facets.put(facet, counts(response, facet));
		}
		facets.put(SUBTOPICS, counts(response, SUBTOPICS));
		long total = (response.hits().total() != null) ? response.hits().total().value() : items.size();
		List<Hit<ListingDocument>> hits = response.hits().hits();
		String next = (hits.size() == query.size()) ? SearchCursor.encode(hits.get(hits.size() - 1).sort()) : null;
		return new SearchResult(total, items, facets, query.page(), query.size(),
				(total == 0) ? corrected(query.text(), response, DID_YOU_MEAN) : null, next);
	}

	private static List<SearchResult.FacetCount> counts(SearchResponse<ListingDocument> response, String facet) {
		Aggregate filtered = response.aggregations().get(facet);
		Aggregate aggregate = (filtered != null && filtered.isFilter()) ? filtered.filter().aggregations().get("values")
				: null;
		List<SearchResult.FacetCount> counts = new ArrayList<>();
		if (aggregate != null && aggregate.isSterms()) {
			aggregate.sterms().buckets().array()
				.forEach((b) -> counts.add(new SearchResult.FacetCount(b.key().stringValue(), b.docCount())));
		}
		return counts;
	}

	/**
	 * The query's words with each one replaced by the closest spelling the suggesters found for it (the most
	 * frequent where several did); null when they found none. A word of the concept lexicon is no typo, even where no
	 * listing uses that form ('квартира' when listings say 'квартиру'); signs around words are left out, so a
	 * correction is words only ('<script>' never comes back as markup).
	 */
	private String corrected(String text, SearchResponse<ListingDocument> response, String... suggesters) {
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
		best.forEach((offset, option) -> corrected.replace(offset, Math.min(corrected.length(), offset + option.length()),
				option.text()));
		String words = corrected.toString().replaceAll("[^\\p{L}\\p{N}\\p{M}]+", " ").strip();
		return words.isEmpty() ? null : words;
	}

	/** A suggester's best spelling for the word of this length at an offset, and in how many listings it is. */
	private record Spelling(int length, String text, long freq) {
	}

}
