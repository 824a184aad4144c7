package de.pinnwand.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.TermsAggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import de.pinnwand.listings.TopicTree;

/**
 * The facets of a search (kind, topics, languages, district, and the chosen topics'
 * sub-topics): each counted with every facet filter applied except its own, so that its
 * other values stay visible, and the facet filters as the post filter that narrows the
 * hits.
 */
final class Facets {

	static final List<String> FACETS = List.of("kind", "topics", "languages", "district");

	/**
	 * The facet of the chosen topics' sub-topics, counted like the topic facet; empty
	 * while no topic is chosen.
	 */
	static final String SUBTOPICS = "subtopics";

	private static final String VALUES = "values";

	private final TopicTree topicTree;

	Facets(TopicTree topicTree) {
		this.topicTree = topicTree;
	}

	/** The facet filters of the query by field, in the order of {@link #FACETS}. */
	static Map<String, List<String>> filters(ListingQuery query) {
		Map<String, List<String>> filters = new LinkedHashMap<>();
		filters.put("kind", query.kinds());
		filters.put("topics", query.topics());
		filters.put("languages", query.languages());
		filters.put("district", query.districts());
		return filters;
	}

	/**
	 * The facet filters as one query, leaving out {@code except}; match-all when none is
	 * set.
	 */
	static Query filterQuery(Map<String, List<String>> filters, String except) {
		BoolQuery.Builder bool = new BoolQuery.Builder();
		filters.forEach((field, values) -> {
			if (!field.equals(except) && !values.isEmpty()) {
				List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
				bool.filter((f) -> f.terms((t) -> t.field(field).terms((v) -> v.value(terms))));
			}
		});
		return Query.of((q) -> q.bool(bool.build()));
	}

	/** Whether a filter other than {@code except} is set. */
	private static boolean anyFilter(Map<String, List<String>> filters, String except) {
		return filters.entrySet().stream().anyMatch((e) -> !e.getKey().equals(except) && !e.getValue().isEmpty());
	}

	/**
	 * Adds the post filter and the facets' aggregations. Without facet filters (most
	 * searches) a facet is a plain terms aggregation and there is no post filter: a
	 * filter aggregation around it, even a match-all one, costs Elasticsearch a second
	 * pass over every matching listing for each facet.
	 */
	void addTo(SearchRequest.Builder search, ListingQuery query) {
		Map<String, List<String>> filters = filters(query);
		if (anyFilter(filters, null)) {
			search.postFilter(filterQuery(filters, null));
		}
		for (String facet : FACETS) {
			// A listing carries its sub-topics' parents too; the topic facet counts the
			// parents only.
			List<String> only = facet.equals("topics") ? this.topicTree.parents() : List.of();
			search.aggregations(facet, aggregation(filters, facet, facet, only, 30));
		}
		List<String> subtopics = subtopicsOfChosenTopics(query);
		if (!subtopics.isEmpty()) {
			// Counted with the same filters as the topic facet: a sub-topic's listings
			// all carry its parent.
			search.aggregations(SUBTOPICS, aggregation(filters, "topics", "topics", subtopics, 0));
		}
	}

	/**
	 * Counts of the field's values among the listings that pass the filters but
	 * {@code except}'s; {@code only} those values if given.
	 */
	private static Aggregation aggregation(Map<String, List<String>> filters, String except, String field,
			List<String> only, int size) {
		TermsAggregation terms = TermsAggregation.of((t) -> {
			t.field(field).size(Math.max(size, only.size()));
			if (!only.isEmpty()) {
				t.include((i) -> i.terms(only));
			}
			return t;
		});
		if (!anyFilter(filters, except)) {
			return Aggregation.of((a) -> a.terms(terms));
		}
		return Aggregation.of((a) -> a.filter(filterQuery(filters, except))
			.aggregations(VALUES, Aggregation.of((v) -> v.terms(terms))));
	}

	/**
	 * The sub-topics of every topic the query filters by, or of the parent of a sub-topic
	 * it filters by.
	 */
	private List<String> subtopicsOfChosenTopics(ListingQuery query) {
		return query.topics()
			.stream()
			.map(TopicTree::parentOf)
			.distinct()
			.flatMap((parent) -> this.topicTree.subtopicsOf(parent).stream())
			.toList();
	}

	/**
	 * The counts of every facet in the response, {@link #SUBTOPICS} included (empty when
	 * not asked for).
	 */
	static Map<String, List<SearchResult.FacetCount>> counts(SearchResponse<ListingDocument> response) {
		Map<String, List<SearchResult.FacetCount>> facets = new LinkedHashMap<>();
		for (String facet : FACETS) {
			facets.put(facet, counts(response, facet));
		}
		facets.put(SUBTOPICS, counts(response, SUBTOPICS));
		return facets;
	}

	private static List<SearchResult.FacetCount> counts(SearchResponse<ListingDocument> response, String facet) {
		Aggregate aggregate = response.aggregations().get(facet);
		if (aggregate != null && aggregate.isFilter()) {
			aggregate = aggregate.filter().aggregations().get(VALUES);
		}
		List<SearchResult.FacetCount> counts = new ArrayList<>();
		if (aggregate != null && aggregate.isSterms()) {
			aggregate.sterms()
				.buckets()
				.array()
				.forEach((b) -> counts.add(new SearchResult.FacetCount(b.key().stringValue(), b.docCount())));
		}
		return counts;
	}

}
