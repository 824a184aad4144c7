package de.pinnwand.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search-time synonyms of {@code search-mappings/synonyms.json}: for the words of a
 * query, the other words that mean the same in this domain (flat/apartment,
 * شفاخانه/بیمارستان). They are applied when a query is built, not in the index, so a
 * change needs no reindex. The Elasticsearch distribution the portal runs has no
 * {@code synonym_graph} filter, which is why the app applies them; the rules use that
 * filter's syntax.
 */
@Component
public class Synonyms {

	private static final Logger logger = LoggerFactory.getLogger(Synonyms.class);

	static final String DEFINITION = "search-mappings/synonyms.json";

	/** No query grows by more than this many alternatives, whatever the rules say. */
	static final int MAX_ALTERNATIVES = 8;

	/**
	 * A rule: when the query holds {@code words} (consecutive), {@code alternatives} are
	 * searched too.
	 */
	record Rule(List<String> words, List<String> alternatives) {
	}

	private final List<Rule> rules;

	Synonyms() {
		this(read());
	}

	Synonyms(List<String> lines) {
		this.rules = lines.stream().flatMap((line) -> parse(line).stream()).toList();
	}

	/**
	 * The other words for the words of this query, each once, none that the query has
	 * already.
	 */
	public List<String> alternativesFor(String text) {
		List<String> words = words(text);
		if (words.isEmpty()) {
			return List.of();
		}
		String query = String.join(" ", words);
		Set<String> alternatives = new LinkedHashSet<>();
		for (Rule rule : this.rules) {
			if (Collections.indexOfSubList(words, rule.words()) >= 0) {
				for (String alternative : rule.alternatives()) {
					if (!(" " + query + " ").contains(" " + alternative + " ")) {
						alternatives.add(alternative);
					}
				}
			}
		}
		return alternatives.stream().limit(MAX_ALTERNATIVES).toList();
	}

	/** 'a, b, c' becomes one rule per word; 'a, b => c, d' rules for a and b only. */
	static List<Rule> parse(String line) {
		String[] sides = line.split("=>", -1);
		List<String> left = phrases(sides[0]);
		List<String> right = (sides.length > 1) ? phrases(sides[1]) : left;
		List<Rule> rules = new ArrayList<>();
		for (String phrase : left) {
			List<String> alternatives = right.stream().filter((other) -> !other.equals(phrase)).toList();
			if (!alternatives.isEmpty()) {
				rules.add(new Rule(List.of(phrase.split(" ")), alternatives));
			}
		}
		return rules;
	}

	private static List<String> phrases(String side) {
		return Arrays.stream(side.split(","))
			.map((phrase) -> String.join(" ", words(phrase)))
			.filter((phrase) -> !phrase.isEmpty())
			.toList();
	}

	/**
	 * Lowercased words without Arabic diacritics, with Arabic yeh and kaf read as Persian
	 * ones (people type Persian on Arabic keyboards), so rules match however the word was
	 * typed.
	 */
	static List<String> words(String text) {
		String normalized = Normalizer.normalize(text, Normalizer.Form.NFC)
			.toLowerCase(Locale.ROOT)
			.replace('\u064A', '\u06CC')
			.replace('\u0649', '\u06CC')
			.replace('\u0643', '\u06A9');
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		normalized.codePoints().forEach((c) -> {
			int type = Character.getType(c);
			if (type == Character.NON_SPACING_MARK || c == '\u200C' || c == '\u0640') {
				// Diacritics, the zero-width non-joiner and the tatweel are part of the
				// word but change nothing.
				return;
			}
			if (Character.isLetterOrDigit(c)) {
				word.appendCodePoint(c);
			}
			else if (!word.isEmpty()) {
				words.add(word.toString());
				word.setLength(0);
			}
		});
		if (!word.isEmpty()) {
			words.add(word.toString());
		}
		return words;
	}

	private static List<String> read() {
		try (InputStream in = new ClassPathResource(DEFINITION).getInputStream()) {
			JsonNode root = JsonMapper.builder().build().readTree(in);
			List<String> lines = new ArrayList<>();
			for (Map.Entry<String, JsonNode> language : root.get("rules").properties()) {
				language.getValue().forEach((rule) -> lines.add(rule.asString()));
			}
			logger.info("Search synonyms " + DEFINITION + " version " + root.path("version").asString("?") + ": "
					+ lines.size() + " rules");
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Search synonyms " + DEFINITION + " are missing", ex);
		}
	}

}
