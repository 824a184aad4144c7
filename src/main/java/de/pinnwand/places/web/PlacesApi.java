package de.pinnwand.places.web;

import java.util.List;
import java.util.regex.Pattern;

import de.pinnwand.places.Gazetteer;
import de.pinnwand.places.Place;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Place suggestions for autocomplete fields: {@code GET /api/v1/places?q=Ludw&limit=10}.
 * Public and forgiving: a missing or nonsensical {@code q} gives an empty list, a missing
 * or unusable {@code limit} gives {@value #DEFAULT_LIMIT}, and a limit outside 1 to
 * {@value #MAX_LIMIT} is clamped into that range.
 */
@RestController
@RequestMapping("/api/v1/places")
class PlacesApi {

	static final int DEFAULT_LIMIT = 10;

	static final int MAX_LIMIT = 50;

	private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d{1,100}");

	private final Gazetteer gazetteer;

	PlacesApi(Gazetteer gazetteer) {
		this.gazetteer = gazetteer;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<Suggestions> suggest(@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "limit", required = false) String limit) {
		// In-memory lookups of well under a millisecond: nothing here blocks.
		return Mono.fromSupplier(() -> new Suggestions(
				this.gazetteer.suggest(query, limit(limit)).stream().map(Suggestion::of).toList()));
	}

	/**
	 * Taken as text so that a malformed limit falls back to the default instead of
	 * failing the request.
	 */
	private static int limit(String limit) {
		if (limit == null || !WHOLE_NUMBER.matcher(limit.strip()).matches()) {
			return DEFAULT_LIMIT;
		}
		String number = limit.strip();
		if (number.startsWith("-")) {
			return 1;
		}
		// Anything with this many digits is far above the maximum, and would overflow an
		// int.
		return (number.length() > 9) ? MAX_LIMIT : Math.max(1, Math.min(MAX_LIMIT, Integer.parseInt(number)));
	}

	/**
	 * The response body.
	 *
	 * @param items the suggested places, best first
	 */
	record Suggestions(List<Suggestion> items) {
	}

	/**
	 * One suggested place.
	 *
	 * @param postcode its postcode
	 * @param name its name
	 * @param district its district (Landkreis or kreisfreie Stadt)
	 * @param lat latitude of its centroid
	 * @param lon longitude of its centroid
	 */
	record Suggestion(String postcode, String name, String district, double lat, double lon) {

		static Suggestion of(Place place) {
			return new Suggestion(place.postcode(), place.name(), place.district(), place.lat(), place.lon());
		}

	}

}
