package de.pinnwand.demo;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import de.pinnwand.listings.ListingDraft;
import de.pinnwand.listings.ListingsProperties;
import de.pinnwand.listings.TopicTree;
import de.pinnwand.places.Gazetteer;
import de.pinnwand.places.Place;
import de.pinnwand.places.PlacesProperties;
import de.pinnwand.system.Languages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo listings pass the rules a listing typed into the form must pass, so none is
 * refused on start, and they are spread over languages, topics, kinds and places the way
 * a real board in the county would be.
 */
class DemoContentTests {

	private static final Set<String> TOPICS = Set.of("language-learning", "accompaniment", "housing", "donations",
			"mobility", "work", "children", "health", "leisure", "meeting-places", "interpreting", "counselling");

	/** The board's default taxonomy, as Spring binds it when nothing is configured. */
	private static final TopicTree TREE = TopicTree
		.of(new Binder(new MapConfigurationPropertySource()).bindOrCreate("pinnwand.listings", ListingsProperties.class)
			.topics());

	private static final String COUNTY = "Landkreis Ludwigsburg";

	private static final Pattern MARKUP = Pattern.compile("<\\s*/?\\s*[a-zA-Z!?][^>]*>");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

	private static List<ListingDraft> listings;

	private static Gazetteer gazetteer;

	@BeforeAll
	static void load() throws Exception {
		listings = DemoContent.drafts();
		// The constructor is package-private because only Spring builds the gazetteer;
		// reach it the same way.
		Constructor<Gazetteer> constructor = Gazetteer.class.getDeclaredConstructor(PlacesProperties.class);
		constructor.setAccessible(true);
		gazetteer = constructor.newInstance(new PlacesProperties(List.of(COUNTY), List.of()));
	}

	@Test
	void everyListingPassesTheRules() {
		List<String> problems = new ArrayList<>();
		for (int i = 0; i < listings.size(); i++) {
			ListingDraft listing = listings.get(i);
			String at = "#" + i + " (" + listing.title() + ") ";
			if (!Set.of("OFFER", "REQUEST").contains(listing.kind())) {
				problems.add(at + "kind " + listing.kind());
			}
			checkText(at + "title", listing.title(), 3, 120, problems);
			checkText(at + "description", listing.description(), 10, 4000, problems);
			// Up to three topics, each sub-topic with its parent written out, as the form
			// would store it.
			if (listing.topics() == null || parents(listing).isEmpty() || parents(listing).size() > 3
					|| !TOPICS.containsAll(parents(listing)) || !listing.topics().stream().allMatch(TREE::isKnown)
					|| !TopicTree.withParents(listing.topics()).equals(listing.topics())) {
				problems.add(at + "topics " + listing.topics());
			}
			if (listing.languages() == null || listing.languages().isEmpty() || listing.languages().size() > 4
					|| !Languages.codes().containsAll(listing.languages())
					|| Set.copyOf(listing.languages()).size() != listing.languages().size()) {
				problems.add(at + "languages " + listing.languages());
			}
			if (!Languages.isKnown(listing.textLanguage())) {
				problems.add(at + "textLanguage " + listing.textLanguage());
			}
			if (gazetteer.resolve(listing.place()).isEmpty()) {
				problems.add(at + "place " + listing.place());
			}
			if (listing.reachKm() == null || listing.reachKm() < 0 || listing.reachKm() > 200) {
				problems.add(at + "reachKm " + listing.reachKm());
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void fillsTheBoard() {
		assertThat(listings).hasSizeGreaterThanOrEqualTo(75);
	}

	@Test
	void speaksTheLanguagesOfTheCounty() {
		Map<String, Long> byLanguage = count(ListingDraft::textLanguage);
		assertThat(byLanguage).allSatisfy((language, count) -> assertThat(language).isIn("de", "en", "ar", "fa", "uk"));
		assertThat(List.of("de", "en", "ar", "fa", "uk"))
			.allSatisfy((language) -> assertThat(byLanguage.getOrDefault(language, 0L)).as(language)
				.isGreaterThanOrEqualTo(10));
		assertThat(byLanguage.get("de")).as("German, the language most posts are written in")
			.isGreaterThan(byLanguage.get("en"));
	}

	@Test
	void coversEveryTopicSeveralTimes() {
		Map<String, Long> byTopic = listings.stream()
			.flatMap((listing) -> listing.topics().stream())
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(TOPICS)
			.allSatisfy((topic) -> assertThat(byTopic.getOrDefault(topic, 0L)).as(topic).isGreaterThanOrEqualTo(3));
	}

	@Test
	void filesMostListingsUnderSubtopicsToo() {
		long withSubtopics = listings.stream()
			.filter((listing) -> listing.topics().stream().anyMatch(TopicTree::isSubtopic))
			.count();
		assertThat(withSubtopics).isGreaterThanOrEqualTo(listings.size() * 3 / 4);
		Set<String> used = listings.stream()
			.flatMap((listing) -> listing.topics().stream())
			.filter(TopicTree::isSubtopic)
			.collect(Collectors.toSet());
		assertThat(TREE.parents())
			.allSatisfy((topic) -> assertThat(TREE.subtopicsOf(topic)).as(topic).anyMatch(used::contains));
	}

	private static List<String> parents(ListingDraft listing) {
		return listing.topics().stream().map(TopicTree::parentOf).distinct().toList();
	}

	@Test
	void hasOffersAndRequests() {
		Map<String, Long> byKind = count(ListingDraft::kind);
		assertThat(byKind.getOrDefault("OFFER", 0L)).isGreaterThanOrEqualTo(30);
		assertThat(byKind.getOrDefault("REQUEST", 0L)).isGreaterThanOrEqualTo(30);
	}

	@Test
	void spreadsOverTheCountyAndItsNeighbours() {
		List<Place> places = listings.stream()
			.map((listing) -> gazetteer.resolve(listing.place()))
			.flatMap(Optional::stream)
			.toList();
		Set<String> municipalities = places.stream()
			.filter(gazetteer::inHomeArea)
			.map(Place::name)
			.collect(Collectors.toSet());
		assertThat(municipalities).hasSizeGreaterThanOrEqualTo(10);
		assertThat(places).filteredOn((place) -> place.district().equals("Stadtkreis Stuttgart"))
			.hasSizeGreaterThanOrEqualTo(5);
		assertThat(places)
			.allSatisfy((place) -> assertThat(place.distanceKm(gazetteer.byPostcode("71634").get())).as(place.name())
				.isLessThan(40));
	}

	@Test
	void containsTheWordsSearchIsShownWith() {
		assertThat(titles("de")).anyMatch((title) -> title.contains("Kinderfahrrad"))
			.anyMatch((title) -> title.contains("Wohnungssuche"))
			.anyMatch((title) -> title.contains("Fahrräder"));
		assertThat(texts("de")).anyMatch((text) -> text.contains("Deutschkurs"));
		assertThat(texts("ar")).anyMatch((text) -> text.contains("مدرسة"));
		assertThat(texts("uk")).anyMatch((text) -> text.contains("квартира"));
		assertThat(texts("fa")).anyMatch((text) -> text.contains("دوچرخه"));
	}

	private static void checkText(String field, String value, int min, int max, List<String> problems) {
		String text = (value != null) ? value.strip() : "";
		int length = text.codePointCount(0, text.length());
		if (length < min || length > max) {
			problems.add(field + " has " + length + " characters, not " + min + " to " + max);
		}
		if (MARKUP.matcher(text).find()) {
			problems.add(field + " contains markup");
		}
		if (CONTROL.matcher(text).find()) {
			problems.add(field + " contains control characters");
		}
	}

	private static Map<String, Long> count(Function<ListingDraft, String> key) {
		return listings.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
	}

	private static List<String> titles(String language) {
		return listings.stream()
			.filter((listing) -> language.equals(listing.textLanguage()))
			.map(ListingDraft::title)
			.toList();
	}

	private static List<String> texts(String language) {
		return listings.stream()
			.filter((listing) -> language.equals(listing.textLanguage()))
			.map((listing) -> listing.title() + "\n" + listing.description())
			.toList();
	}

	@Test
	void demoOrganisationsLieInTheCountyAndOwnTheOffersPostedForThem() {
		Set<String> names = new java.util.HashSet<>();
		for (DemoContent.DemoOrganisation organisation : DemoContent.ORGANISATIONS) {
			var profile = organisation.profile();
			assertThat(names.add(profile.name().toLowerCase())).as("unique " + profile.name()).isTrue();
			assertThat(profile.name().length()).isBetween(2, 120);
			assertThat(gazetteer.byPostcode(profile.postcode())).as(profile.name())
				.hasValueSatisfying((place) -> assertThat(place.district()).contains("Ludwigsburg"));
			assertThat(DemoContent.ACCOUNTS).anyMatch((account) -> account.displayName().equals(organisation.admin()));
		}
		assertThat(DemoContent.ORGANISATIONS).hasSizeGreaterThanOrEqualTo(10);
		Set<String> titles = listings.stream().map(ListingDraft::title).collect(Collectors.toSet());
		DemoContent.POSTED_FOR.forEach((title, organisation) -> {
			assertThat(titles).contains(title);
			assertThat(names).contains(organisation.toLowerCase());
		});
	}

}
