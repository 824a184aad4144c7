package de.pinnwand.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import de.pinnwand.listings.ListingKind;
import de.pinnwand.listings.TimeFrame;
import de.pinnwand.listings.TopicTree;
import de.pinnwand.places.Gazetteer;
import de.pinnwand.places.Place;
import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.Languages;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Turns the query string of the search page and the search API into a bounded
 * {@link ListingQuery}. Unknown filter values are dropped, numbers are clamped to what
 * makes sense, and only a place that cannot be found is reported back.
 */
@Component
public class SearchParameters {

	static final int DEFAULT_SIZE = 20;

	static final int MAX_SIZE = 50;

	static final int DEFAULT_RADIUS_KM = 25;

	static final int MAX_RADIUS_KM = 1000;

	private final Gazetteer gazetteer;

	private final TopicTree topicTree;

	SearchParameters(Gazetteer gazetteer, TopicTree topicTree) {
		this.gazetteer = gazetteer;
		this.topicTree = topicTree;
	}

	/**
	 * The query, and what could not be understood (at most a place that was not found).
	 */
	public record Parsed(ListingQuery query, List<FieldProblem> problems) {
	}

	public Parsed parse(MultiValueMap<String, String> params) {
		List<FieldProblem> problems = new ArrayList<>();
		String text = Optional.ofNullable(params.getFirst("q")).orElse("").strip();
		if (text.length() > ListingQuery.MAX_TEXT) {
			text = text.substring(0, ListingQuery.MAX_TEXT);
		}
		List<String> kinds = values(params, "kind").stream()
			.map((k) -> k.toUpperCase(Locale.ROOT))
			.filter((k) -> k.equals(ListingKind.OFFER.name()) || k.equals(ListingKind.REQUEST.name()))
			.toList();
		List<String> topics = values(params, "topic").stream().filter(this.topicTree::isKnown).toList();
		List<String> languages = values(params, "lang").stream().filter(Languages::isKnown).toList();
		List<String> districts = values(params, "district");
		List<String> when = values(params, "when").stream().filter(TimeFrame.SLOTS::contains).toList();
		ListingQuery.Near near = null;
		String nearInput = params.getFirst("near");
		if (nearInput != null && !nearInput.isBlank()) {
			Optional<Place> place = this.gazetteer.resolve(nearInput);
			if (place.isPresent()) {
				Place p = place.get();
				near = new ListingQuery.Near(p.postcode() + " " + p.name(), p.lat(), p.lon());
			}
			else {
				problems.add(new FieldProblem("near", "place.unknown"));
			}
		}
		int radius = clamp(integer(params.getFirst("radiusKm"), DEFAULT_RADIUS_KM), 1, MAX_RADIUS_KM);
		ListingQuery.Sort sort = sort(params.getFirst("sort"), near != null, !text.isEmpty());
		int page = clamp(integer(params.getFirst("page"), 1), 1, ListingQuery.MAX_WINDOW);
		int size = clamp(integer(params.getFirst("size"), DEFAULT_SIZE), 1, MAX_SIZE);
		String afterInput = params.getFirst("after");
		List<co.elastic.clients.elasticsearch._types.FieldValue> after = SearchCursor.decode(afterInput);
		if (afterInput != null && !afterInput.isBlank() && after == null) {
			problems.add(new FieldProblem("after", "after.invalid"));
		}
		return new Parsed(new ListingQuery(text, kinds, topics, languages, districts, when, near, radius, sort, page,
				size, after), problems);
	}

	/**
	 * Repeated parameters and comma-separated values both work: {@code topic=a&topic=b}
	 * or {@code topic=a,b}.
	 */
	private static List<String> values(MultiValueMap<String, String> params, String name) {
		LinkedHashSet<String> values = new LinkedHashSet<>();
		for (String value : Optional.ofNullable(params.get(name)).orElse(List.of())) {
			if (value == null) {
				continue;
			}
			for (String part : value.split(",")) {
				if (!part.isBlank() && part.length() <= 80) {
					values.add(part.strip());
				}
			}
		}
		return List.copyOf(values).subList(0, Math.min(values.size(), 20));
	}

	private static ListingQuery.Sort sort(String value, boolean hasPlace, boolean hasText) {
		if (value != null) {
			switch (value.toLowerCase(Locale.ROOT)) {
				case "distance":
					return hasPlace ? ListingQuery.Sort.DISTANCE : ListingQuery.Sort.NEWEST;
				case "newest":
					return ListingQuery.Sort.NEWEST;
				case "relevance":
					return hasText ? ListingQuery.Sort.RELEVANCE : ListingQuery.Sort.NEWEST;
				default:
					break;
			}
		}
		return hasText ? ListingQuery.Sort.RELEVANCE
				: (hasPlace ? ListingQuery.Sort.DISTANCE : ListingQuery.Sort.NEWEST);
	}

	private static int integer(String value, int fallback) {
		if (value == null || value.isBlank() || value.length() > 9) {
			return (value != null && value.strip().matches("\\d{10,}")) ? Integer.MAX_VALUE : fallback;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	private static int clamp(int value, int min, int max) {
		return Math.max(min, Math.min(max, value));
	}

}
