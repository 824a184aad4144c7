package de.pinnwand.places;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reading the gazetteer's data: the GeoNames postal code rows of {@value #DATA}, with
 * company and authority rows marked, one spelling per district, and the home area as the
 * settings name it, checked against the data.
 */
final class GazetteerData {

	static final String DATA = "places/zipcodes.de.csv";

	private static final Pattern POSTCODE = Pattern.compile("(?:DE?-)?(\\d{5})");

	private static final Pattern STATE_CODE = Pattern.compile("[A-Z]{2}");

	private static final Pattern DISTRICT_KEY = Pattern.compile("\\d{5}");

	/**
	 * A backstop for company rows; the data marks them reliably by a numeric state code
	 * (see {@link Row#company()}).
	 */
	private static final Pattern LEGAL_FORM = Pattern
		.compile("(?<!\\w)(GmbH|gGmbH|mbH|AG|KG|KGaA|OHG|GbR|eG|SE|e\\.\\s?V\\.)(?!\\w)|&\\s*Co\\b");

	private static final List<String> DISTRICT_PREFIXES = List.of("Landkreis ", "Kreis ", "Stadtkreis ",
			"Kreisfreie Stadt ", "Region ");

	/**
	 * One name per district key: the data spells districts in two ways ("Ludwigsburg" on
	 * town rows, "Landkreis Ludwigsburg" on company rows; "Stuttgart" and "Stadtkreis
	 * Stuttgart"). The spelling that says what kind of district it is wins, as it does
	 * not read like a town; otherwise the one the town rows use.
	 */
	static Map<String, String> canonicalDistrictNames(List<Row> rows) {
		Map<String, List<String>> spellings = new LinkedHashMap<>();
		Map<String, Map<String, Integer>> townSpellings = new HashMap<>();
		for (Row row : rows) {
			List<String> known = spellings.computeIfAbsent(row.districtKey(), (key) -> new ArrayList<>());
			if (!known.contains(row.district())) {
				known.add(row.district());
			}
			if (!row.company()) {
				townSpellings.computeIfAbsent(row.districtKey(), (key) -> new LinkedHashMap<>())
					.merge(row.district(), 1, Integer::sum);
			}
		}
		Map<String, String> names = new HashMap<>();
		spellings.forEach((key, known) -> {
			String name = known.stream()
				.filter((spelling) -> DISTRICT_PREFIXES.stream().anyMatch(spelling::startsWith))
				.findFirst()
				.orElseGet(() -> townSpellings.getOrDefault(key, Map.of())
					.entrySet()
					.stream()
					.max(Map.Entry.comparingByValue())
					.map(Map.Entry::getKey)
					.orElse(known.get(0)));
			names.put(key, name);
		});
		return names;
	}

	static Set<String> homeDistricts(PlacesProperties properties, List<Row> rows, Map<String, String> districtNames) {
		Map<String, Set<String>> districtAliases = new HashMap<>();
		Map<String, Set<String>> stateAliases = new HashMap<>();
		Set<String> seen = new HashSet<>();
		for (Row row : rows) {
			if (!seen.add(row.districtKey() + '\u0000' + row.district() + '\u0000' + row.company())) {
				continue;
			}
			String district = districtNames.get(row.districtKey());
			for (String alias : List.of(row.districtKey(), row.district(), district)) {
				districtAliases.computeIfAbsent(lowerCase(alias), (key) -> new TreeSet<>()).add(district);
			}
			// Company rows name some states in English and give them wrong codes; town
			// rows are consistent.
			if (!row.company()) {
				stateAliases.computeIfAbsent(lowerCase(row.state()), (key) -> new HashSet<>()).add(district);
				stateAliases.computeIfAbsent(lowerCase(row.stateCode()), (key) -> new HashSet<>()).add(district);
			}
		}
		List<String> wantedDistricts = properties.homeDistricts().stream().filter((s) -> !s.isBlank()).toList();
		List<String> wantedStates = properties.homeStates().stream().filter((s) -> !s.isBlank()).toList();
		if (wantedDistricts.isEmpty() && wantedStates.isEmpty()) {
			return new HashSet<>(districtNames.values());
		}
		Set<String> home = new HashSet<>();
		for (String wanted : wantedDistricts) {
			Set<String> matches = districtAliases.get(lowerCase(wanted.strip()));
			if (matches == null) {
				throw new IllegalArgumentException("pinnwand.places.home-districts: no district is called '" + wanted
						+ "'; name it as the gazetteer does (e.g. 'Landkreis Ludwigsburg') or by its key (e.g. '08118')");
			}
			if (matches.size() > 1) {
				throw new IllegalArgumentException("pinnwand.places.home-districts: '" + wanted + "' could be any of "
						+ matches + "; name one of them");
			}
			home.addAll(matches);
		}
		for (String wanted : wantedStates) {
			Set<String> matches = stateAliases.get(lowerCase(wanted.strip()));
			if (matches == null) {
				throw new IllegalArgumentException("pinnwand.places.home-states: no federal state is called '" + wanted
						+ "'; name it in German (e.g. 'Baden-Württemberg') or by its code (e.g. 'BW')");
			}
			home.addAll(matches);
		}
		return home;
	}

	static List<Row> readRows() {
		InputStream data = GazetteerData.class.getClassLoader().getResourceAsStream(DATA);
		if (data == null) {
			throw new IllegalStateException("Gazetteer data " + DATA + " is missing from the classpath");
		}
		List<Row> rows = new ArrayList<>(24_000);
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8))) {
			String header = reader.readLine();
			if (header == null) {
				throw new IllegalStateException("Gazetteer data " + DATA + " is empty");
			}
			Columns columns = new Columns(splitCsv(header.replace("\uFEFF", "")));
			String line;
			while ((line = reader.readLine()) != null) {
				Row row = columns.row(splitCsv(line));
				if (row != null) {
					rows.add(row);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read gazetteer data " + DATA, ex);
		}
		return rows;
	}

	/**
	 * Splits one CSV line (RFC 4180 quoting). Place names may contain quoted commas
	 * ("Schindler, Staatliche Lotterie-Einnahme"); no field spans lines.
	 */
	static List<String> splitCsv(String line) {
		List<String> fields = new ArrayList<>(11);
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

	/**
	 * One row of the data.
	 *
	 * @param company whether the row is a company or authority with its own postcode
	 * rather than a place
	 */
	record Row(String postcode, String name, String districtKey, String district, String state, String stateCode,
			double lat, double lon, boolean company) {
	}

	/** The positions of the columns this class reads, found by name in the header. */
	private static final class Columns {

		private final int country;

		private final int postcode;

		private final int place;

		private final int state;

		private final int stateCode;

		private final int district;

		private final int districtKey;

		private final int lat;

		private final int lon;

		private final int width;

		Columns(List<String> header) {
			this.country = column(header, "country_code");
			this.postcode = column(header, "zipcode");
			this.place = column(header, "place");
			this.state = column(header, "state");
			this.stateCode = column(header, "state_code");
			this.district = column(header, "community");
			this.districtKey = column(header, "community_code");
			this.lat = column(header, "latitude");
			this.lon = column(header, "longitude");
			this.width = header.size();
		}

		private static int column(List<String> header, String name) {
			int index = header.indexOf(name);
			if (index < 0) {
				throw new IllegalStateException("Gazetteer data " + DATA + " has no column '" + name + "'");
			}
			return index;
		}

		/**
		 * The row, or {@code null} for rows that are no German place with a district and
		 * a centroid (the data has one: Jungholz, an Austrian village with a German
		 * postcode).
		 */
		Row row(List<String> fields) {
			if (fields.size() != this.width || !"DE".equals(fields.get(this.country))
					|| !POSTCODE.matcher(fields.get(this.postcode)).matches()
					|| !DISTRICT_KEY.matcher(fields.get(this.districtKey)).matches() || fields.get(this.place).isBlank()
					|| fields.get(this.district).isBlank()) {
				return null;
			}
			double latitude;
			double longitude;
			try {
				latitude = Double.parseDouble(fields.get(this.lat));
				longitude = Double.parseDouble(fields.get(this.lon));
			}
			catch (NumberFormatException ex) {
				return null;
			}
			if (!(latitude >= 47 && latitude <= 55.5 && longitude >= 5.5 && longitude <= 15.5)) {
				return null;
			}
			String name = fields.get(this.place).strip();
			String code = fields.get(this.stateCode).strip();
			// GeoNames appends the company postcodes with numeric state codes; every one
			// of those rows is a
			// company or an authority ("Finanzamt Ludwigsburg"), never a place.
			boolean company = !STATE_CODE.matcher(code).matches() || LEGAL_FORM.matcher(name).find();
			return new Row(fields.get(this.postcode), name, fields.get(this.districtKey),
					fields.get(this.district).strip(), fields.get(this.state).strip(), code, latitude, longitude,
					company);
		}

	}

	private static String lowerCase(String text) {
		return text.toLowerCase(Locale.ROOT);
	}

	private GazetteerData() {
	}

}
