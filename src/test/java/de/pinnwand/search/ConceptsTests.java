package de.pinnwand.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import de.pinnwand.listings.ListingsProperties;
import de.pinnwand.listings.TopicTree;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ConceptsTests {

	private static final TopicTree TOPICS = TopicTree.of(List.of("mobility", "mobility/bikes", "housing"));

	private final Concepts concepts = new Concepts(Concepts.read(), portalTopics());

	private static TopicTree portalTopics() {
		// The portal's default topics, as the app binds them without any setting.
		return TopicTree.of(new Binder(new MapConfigurationPropertySource())
			.bindOrCreate("pinnwand.listings", ListingsProperties.class)
			.topics());
	}

	@Test
	void everyTopicAndSubtopicIsNamedByAConcept() {
		TopicTree tree = portalTopics();
		List<String> named = this.concepts.all().stream().flatMap((c) -> c.topics().stream()).toList();
		tree.topics().forEach((topic) -> {
			assertThat(named).as("a concept of topic " + topic.code()).contains(topic.code());
			topic.subtopics().forEach((sub) -> assertThat(named).as("a concept of sub-topic " + sub).contains(sub));
		});
	}

	@Test
	void everyFrequentWordOfTheCorporaNamesAConcept() throws IOException {
		// search-mappings/frequent-words.txt is written by bench/frequent_words.py from
		// the demo and benchmark corpora.
		List<String> frequent = Files
			.readAllLines(Path.of("search-mappings/frequent-words.txt"), StandardCharsets.UTF_8)
			.stream()
			.filter((line) -> !line.isBlank())
			.toList();
		assertThat(frequent).hasSizeGreaterThanOrEqualTo(300);
		assertThat(frequent).allSatisfy((word) -> assertThat(this.concepts.knows(word)).as(word).isTrue());
	}

	@Test
	void aWordFindsItsConceptInEveryLanguage() {
		Concepts.Match bike = this.concepts.in("bisikletler").get(0);
		assertThat(bike.concept().id()).isEqualTo("bicycle");
		assertThat(bike.languages()).containsExactly("tr");
		assertThat(bike.concept().name("de")).isEqualTo("Fahrrad");
		assertThat(this.concepts.in("велосипед").get(0).languages()).containsExactlyInAnyOrder("uk", "ru");
		assertThat(this.concepts.in("ثلاجة").get(0).concept().id()).isEqualTo("fridge");
		// Persian typed with Arabic yeh, Arabic with and without hamza and diacritics.
		assertThat(this.concepts.in("يخچال").get(0).concept().id()).isEqualTo("fridge");
		assertThat(this.concepts.in("اثاث").get(0).concept().id()).isEqualTo("furniture");
		assertThat(this.concepts.in("طَبِيب").get(0).concept().id()).isEqualTo("doctor");
	}

	@Test
	void inflectedWordsAndArabicCliticsReachTheirConcept() {
		assertThat(this.concepts.in("doktorlara").get(0).concept().id()).isEqualTo("doctor");
		assertThat(this.concepts.in("холодильнику").get(0).concept().id()).isEqualTo("fridge");
		assertThat(this.concepts.in("Kühlschranks").get(0).concept().id()).isEqualTo("fridge");
		assertThat(this.concepts.in("والدراجة").get(0).concept().id()).isEqualTo("bicycle");
		assertThat(this.concepts.in("بالثلاجة").get(0).concept().id()).isEqualTo("fridge");
		// Too short a word to look for inside another, and too long an ending.
		assertThat(this.concepts.in("Radio")).isEmpty();
		assertThat(this.concepts.in("Arzthelferinnen")).isEmpty();
	}

	@Test
	void theLongestWordSequenceWins() {
		assertThat(this.concepts.in("детский сад").stream().map((m) -> m.concept().id()))
			.containsExactly("kindergarten");
		assertThat(this.concepts.in("ev arıyorum").stream().map((m) -> m.concept().id())).containsExactly("flat");
		assertThat(this.concepts.in("садок детский")).extracting((m) -> m.concept().id()).contains("kindergarten");
	}

	@Test
	void aQueryNamesFewConceptsSpecificOnesFirst() {
		List<Concepts.Match> matches = this.concepts.in("Hilfe Zeit Familie Fahrrad Kühlschrank Wohnung Arzt Kita");
		assertThat(matches).hasSize(Concepts.MAX_CONCEPTS);
		assertThat(matches).noneMatch((m) -> m.concept().general());
		String huge = "Fahrrad ".repeat(2000) + " Kühlschrank";
		assertThat(this.concepts.in(huge)).extracting((m) -> m.concept().id()).containsExactly("bicycle");
		assertThat(this.concepts.in("!!! ??? ،؛ \u200f\u200e")).isEmpty();
		assertThat(this.concepts.in("")).isEmpty();
	}

	@Test
	void aBrokenLexiconStopsTheStart() {
		JsonMapper json = JsonMapper.builder().build();
		Map<String, Object> missingLanguage = Map.of("concepts",
				List.of(Map.of("id", "bike", "words", Map.of("de", List.of("fahrrad")))));
		assertThatIllegalStateException().isThrownBy(() -> new Concepts(json.valueToTree(missingLanguage), TOPICS))
			.withMessageContaining("no words in 'en'");
		Map<String, List<String>> all = Map.of("de", List.of("fahrrad"), "en", List.of("bike"), "ar", List.of("دراجة"),
				"fa", List.of("دوچرخه"), "uk", List.of("велосипед"), "ru", List.of("велосипед"), "tr",
				List.of("bisiklet"));
		Map<String, Object> unknownTopic = Map.of("concepts",
				List.of(Map.of("id", "bike", "words", all, "topics", List.of("mobility/cars"))));
		assertThatIllegalStateException().isThrownBy(() -> new Concepts(json.valueToTree(unknownTopic), TOPICS))
			.withMessageContaining("unknown topic 'mobility/cars'");
		Map<String, Object> twice = Map.of("concepts",
				List.of(Map.of("id", "bike", "words", all), Map.of("id", "bike", "words", all)));
		assertThatIllegalStateException().isThrownBy(() -> new Concepts(json.valueToTree(twice), TOPICS))
			.withMessageContaining("repeated id");
		assertThat(
				new Concepts(
						json.valueToTree(Map.of("concepts",
								List.of(Map.of("id", "bike", "words", all, "topics", List.of("mobility/bikes"))))),
						TOPICS)
					.in("Bike")
					.get(0)
					.concept()
					.topics())
			.containsExactly("mobility/bikes");
	}

}
