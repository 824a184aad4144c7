package de.pinnwand.search.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.pinnwand.listings.TimeFrame;
import de.pinnwand.listings.TopicTree;
import de.pinnwand.listings.web.ListingView;
import de.pinnwand.search.ListingQuery;
import de.pinnwand.search.SearchResult;
import de.pinnwand.system.Languages;
import de.pinnwand.web.Messages;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/** The results page as the template shows it. */
record SearchPageView(String q, String near, String radiusKm, List<SortOption> sorts, List<SortOption> whens,
		boolean unavailable, String notice, String summary, List<Item> items, boolean empty, List<Facet> facets,
		String previousHref, String nextHref, String didYouMean, String didYouMeanHref,
		List<SearchFilters.Hidden> hidden, List<SearchFilters.Chip> chips, boolean hasChips) {

	/** An order the results can have. */
	record SortOption(String value, String label, boolean selected) {
	}

	static List<SortOption> whens(List<String> chosen, Messages messages, Locale locale) {
		List<SortOption> options = new ArrayList<>();
		options.add(new SortOption("", messages.get(locale, "search.when.any"), chosen.isEmpty()));
		TimeFrame.SLOTS.forEach((slot) -> options
			.add(new SortOption(slot, messages.get(locale, "search.when." + slot), chosen.contains(slot))));
		return options;
	}

	static List<SortOption> sorts(ListingQuery.Sort current, Messages messages, Locale locale) {
		return Arrays.stream(ListingQuery.Sort.values())
			.map((sort) -> new SortOption(sort.name().toLowerCase(Locale.ROOT),
					messages.get(locale, "search.sort." + sort.name().toLowerCase(Locale.ROOT)), sort == current))
			.toList();
	}

	/**
	 * A listing in the list; {@code foundFor} says which word of its language found it,
	 * when another did.
	 */
	record Item(String href, String title, String kindLabel, boolean offer, String textLanguage, String place,
			String distance, String topics, String languages, String foundFor) {
	}

	/** A facet with its values; each value links to the search narrowed by it. */
	record Facet(String label, List<Value> values) {
	}

	/**
	 * A facet value: its label, count and link, whether the search is narrowed by it, and
	 * the values nested under it (a chosen topic's sub-topics).
	 */
	record Value(String label, String count, String href, String lang, boolean selected, List<Value> nested,
			boolean hasNested) {
	}

	static SearchPageView of(ListingQuery query, SearchResult result, String notice, Messages messages,
			ServerWebExchange exchange) {
		Locale locale = Messages.localeOf(exchange);
		List<Item> items = result.items().stream().map((hit) -> {
			var listing = hit.listing();
			return new Item("/listings/" + listing.id(), listing.title(),
					messages.get(locale, "kind." + listing.kind().toLowerCase(Locale.ROOT)),
					"OFFER".equals(listing.kind()), listing.textLanguage(),
					listing.postcode() + " " + listing.placeName(),
					(hit.distanceKm() != null)
							? messages.get(locale, "search.distance", messages.number(locale, hit.distanceKm(), 1))
							: null,
					String.join(" · ", ListingView.topics(listing.topics(), messages, locale)),
					String.join(" · ", listing.languages().stream().map(Languages::endonym).toList()),
					(hit.foundFor() != null) ? messages.get(locale, "search.found-for", hit.foundFor()) : null);
		}).toList();
		List<SearchResult.FacetCount> subtopics = result.facets().getOrDefault("subtopics", List.of());
		List<Facet> facets = new ArrayList<>();
		for (Map.Entry<String, List<SearchResult.FacetCount>> facet : result.facets().entrySet()) {
			if (facet.getKey().equals("subtopics")) {
				continue;
			}
			List<Value> values = facet.getValue().stream().map((count) -> {
				// A chosen topic shows its sub-topics beneath it.
				List<Value> nested = facet.getKey().equals("topics") ? subtopics.stream()
					.filter((sub) -> TopicTree.parentOf(sub.value()).equals(count.value()))
					.map((sub) -> value("topics", sub, query, List.of(), messages, locale, exchange))
					.toList() : List.<Value>of();
				return value(facet.getKey(), count, query, nested, messages, locale, exchange);
			}).toList();
			if (!values.isEmpty()) {
				facets.add(new Facet(messages.get(locale, "facet." + facet.getKey()), values));
			}
		}
		String summary = messages.get(locale, "search.summary", result.total());
		List<SearchFilters.Chip> chips = SearchFilters.chips(query, exchange.getRequest().getQueryParams(), messages,
				locale);
		return new SearchPageView(query.text(), (query.near() != null) ? query.near().label() : "",
				Integer.toString(query.radiusKm()), sorts(query.sort(), messages, locale),
				whens(query.when(), messages, locale), false, notice, summary, items, items.isEmpty(), facets,
				(result.page() > 1) ? pageLink(exchange, result.page() - 1) : null,
				result.hasNext() ? pageLink(exchange, result.page() + 1) : null, result.didYouMean(),
				(result.didYouMean() != null) ? searchLink(exchange).replaceQueryParam("q", result.didYouMean())
					.replaceQueryParam("page")
					.encode()
					.build()
					.toUriString() : null,
				SearchFilters.hidden(exchange.getRequest().getQueryParams()), chips, !chips.isEmpty());
	}

	static SearchPageView unavailable(String q, String notice) {
		return new SearchPageView(q, "", "", List.of(), List.of(), true, notice, null, List.of(), false, List.of(),
				null, null, null, null, List.of(), List.of(), false);
	}

	private static Value value(String facet, SearchResult.FacetCount count, ListingQuery query, List<Value> nested,
			Messages messages, Locale locale, ServerWebExchange exchange) {
		String param = switch (facet) {
			case "topics" -> "topic";
			case "languages" -> "lang";
			default -> facet;
		};
		List<String> chosen = switch (facet) {
			case "kind" -> query.kinds();
			case "topics" -> query.topics();
			case "languages" -> query.languages();
			case "district" -> query.districts();
			default -> List.of();
		};
		return new Value(label(facet, count.value(), messages, locale), messages.number(locale, count.count(), 0),
				link(exchange, param, count.value(), 1), "languages".equals(facet) ? count.value() : null,
				chosen.contains(count.value()), nested, !nested.isEmpty());
	}

	private static String label(String facet, String value, Messages messages, Locale locale) {
		return switch (facet) {
			case "kind" -> messages.get(locale, "kind." + value.toLowerCase(Locale.ROOT));
			case "topics" -> messages.get(locale, "topic." + value);
			case "languages" -> Languages.endonym(value);
			default -> value;
		};
	}

	private static String link(ServerWebExchange exchange, String param, String value, int page) {
		return searchLink(exchange).replaceQueryParam(param, value)
			.replaceQueryParam("page", page)
			.encode()
			.build()
			.toUriString();
	}

	private static String pageLink(ServerWebExchange exchange, int page) {
		return searchLink(exchange).replaceQueryParam("page", page).encode().build().toUriString();
	}

	/**
	 * The current search, from the decoded parameters: encoding the raw query again would
	 * double-encode it.
	 */
	private static UriComponentsBuilder searchLink(ServerWebExchange exchange) {
		return UriComponentsBuilder.fromPath("/search").queryParams(exchange.getRequest().getQueryParams());
	}

}
