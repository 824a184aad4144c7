package de.pinnwand.places;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * German places by postcode and by name, with district, state and centroid, and the
 * deployment's home area.
 * <p>
 * Backed by the GeoNames postal code data shipped in {@value GazetteerData#DATA} (Postal
 * code data © GeoNames, CC BY 4.0). Everything is held in memory and immutable after
 * construction, so all lookups are fast, non-blocking and thread-safe. Every lookup
 * treats its input as untrusted: {@code null}, blank, overlong or nonsensical input
 * yields an empty result, never an exception.
 */
@Component
public class Gazetteer {

	private static final Logger logger = LoggerFactory.getLogger(Gazetteer.class);

	private static final int MAX_SUGGESTIONS = 100;

	private static final double EARTH_RADIUS_KM = 6371.0088;

	private static final Pattern POSTCODE = Pattern.compile("(?:DE?-)?(\\d{5})");

	private static final Pattern POSTCODE_THEN_NAME = Pattern.compile("(?:DE?-)?(\\d{5})[\\s,]+(\\S.*)");

	private static final Pattern NAME_THEN_POSTCODE = Pattern.compile("(.*?\\S)\\s*[,(]?\\s*(?:DE?-)?(\\d{5})\\)?");

	private final Map<String, List<Place>> placesByPostcode;

	private final String[] postcodes;

	private final Map<String, List<Place>> placesByName;

	private final PlaceNameIndex names;

	private final Set<String> homeDistricts;

	private final List<String> homeDistrictList;

	/**
	 * Loads the data from the classpath. This is blocking I/O in a constructor on
	 * purpose: it is one-off startup work (about 2 MB, well under a second), done before
	 * the application serves its first request.
	 */
	Gazetteer(PlacesProperties properties) {
		long started = System.nanoTime();
		List<GazetteerData.Row> rows = GazetteerData.readRows();
		Map<String, String> districtNames = GazetteerData.canonicalDistrictNames(rows);

		List<Place> places = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (GazetteerData.Row row : rows) {
			if (!row.company() && seen.add(row.postcode() + '\u0000' + row.name())) {
				places.add(new Place(row.postcode(), row.name(), districtNames.get(row.districtKey()), row.state(),
						row.lat(), row.lon()));
			}
		}

		this.homeDistricts = Set.copyOf(GazetteerData.homeDistricts(properties, rows, districtNames));
		this.homeDistrictList = this.homeDistricts.stream().sorted(PlaceNames.germanOrder()).toList();

		Map<String, List<Place>> byPostcode = new HashMap<>();
		Map<String, List<Place>> byName = new HashMap<>();
		Map<String, List<Place>> byGroup = new LinkedHashMap<>();
		for (Place place : places) {
			byPostcode.computeIfAbsent(place.postcode(), (key) -> new ArrayList<>()).add(place);
			byName.computeIfAbsent(PlaceNames.lowerCase(place.name()), (key) -> new ArrayList<>()).add(place);
			byGroup.computeIfAbsent(PlaceNames.groupKey(place.name(), place.district()), (key) -> new ArrayList<>())
				.add(place);
		}
		byPostcode.replaceAll((postcode, atPostcode) -> primaryFirst(atPostcode));
		byName.replaceAll((name, named) -> named.stream().sorted(homeFirst().thenComparing(Place::postcode)).toList());
		this.placesByPostcode = Map.copyOf(byPostcode);
		this.postcodes = byPostcode.keySet().stream().sorted().toArray(String[]::new);
		this.placesByName = Map.copyOf(byName);

		this.names = new PlaceNameIndex(byGroup, this::inHomeArea);

		logger.info("Loaded {} places with {} postcodes in {} districts in {} ms; home area: {} districts",
				places.size(), this.postcodes.length, new HashSet<>(districtNames.values()).size(),
				(System.nanoTime() - started) / 1_000_000, this.homeDistricts.size());
	}

	/**
	 * The primary place of a five-digit postcode. Where a postcode covers several places,
	 * the primary one is the municipality whose localities the others are ("Hamburg" for
	 * "Hamburg Altstadt" and "Hamburg Sankt Georg"), otherwise the place whose centroid
	 * lies nearest the mean of all the postcode's centroids, otherwise the first in the
	 * data. Company postcodes (Großkundenpostleitzahlen) have no place and return empty.
	 */
	public Optional<Place> byPostcode(String postcode) {
		String input = PlaceNames.clean(postcode);
		if (input == null) {
			return Optional.empty();
		}
		Matcher matcher = POSTCODE.matcher(input);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return placesAt(matcher.group(1)).stream().findFirst();
	}

	/**
	 * The places named exactly so, ignoring case (one per postcode), home area first,
	 * then by postcode.
	 */
	public List<Place> byName(String name) {
		String input = PlaceNames.clean(name);
		if (input == null) {
			return List.of();
		}
		return this.placesByName.getOrDefault(PlaceNames.lowerCase(input), List.of());
	}

	/**
	 * Places for an autocomplete field, at most {@code limit} of them (and never more
	 * than 100). Digits match postcodes by prefix (one entry per postcode, its primary
	 * place; all its places once the postcode is complete). Anything else matches place
	 * names by prefix of the name or of any word in it, ignoring case, accents and umlaut
	 * spellings ("Muenchen", "Munchen" find München), one entry per place name and
	 * district. Places in the home area come first, then whole-name matches, then matches
	 * at the start of the name, then municipalities before their localities, then places
	 * with more postcodes (larger towns), then shorter names.
	 */
	public List<Place> suggest(String prefix, int limit) {
		String input = PlaceNames.clean(prefix);
		if (input == null || limit <= 0) {
			return List.of();
		}
		int max = Math.min(limit, MAX_SUGGESTIONS);
		if (PlaceNames.isDigits(input)) {
			return suggestPostcodes(input, max);
		}
		Matcher postcodeThenName = POSTCODE_THEN_NAME.matcher(input);
		if (postcodeThenName.matches()) {
			String typed = PlaceNames.fold(postcodeThenName.group(2));
			return placesAt(postcodeThenName.group(1)).stream()
				.filter((place) -> PlaceNames.hasWordStartingWith(PlaceNames.fold(place.name()), typed))
				.limit(max)
				.toList();
		}
		String key = PlaceNames.fold(input);
		if (key.length() < PlaceNameIndex.MIN_PREFIX_LENGTH) {
			return List.of();
		}
		return this.names.suggest(key, max);
	}

	/**
	 * The place a person meant by what they typed into a place field: a postcode
	 * ("71634", "D-71634"), a place name ("Ludwigsburg", "Muenchen", a locality such as
	 * "Bad Cannstatt") or both ("71634 Ludwigsburg", "Ludwigsburg (71634)", "Ludwigsburg,
	 * 71634"). A postcode and a name must agree (the name may be finer, as in "71634
	 * Ludwigsburg-Mitte"). A name alone picks the home area first, then the town with
	 * that name that has the most postcodes ("Münster" is the city in Westphalia),
	 * represented by its most central postcode. Unknown, ambiguous localities ("Mitte")
	 * and non-German input return empty.
	 */
	public Optional<Place> resolve(String input) {
		String typed = PlaceNames.clean(input);
		if (typed == null) {
			return Optional.empty();
		}
		Matcher matcher = POSTCODE.matcher(typed);
		if (matcher.matches()) {
			return placesAt(matcher.group(1)).stream().findFirst();
		}
		matcher = POSTCODE_THEN_NAME.matcher(typed);
		if (matcher.matches()) {
			return placeAt(matcher.group(1), matcher.group(2));
		}
		matcher = NAME_THEN_POSTCODE.matcher(typed);
		if (matcher.matches()) {
			return placeAt(matcher.group(2), matcher.group(1));
		}
		return this.names.named(PlaceNames.fold(typed), PlaceNames.lowerCase(typed));
	}

	/** Whether the place lies in one of the home area's districts. */
	public boolean inHomeArea(Place place) {
		return place != null && place.district() != null && this.homeDistricts.contains(place.district());
	}

	/**
	 * The districts of the home area, as {@link Place#district()} names them, in German
	 * alphabetical order.
	 */
	public List<String> districtsOfHomeArea() {
		return this.homeDistrictList;
	}

	/**
	 * The municipalities of the home area (place names without the localities GeoNames
	 * lists as "Stuttgart Bad Cannstatt"), in German alphabetical order.
	 */
	public List<String> municipalitiesOfHomeArea() {
		return this.names.homeMunicipalities();
	}

	/**
	 * Great-circle distance in kilometres between two points given in degrees, by the
	 * haversine formula.
	 */
	public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double a = Math.pow(Math.sin(dLat / 2), 2)
				+ Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
		return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
	}

	private List<Place> placesAt(String postcode) {
		return this.placesByPostcode.getOrDefault(postcode, List.of());
	}

	private Optional<Place> placeAt(String postcode, String name) {
		List<Place> candidates = placesAt(postcode);
		String typed = PlaceNames.fold(name);
		if (typed.isEmpty()) {
			return candidates.stream().findFirst();
		}
		Optional<Place> exact = candidates.stream()
			.filter((place) -> PlaceNames.fold(place.name()).equals(typed))
			.findFirst();
		if (exact.isPresent()) {
			return exact;
		}
		return candidates.stream().filter((place) -> {
			String folded = PlaceNames.fold(place.name());
			return folded.startsWith(typed + ' ') || typed.startsWith(folded + ' ');
		}).findFirst();
	}

	private List<Place> suggestPostcodes(String prefix, int max) {
		if (prefix.length() < PlaceNameIndex.MIN_PREFIX_LENGTH || prefix.length() > 5) {
			return List.of();
		}
		if (prefix.length() == 5) {
			return placesAt(prefix).stream().limit(max).toList();
		}
		int from = Arrays.binarySearch(this.postcodes, prefix);
		from = (from >= 0) ? from : -from - 1;
		List<Place> primaries = new ArrayList<>();
		for (int i = from; i < this.postcodes.length && this.postcodes[i].startsWith(prefix); i++) {
			primaries.add(placesAt(this.postcodes[i]).get(0));
		}
		return primaries.stream().sorted(homeFirst()).limit(max).toList();
	}

	private Comparator<Place> homeFirst() {
		return Comparator.comparing((Place place) -> !inHomeArea(place));
	}

	private static List<Place> primaryFirst(List<Place> places) {
		if (places.size() == 1) {
			return List.copyOf(places);
		}
		List<String> folded = places.stream().map((place) -> PlaceNames.fold(place.name())).toList();
		Map<Place, Integer> localities = new HashMap<>();
		for (int i = 0; i < places.size(); i++) {
			String municipality = folded.get(i) + ' ';
			localities.put(places.get(i),
					(int) folded.stream().filter((other) -> other.startsWith(municipality)).count());
		}
		List<Place> byCentrality = nearestToMean(places);
		return byCentrality.stream().sorted(Comparator.comparing((Place place) -> -localities.get(place))).toList();
	}

	/**
	 * The places ordered by the distance of their centroid from the mean centroid; a
	 * stable sort keeps ties.
	 */
	static List<Place> nearestToMean(List<Place> places) {
		double lat = places.stream().mapToDouble(Place::lat).average().orElse(0);
		double lon = places.stream().mapToDouble(Place::lon).average().orElse(0);
		return places.stream()
			.sorted(Comparator.comparingDouble((Place place) -> distanceKm(lat, lon, place.lat(), place.lon())))
			.toList();
	}

}
