package de.pinnwand.search.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import de.pinnwand.system.Languages;
import de.pinnwand.search.ListingQuery;
import de.pinnwand.web.Messages;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters a search carries, in the two ways the page needs them: as hidden fields of
 * the search form, so that changing the words, the place or the radius keeps the topic,
 * language, kind and district chosen from the facets; and as removable chips above the
 * results, each a link to the same search without that one filter.
 */
final class SearchFilters {

	/**
	 * The facet filters; the form's own fields (q, near, radiusKm, when, sort) travel as
	 * themselves.
	 */
	private static final List<String> CARRIED = List.of("kind", "topic", "lang", "district", "size");

	private SearchFilters() {
	}

	/** A hidden field of the search form. */
	record Hidden(String name, String value) {
	}

	/** An active filter: what it says, and the link to the search without it. */
	record Chip(String label, String removeLabel, String href) {
	}

	static List<Hidden> hidden(MultiValueMap<String, String> params) {
		List<Hidden> hidden = new ArrayList<>();
		for (String name : CARRIED) {
			for (String value : params.getOrDefault(name, List.of())) {
				if (value != null && !value.isBlank()) {
					hidden.add(new Hidden(name, value));
				}
			}
		}
		return hidden;
	}

	/** The chips of the filters the query applies, in the order of the facets. */
	static List<Chip> chips(ListingQuery query, MultiValueMap<String, String> params, Messages messages,
			Locale locale) {
		List<Chip> chips = new ArrayList<>();
		query.kinds()
			.forEach((kind) -> chips.add(chip(messages.get(locale, "kind." + kind.toLowerCase(Locale.ROOT)),
					without(params, "kind", kind), messages, locale)));
		query.topics()
			.forEach((topic) -> chips
				.add(chip(messages.get(locale, "topic." + topic), without(params, "topic", topic), messages, locale)));
		query.languages()
			.forEach((lang) -> chips
				.add(chip(Languages.endonym(lang), without(params, "lang", lang), messages, locale)));
		query.districts()
			.forEach((district) -> chips.add(chip(district, without(params, "district", district), messages, locale)));
		query.when()
			.forEach((slot) -> chips.add(chip(messages.get(locale, "search.when." + slot),
					without(params, "when", slot), messages, locale)));
		if (query.near() != null) {
			MultiValueMap<String, String> rest = without(params, "near", null);
			rest.remove("radiusKm");
			chips.add(chip(query.near().label() + " · " + messages.get(locale, "search.distance", query.radiusKm()),
					rest, messages, locale));
		}
		return chips;
	}

	private static Chip chip(String label, MultiValueMap<String, String> rest, Messages messages, Locale locale) {
		rest.remove("page");
		rest.remove("after");
		return new Chip(label, messages.get(locale, "search.remove-filter", label),
				UriComponentsBuilder.fromPath("/search").queryParams(rest).encode().build().toUriString());
	}

	/**
	 * The parameters without one value of {@code name} (all of them when {@code value} is
	 * null).
	 */
	private static MultiValueMap<String, String> without(MultiValueMap<String, String> params, String name,
			String value) {
		MultiValueMap<String, String> rest = new LinkedMultiValueMap<>();
		params.forEach((key, values) -> values.stream()
			.filter((v) -> !key.equals(name) || (value != null && !matches(key, v, value)))
			.forEach((v) -> rest.add(key, v)));
		return rest;
	}

	/**
	 * Kinds are typed in any case ({@code offer}, {@code OFFER}); the other filters as
	 * they are.
	 */
	private static boolean matches(String name, String given, String value) {
		return "kind".equals(name) ? given.equalsIgnoreCase(value) : given.equals(value);
	}

}
