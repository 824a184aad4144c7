package de.pinnwand.search.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import de.pinnwand.listings.TopicTree;
import de.pinnwand.places.Gazetteer;
import de.pinnwand.search.ListingSearch;
import de.pinnwand.search.SearchUnavailable;
import de.pinnwand.web.Messages;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/suggestions?q=}: while someone types, topics (in their language),
 * places and titles of listings that start like it. Titles come from search; while it is
 * away the other suggestions still come.
 */
@RestController
class SuggestionsApi {

	private static final int LIMIT = 5;

	private final ListingSearch search;

	private final Gazetteer gazetteer;

	private final TopicTree topicTree;

	private final Messages messages;

	SuggestionsApi(ListingSearch search, Gazetteer gazetteer, TopicTree topicTree, Messages messages) {
		this.search = search;
		this.gazetteer = gazetteer;
		this.topicTree = topicTree;
		this.messages = messages;
	}

	/** Suggestions of each kind. */
	record Suggestions(List<Topic> topics, List<Place> places, List<String> titles) {
	}

	/** A topic or sub-topic: its code (a search filter) and label. */
	record Topic(String code, String label) {
	}

	/** A place: its postcode and name. */
	record Place(String postcode, String name) {
	}

	@GetMapping("/api/v1/suggestions")
	Mono<Suggestions> suggest(@RequestParam(name = "q", required = false) String q, ServerWebExchange exchange) {
		String text = (q == null) ? "" : q.strip();
		if (text.length() < 2) {
			return Mono.just(new Suggestions(List.of(), List.of(), List.of()));
		}
		Locale locale = Messages.localeOf(exchange);
		String lower = text.toLowerCase(locale);
		// Parents before their sub-topics: 'Gesundheit' comes before 'Psychische
		// Gesundheit'.
		List<Topic> topics = this.topicTree.topics()
			.stream()
			.flatMap((topic) -> Stream.concat(Stream.of(topic.code()), topic.subtopics().stream()))
			.map((code) -> new Topic(code, this.messages.get(locale, "topic." + code)))
			.filter((topic) -> topic.label().toLowerCase(locale).contains(lower))
			.limit(LIMIT)
			.toList();
		List<Place> places = this.gazetteer.suggest(text, LIMIT)
			.stream()
			.map((place) -> new Place(place.postcode(), place.name()))
			.toList();
		return this.search.titlesStartingWith(text, LIMIT)
			.onErrorReturn(SearchUnavailable.class, List.of())
			.map((titles) -> new Suggestions(topics, places, titles));
	}

}
