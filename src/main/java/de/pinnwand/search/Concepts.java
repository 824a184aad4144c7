package de.pinnwand.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.pinnwand.listings.TopicTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The multilingual concepts of {@code search-mappings/concepts.json}: for the words of a
 * query, the concepts they name (a bicycle, a fridge, a kindergarten place) with their
 * words in every interface language and the topics they belong to. A query in Russian
 * thereby also searches the German, Arabic and Persian words for the same thing. Applied
 * when a query is built, like {@link Synonyms}: a change needs no reindex. The file is
 * checked at start; a concept without words in a language, or naming an unknown topic,
 * stops the app.
 */
@Component
public class Concepts {

	private static final Logger logger = LoggerFactory.getLogger(Concepts.class);

	static final String DEFINITION = "search-mappings/concepts.json";

	/**
	 * The languages every concept has words in: the interface languages ('fa' covers
	 * Dari).
	 */
	static final List<String> LANGUAGES = List.of("de", "en", "ar", "fa", "uk", "ru", "tr");

	/**
	 * Only the first words of a query are looked up: a 10 KB query costs what a short one
	 * does.
	 */
	static final int MAX_WORDS = 24;

	/** The longest word sequence a concept's word may have. */
	static final int MAX_PHRASE = 4;

	/**
	 * No query names more concepts than this, whatever it says; specific concepts are
	 * kept before general ones.
	 */
	static final int MAX_CONCEPTS = 3;

	/**
	 * A concept: its words per language (the first names it in results), the topics a
	 * query for it also finds, and whether it is general (help, time, family: searched in
	 * other languages with less weight, no topics).
	 */
	public record Concept(String id, Map<String, List<String>> words, List<String> topics, boolean general) {

		/** The word that names the concept in a language; for 'found for «…»'. */
		public String name(String language) {
			List<String> forms = this.words.get(language);
			return (forms != null && !forms.isEmpty()) ? forms.get(0) : this.id;
		}

	}

	/**
	 * A concept a query names, and the languages whose word the query used ('велосипед':
	 * uk and ru).
	 */
	public record Match(Concept concept, String typed, Set<String> languages) {
	}

	private record Entry(Concept concept, String language) {
	}

	private final List<Concept> concepts;

	private final Map<String, List<Entry>> byForm = new HashMap<>();

	@Autowired
	Concepts(TopicTree topics) {
		this(read(), topics);
	}

	Concepts(JsonNode root, TopicTree topics) {
		this.concepts = parse(root, topics);
		for (Concept concept : this.concepts) {
			concept.words()
				.forEach((language, forms) -> forms
					.forEach((form) -> this.byForm.computeIfAbsent(key(form), (k) -> new ArrayList<>())
						.add(new Entry(concept, language))));
		}
	}

	/** All concepts, in the file's order. */
	public List<Concept> all() {
		return this.concepts;
	}

	/** Whether a word (as typed) is a word of some concept. */
	public boolean knows(String word) {
		return this.byForm.containsKey(key(word));
	}

	/**
	 * The concepts the query names, longest word sequences first ('детский сад' is one
	 * concept, not two); each concept once, at most {@link #MAX_CONCEPTS}.
	 */
	public List<Match> in(String text) {
		List<String> words = words(text);
		if (words.size() > MAX_WORDS) {
			words = words.subList(0, MAX_WORDS);
		}
		boolean[] used = new boolean[words.size()];
		Map<String, Match> found = new LinkedHashMap<>();
		for (int length = Math.min(MAX_PHRASE, words.size()); length >= 1; length--) {
			for (int start = 0; start + length <= words.size(); start++) {
				if (anyUsed(used, start, length)) {
					continue;
				}
				String phrase = String.join(" ", words.subList(start, start + length));
				List<Entry> entries = (length == 1) ? lookUpWord(phrase) : this.byForm.get(phrase);
				if (entries == null) {
					continue;
				}
				for (int i = start; i < start + length; i++) {
					used[i] = true;
				}
				for (Entry entry : entries) {
					Match known = found.get(entry.concept().id());
					Set<String> languages = new LinkedHashSet<>((known != null) ? known.languages() : Set.of());
					languages.add(entry.language());
					found.put(entry.concept().id(),
							new Match(entry.concept(), (known != null) ? known.typed() : phrase, languages));
				}
			}
		}
		return found.values()
			.stream()
			.sorted(Comparator.comparing((Match m) -> m.concept().general()))
			.limit(MAX_CONCEPTS)
			.toList();
	}

	/**
	 * A single word's concepts: as the lexicon has it; else without Arabic proclitics
	 * ('والدراجة' → 'دراجة'); else the longest word of the lexicon it starts with, when
	 * at most {@link #MAX_ENDING} letters follow (Turkish, Ukrainian, Russian and German
	 * endings: 'doktorlara', 'холодильнику', 'Kühlschranks').
	 */
	private List<Entry> lookUpWord(String word) {
		List<Entry> entries = this.byForm.get(word);
		if (entries != null) {
			return entries;
		}
		for (String proclitic : PROCLITICS) {
			if (word.startsWith(proclitic) && word.length() - proclitic.length() >= MIN_STEM) {
				entries = this.byForm.get(word.substring(proclitic.length()));
				if (entries != null) {
					return entries;
				}
			}
		}
		int letters = word.codePointCount(0, word.length());
		for (int keep = letters - 1; keep >= Math.max(MIN_STEM, letters - MAX_ENDING); keep--) {
			entries = this.byForm.get(word.substring(0, word.offsetByCodePoints(0, keep)));
			if (entries != null) {
				return entries;
			}
		}
		return null;
	}

	/**
	 * Arabic conjunctions, prepositions and the article written onto a word, longest
	 * first.
	 */
	private static final List<String> PROCLITICS = List.of("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف");

	/** Letters a word may have after a lexicon word and still name its concept. */
	static final int MAX_ENDING = 4;

	/**
	 * No lexicon word shorter than this is looked for inside a longer word ('rad' in
	 * 'Radio', 'ev' in 'evet').
	 */
	static final int MIN_STEM = 4;

	private static boolean anyUsed(boolean[] used, int start, int length) {
		for (int i = start; i < start + length; i++) {
			if (used[i]) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The words as {@link Synonyms} reads them, and alef with hamza or madda and teh
	 * marbuta read as plain alef and heh: people type Arabic without them as often as
	 * with.
	 */
	static List<String> words(String text) {
		return Synonyms.words(text)
			.stream()
			.map((word) -> word.replace('\u0623', '\u0627')
				.replace('\u0625', '\u0627')
				.replace('\u0622', '\u0627')
				.replace('\u0629', '\u0647'))
			.toList();
	}

	static String key(String form) {
		return String.join(" ", words(form));
	}

	private static List<Concept> parse(JsonNode root, TopicTree topics) {
		Set<String> codes = new HashSet<>(topics.parents());
		topics.topics().forEach((topic) -> codes.addAll(topic.subtopics()));
		List<Concept> concepts = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		List<String> problems = new ArrayList<>();
		for (JsonNode node : root.path("concepts")) {
			String id = node.path("id").asString("");
			if (id.isBlank() || !ids.add(id)) {
				problems.add("concept '" + id + "': missing or repeated id");
				continue;
			}
			Map<String, List<String>> words = new LinkedHashMap<>();
			for (String language : LANGUAGES) {
				List<String> forms = new ArrayList<>();
				node.path("words").path(language).forEach((form) -> {
					if (!key(form.asString("")).isEmpty()) {
						forms.add(form.asString());
					}
				});
				if (forms.isEmpty()) {
					problems.add("concept '" + id + "': no words in '" + language + "'");
				}
				words.put(language, List.copyOf(forms));
			}
			node.path("words").propertyNames().forEach((language) -> {
				if (!LANGUAGES.contains(language)) {
					problems.add("concept '" + id + "': unknown language '" + language + "'");
				}
			});
			List<String> conceptTopics = new ArrayList<>();
			node.path("topics").forEach((topic) -> conceptTopics.add(topic.asString("")));
			conceptTopics.stream()
				.filter((topic) -> !codes.contains(topic))
				.forEach((topic) -> problems.add("concept '" + id + "': unknown topic '" + topic + "'"));
			concepts.add(new Concept(id, Map.copyOf(words), List.copyOf(conceptTopics),
					node.path("general").asBoolean(false)));
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Search concepts " + DEFINITION + " are invalid: " + problems);
		}
		logger.info("Search concepts " + DEFINITION + " version " + root.path("version").asString("?") + ": "
				+ concepts.size() + " concepts");
		return List.copyOf(concepts);
	}

	static JsonNode read() {
		try (InputStream in = new ClassPathResource(DEFINITION).getInputStream()) {
			return JsonMapper.builder().build().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Search concepts " + DEFINITION + " are missing", ex);
		}
	}

}
