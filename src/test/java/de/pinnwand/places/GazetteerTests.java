package de.pinnwand.places;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class GazetteerTests {

	private static final String LUDWIGSBURG_COUNTY = "Landkreis Ludwigsburg";

	private static Gazetteer gazetteer;

	@BeforeAll
	static void load() {
		gazetteer = new Gazetteer(new PlacesProperties(List.of(LUDWIGSBURG_COUNTY), List.of()));
	}

	@Test
	void findsThePlaceOfAPostcode() {
		assertThat(gazetteer.byPostcode("71634")).hasValueSatisfying((place) -> {
			assertThat(place.postcode()).isEqualTo("71634");
			assertThat(place.name()).isEqualTo("Ludwigsburg");
			assertThat(place.district()).isEqualTo(LUDWIGSBURG_COUNTY);
			assertThat(place.state()).isEqualTo("Baden-Württemberg");
			assertThat(place.lat()).isCloseTo(48.9076, within(1e-4));
			assertThat(place.lon()).isCloseTo(9.1776, within(1e-4));
		});
		assertThat(gazetteer.byPostcode(" D-71634 ")).map(Place::name).hasValue("Ludwigsburg");
	}

	@Test
	void namesEachDistrictOneWayThoughTheDataSpellsItTwoWays() {
		// Town rows say "Stuttgart", company rows "Stadtkreis Stuttgart": the kind of
		// district wins.
		assertThat(gazetteer.byPostcode("70173")).map(Place::district).hasValue("Stadtkreis Stuttgart");
		assertThat(gazetteer.byPostcode("71711")).map(Place::district).hasValue(LUDWIGSBURG_COUNTY);
	}

	@Test
	void prefersTheMunicipalityOverItsLocalitiesAtAPostcode() {
		assertThat(gazetteer.byPostcode("20095")).map(Place::name).hasValue("Hamburg");
		assertThat(gazetteer.byPostcode("35619")).map(Place::name).hasValue("Braunfels");
		assertThat(gazetteer.byPostcode("70173")).map(Place::name).hasValue("Stuttgart");
	}

	@ParameterizedTest
	@ValueSource(strings = { "00000", "99999", "1234", "123456", "7163", "71634x", "A-1010", "CH-8001" })
	void knowsNoPlaceForAnUnknownOrForeignPostcode(String postcode) {
		assertThat(gazetteer.byPostcode(postcode)).isEmpty();
		assertThat(gazetteer.resolve(postcode)).isEmpty();
	}

	@Test
	void returnsNoCompanyRows() {
		// 71631 belongs to the Landratsamt, Finanzamt and others in Ludwigsburg: a
		// company postcode, no place.
		assertThat(gazetteer.byPostcode("71631")).isEmpty();
		assertThat(gazetteer.byName("Siemens AG")).isEmpty();
		assertThat(gazetteer.byName("Finanzamt Ludwigsburg")).isEmpty();
		assertThat(gazetteer.suggest("Wüstenrot", 50)).extracting(Place::name).containsOnly("Wüstenrot");
		assertThat(gazetteer.suggest("Daimler", 50)).isEmpty();
		// "Wertheim" is also a Berlin department store with its own postcode; only the
		// town is a place.
		assertThat(gazetteer.byName("Wertheim")).extracting(Place::postcode).containsExactly("97877");
	}

	@Test
	void findsPlacesByExactNameIgnoringCase() {
		assertThat(gazetteer.byName("ludwigsburg")).extracting(Place::postcode)
			.containsExactly("71634", "71636", "71638", "71640", "71642");
		assertThat(gazetteer.byName("LUDWIGSBURG"))
			.allSatisfy((place) -> assertThat(place.district()).isEqualTo(LUDWIGSBURG_COUNTY));
		assertThat(gazetteer.byName("Ludwigsbur")).isEmpty();
	}

	@Test
	void suggestsPostcodesByPrefixOnePerPostcode() {
		assertThat(gazetteer.suggest("714", 10)).extracting(Place::postcode, Place::name)
			.containsExactly(tuple("71404", "Korb"), tuple("71409", "Schwaikheim"));
		List<Place> suggestions = gazetteer.suggest("716", 10);
		assertThat(suggestions).hasSize(10).allSatisfy((place) -> assertThat(place.postcode()).startsWith("716"));
		assertThat(suggestions).extracting(Place::postcode).doesNotHaveDuplicates().isSorted();
	}

	@Test
	void suggestsHomePostcodesFirst() {
		// Kornwestheim, Korntal-Münchingen and Gerlingen have 708xx postcodes, but lie in
		// the county.
		assertThat(gazetteer.suggest("70", 4)).extracting(Place::postcode)
			.containsExactly("70806", "70825", "70839", "70173");
	}

	@Test
	void suggestsAllPlacesOfACompletePostcode() {
		assertThat(gazetteer.suggest("71711", 10)).extracting(Place::name)
			.containsExactlyInAnyOrder("Murr", "Steinheim an der Murr");
		assertThat(gazetteer.suggest("71711 Stein", 10)).extracting(Place::name)
			.containsExactly("Steinheim an der Murr");
	}

	@Test
	void suggestsHomePlacesFirstThenLargerTowns() {
		List<Place> suggestions = gazetteer.suggest("Ludw", 10);
		assertThat(suggestions).first().satisfies((place) -> {
			assertThat(place.name()).isEqualTo("Ludwigsburg");
			assertThat(place.district()).isEqualTo(LUDWIGSBURG_COUNTY);
		});
		assertThat(suggestions).extracting(Place::name).contains("Ludwigshafen am Rhein");
		// Names match by any word: "Bodman-Ludwigshafen" too, after the names that start
		// so.
		assertThat(suggestions).allSatisfy((place) -> assertThat(place.name()).containsIgnoringCase("Ludw"));
		assertThat(suggestions).last().extracting(Place::name).isEqualTo("Bodman-Ludwigshafen");
		// Steinheim an der Murr is small, but home; Steinfurt and the other Steinheims
		// are not.
		assertThat(gazetteer.suggest("Stein", 5)).first().extracting(Place::name).isEqualTo("Steinheim an der Murr");
	}

	@Test
	void suggestsEachPlaceOncePerDistrict() {
		for (String prefix : List.of("Ludw", "Stuttgart", "Berlin", "Ham", "Neu")) {
			List<Place> suggestions = gazetteer.suggest(prefix, 50);
			Set<String> seen = new HashSet<>();
			assertThat(suggestions)
				.allSatisfy((place) -> assertThat(seen.add(place.name() + " / " + place.district())).isTrue());
		}
		assertThat(gazetteer.suggest("Stuttgart", 3)).first().extracting(Place::name).isEqualTo("Stuttgart");
	}

	@Test
	void suggestsRegardlessOfUmlautSpellingAndByInnerWords() {
		assertThat(gazetteer.suggest("Muenchen", 3)).first().extracting(Place::name).isEqualTo("München");
		assertThat(gazetteer.suggest("munchen", 3)).first().extracting(Place::name).isEqualTo("München");
		assertThat(gazetteer.suggest("Bissingen", 20)).extracting(Place::name).contains("Bietigheim-Bissingen");
		assertThat(gazetteer.suggest("Cannstatt", 5)).extracting(Place::name).contains("Stuttgart Bad Cannstatt");
	}

	@Test
	void suggestsNothingForTooShortPrefixesOrNoRoom() {
		assertThat(gazetteer.suggest("L", 10)).isEmpty();
		assertThat(gazetteer.suggest("7", 10)).isEmpty();
		assertThat(gazetteer.suggest("Ludw", 0)).isEmpty();
		assertThat(gazetteer.suggest("Ludw", -1)).isEmpty();
		assertThat(gazetteer.suggest("St", Integer.MAX_VALUE)).hasSizeLessThanOrEqualTo(100);
	}

	@ParameterizedTest
	@ValueSource(strings = { "71634 Ludwigsburg", "Ludwigsburg (71634)", "Ludwigsburg 71634", "Ludwigsburg, 71634",
			"71634, ludwigsburg", "D-71634 Ludwigsburg", "71634 Ludwigsburg-Innenstadt", "  71634   LUDWIGSBURG " })
	void resolvesAPostcodeWithItsPlace(String input) {
		assertThat(gazetteer.resolve(input)).hasValueSatisfying((place) -> {
			assertThat(place.postcode()).isEqualTo("71634");
			assertThat(place.name()).isEqualTo("Ludwigsburg");
		});
	}

	@Test
	void resolvesAPostcodeOrANameAlone() {
		assertThat(gazetteer.resolve("71634")).map(Place::name).hasValue("Ludwigsburg");
		assertThat(gazetteer.resolve("Ludwigsburg")).hasValueSatisfying((place) -> {
			assertThat(place.name()).isEqualTo("Ludwigsburg");
			assertThat(place.district()).isEqualTo(LUDWIGSBURG_COUNTY);
		});
		assertThat(gazetteer.resolve("Muenchen")).map(Place::name).hasValue("München");
		// Three Münsters; the city in Westphalia has by far the most postcodes.
		assertThat(gazetteer.resolve("Münster")).map(Place::postcode)
			.hasValueSatisfying((postcode) -> assertThat(postcode).startsWith("48"));
		assertThat(gazetteer.resolve("20095 Hamburg")).map(Place::name).hasValue("Hamburg");
		assertThat(gazetteer.resolve("Bad Cannstatt")).map(Place::name).hasValue("Stuttgart Bad Cannstatt");
	}

	@ParameterizedTest
	@ValueSource(strings = { "71634 Stuttgart", "Stuttgart (71634)", "Wien", "1010 Wien", "Paris", "Ludwigsbur",
			"Frankfurt", "Mitte", "Zürich 8001", "71631 Landratsamt Ludwigsburg" })
	void resolvesNothingThatIsUnknownContradictoryOrNotGerman(String input) {
		assertThat(gazetteer.resolve(input)).isEmpty();
	}

	static Stream<String> hostileInput() {
		return Stream.of(null, "", " ", "\t\n", "x".repeat(10_240), "7".repeat(10_240), "71634 " + "L".repeat(10_000),
				"🏠🏠🏠", "🙂", "'; DROP TABLE places; --", "' OR '1'='1", "%", "_", "*", ".*", "(((((", "\\",
				"مدينة الرياض", "תל אביב", "\u202Eשלום", "\u0000\u0000", "\uD800", "\uDC00abc", "\uFEFF", "00000 🙂",
				"(0)", ",,,,", "D-");
	}

	@ParameterizedTest
	@MethodSource("hostileInput")
	void answersHostileInputWithNothing(String input) {
		assertThat(gazetteer.byPostcode(input)).isEmpty();
		assertThat(gazetteer.byName(input)).isEmpty();
		assertThat(gazetteer.suggest(input, 10)).isEmpty();
		assertThat(gazetteer.suggest(input, Integer.MAX_VALUE)).isEmpty();
		assertThat(gazetteer.resolve(input)).isEmpty();
	}

	@Test
	void measuresGreatCircleDistances() {
		// One degree of longitude on the equator.
		assertThat(Gazetteer.distanceKm(0, 0, 0, 1)).isCloseTo(111.195, within(0.01));
		assertThat(Gazetteer.distanceKm(48.9, 9.2, 48.9, 9.2)).isZero();
		// Berlin to Munich, city centre to city centre: about 504 km.
		assertThat(Gazetteer.distanceKm(52.5163, 13.3777, 48.1372, 11.5755)).isCloseTo(504, within(2.0));
		assertThat(Gazetteer.distanceKm(0, 0, 0, 180)).isCloseTo(Math.PI * 6371.0088, within(0.01));
	}

	@Test
	void measuresTheDistanceBetweenTwoPlaces() {
		Place ludwigsburg = gazetteer.byPostcode("71634").orElseThrow();
		Place stuttgart = gazetteer.byPostcode("70173").orElseThrow();
		// The town centres are about 13 km apart; these centroids (48.9076, 9.1776) and
		// (48.7667, 9.1833) 15.7 km.
		assertThat(ludwigsburg.distanceKm(stuttgart)).isCloseTo(15.67, within(0.1));
		assertThat(Gazetteer.distanceKm(stuttgart.lat(), stuttgart.lon(), ludwigsburg.lat(), ludwigsburg.lon()))
			.isCloseTo(ludwigsburg.distanceKm(stuttgart), within(1e-9));
	}

	@Test
	void knowsTheHomeArea() {
		assertThat(gazetteer.districtsOfHomeArea()).containsExactly(LUDWIGSBURG_COUNTY);
		assertThat(gazetteer.municipalitiesOfHomeArea()).hasSize(39)
			.contains("Ludwigsburg", "Kornwestheim", "Bietigheim-Bissingen", "Vaihingen an der Enz", "Walheim")
			.doesNotContain("Stuttgart", "Finanzamt Ludwigsburg");
		assertThat(gazetteer.inHomeArea(gazetteer.byPostcode("71634").orElseThrow())).isTrue();
		assertThat(gazetteer.inHomeArea(gazetteer.byPostcode("70173").orElseThrow())).isFalse();
		assertThat(gazetteer.inHomeArea(null)).isFalse();
		assertThat(gazetteer.inHomeArea(new Place("71634", "Ludwigsburg", null, null, 0, 0))).isFalse();
	}

	@Test
	void takesHomeDistrictsByAnySpellingOrKeyAndWholeStates() {
		assertThat(
				new Gazetteer(new PlacesProperties(List.of("ludwigsburg", "08111"), List.of())).districtsOfHomeArea())
			.containsExactly(LUDWIGSBURG_COUNTY, "Stadtkreis Stuttgart");
		Gazetteer badenWuerttemberg = new Gazetteer(new PlacesProperties(List.of(), List.of("BW")));
		assertThat(badenWuerttemberg.districtsOfHomeArea()).hasSize(44);
		assertThat(badenWuerttemberg.inHomeArea(badenWuerttemberg.byPostcode("70173").orElseThrow())).isTrue();
		assertThat(badenWuerttemberg.inHomeArea(badenWuerttemberg.byPostcode("80331").orElseThrow())).isFalse();
		assertThat(new Gazetteer(new PlacesProperties(List.of(), List.of("Baden-Württemberg"))).districtsOfHomeArea())
			.isEqualTo(badenWuerttemberg.districtsOfHomeArea());
	}

	@Test
	void takesAllOfGermanyAsHomeWhenNoAreaIsConfigured() {
		Gazetteer germany = new Gazetteer(new PlacesProperties(null, null));
		assertThat(germany.districtsOfHomeArea()).hasSize(400);
		assertThat(germany.inHomeArea(germany.byPostcode("10115").orElseThrow())).isTrue();
	}

	@Test
	void refusesAHomeAreaItCannotFind() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Gazetteer(new PlacesProperties(List.of("Landkreis Ludwigsbrug"), List.of())))
			.withMessageContaining("Landkreis Ludwigsbrug");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Gazetteer(new PlacesProperties(List.of("Karlsruhe"), List.of())))
			.withMessageContaining("Landkreis Karlsruhe")
			.withMessageContaining("Stadtkreis Karlsruhe");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Gazetteer(new PlacesProperties(List.of(), List.of("Schwabenland"))));
	}

	@Test
	void splitsQuotedCsvFields() {
		assertThat(GazetteerData.splitCsv("DE,70767,\"RTS Rieger Team, Werbeagentur\",,\"a \"\"b\"\"\""))
			.containsExactly("DE", "70767", "RTS Rieger Team, Werbeagentur", "", "a \"b\"");
	}

}
