package de.pinnwand.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.ibm.icu.text.MessagePattern.ArgType;
import com.ibm.icu.text.MessagePattern.Part;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A translation says what its German source says: per key the same placeholders, a real
 * plural wherever the German one counts, every plural form the language needs, and at
 * least as many sentences as the German text — a sentence fewer is how dropped content (a
 * warning, a consent, a "we review this") shows. Deliberate differences are listed with a
 * reason in {@code message-bundles-allowed-differences.txt}.
 */
class MessageBundleContentTests {

	private static final String ALLOW_LIST = "message-bundles-allowed-differences.txt";

	private static final Pattern BUNDLE_NAME = Pattern
		.compile("messages_([A-Za-z]{2,3}(?:_[A-Za-z]{2})?)\\.properties");

	/** Abbreviations whose full stop ends no sentence, in the bundles' languages. */
	private static final Pattern ABBREVIATIONS = Pattern.compile(
			"(?iu)(?<![\\p{L}])(z\\.\\s?B\\.|bzw\\.|d\\.\\s?h\\.|usw\\.|ca\\.|Nr\\.|e\\.\\s?g\\.|i\\.\\s?e\\.|etc\\.|"
					+ "т\\.\\s?[ед]\\.|напр\\.|наприклад\\.|örn\\.|vb\\.|vs\\.)");

	/**
	 * A sentence ends at one of these marks (Latin, Arabic, Urdu/Dari full stop,
	 * Devanagari) before a space or the end; a semicolon counts too, because a clause
	 * after it ("…; you will be taken to sign in") is what gets dropped.
	 */
	private static final Pattern SENTENCE_END = Pattern.compile("[.!?;؟؛۔।]+(?=[\\s»«“”\"')\\]]*(\\s|$))");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	/**
	 * A unit or remark in brackets after a question, as in "Wie weit? (km)", is part of
	 * that question.
	 */
	private static final Pattern ASIDE = Pattern.compile("\\s*\\([^()]*\\)\\s*");

	@TestFactory
	Stream<DynamicTest> everyBundleSaysWhatTheGermanSourceSays() throws IOException {
		Properties german = load(new ClassPathResource("messages.properties"));
		Set<String> allowed = allowList();
		assertThat(allowed).as("allow-list entries for keys the German source does not have")
			.allSatisfy((entry) -> assertThat(german).containsKey(entry.split(" ")[1]));
		Resource[] bundles = new PathMatchingResourcePatternResolver().getResources("classpath*:messages_*.properties");
		assertThat(bundles).as("translated bundles").hasSizeGreaterThanOrEqualTo(6);
		return Stream.of(bundles).filter((bundle) -> language(bundle) != null).map((bundle) -> {
			String language = language(bundle);
			return DynamicTest.dynamicTest(language, () -> {
				List<String> problems = differences(german, load(bundle), language, allowed);
				assertThat(problems)
					.as("%d differences between messages_%s and the German source", problems.size(), language)
					.isEmpty();
			});
		});
	}

	@Test
	void findsADroppedSentenceAMissingPlaceholderAndAFlattenedPlural() {
		Properties german = new Properties();
		german.setProperty("a", "Das wird gelöscht. Laden Sie vorher Ihre Daten herunter, z. B. als Datei.");
		german.setProperty("b", "Hallo {0}, es gibt {1, plural, one {# Neuigkeit} other {# Neuigkeiten}}.");
		german.setProperty("c", "Noch {0, plural, one {# Platz} other {# Plätze}} frei.");
		Properties russian = new Properties();
		russian.setProperty("a", "Это будет удалено.");
		russian.setProperty("b",
				"Здравствуйте, есть {1, plural, one {# новость} few {# новости} many {# новостей} other {# новости}}.");
		russian.setProperty("c", "Свободно мест: {0}.");
		assertThat(differences(german, russian, "ru", Set.of())).hasSize(3)
			.anySatisfy((problem) -> assertThat(problem).startsWith("a: 1 sentences"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("b: placeholders"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("c: {0} counts in German"));
		russian.setProperty("c", "Свободно {0, plural, one {# место} other {# мест}}.");
		assertThat(differences(german, russian, "ru", Set.of("ru a sentences", "ru b arguments")))
			.containsExactly("c: {0} lacks the plural forms [few, many]");
	}

	@Test
	void countsSentencesNotAbbreviationsOrPluralBranches() {
		assertThat(sentences("Bitte geben Sie ein Datum an, z. B. 2026-12-03.")).isEqualTo(1);
		assertThat(sentences("{0, plural, one {Noch # Platz frei.} other {Noch # Plätze frei.}} Danke!")).isEqualTo(2);
		assertThat(sentences("Stimmt etwas nicht? Sagen Sie uns, warum. Ihre Meldung bleibt anonym.")).isEqualTo(3);
		assertThat(sentences("هل هناك مشكلة؟ أخبرونا.")).isEqualTo(2);
		assertThat(sentences("Zum Anmelden brauchen Sie ein Konto; Sie werden dafür zur Anmeldung geführt."))
			.isEqualTo(2);
		assertThat(sentences("فقط للإشعارات؛ لا يظهر إلا إذا شاركتموه.")).isEqualTo(2);
		assertThat(sentences("Plätze frei")).isEqualTo(1);
		assertThat(sentences("{0} – {1}, {2}")).isEqualTo(1);
		assertThat(sentences("Wie weit weg höchstens? (km)")).isEqualTo(1);
	}

	static List<String> differences(Properties german, Properties other, String language, Set<String> allowed) {
		List<String> problems = new ArrayList<>();
		ULocale locale = ULocale.forLanguageTag(language.replace('_', '-'));
		Set<String> neededForms = neededPluralForms(locale);
		for (String key : new TreeSet<>(german.stringPropertyNames())) {
			String source = german.getProperty(key);
			String translation = other.getProperty(key);
			if (translation == null) {
				continue; // MessageBundlesTests reports missing keys
			}
			Map<String, ArgType> sourceArguments = arguments(source);
			Map<String, ArgType> arguments = arguments(translation);
			if (!sourceArguments.keySet().equals(arguments.keySet())
					&& !allowed.contains(language + " " + key + " arguments")) {
				problems.add(key + ": placeholders " + arguments.keySet() + " instead of " + sourceArguments.keySet());
			}
			sourceArguments.forEach((name, type) -> {
				if (type.hasPluralStyle() && arguments.containsKey(name) && !arguments.get(name).hasPluralStyle()
						&& !allowed.contains(language + " " + key + " arguments")) {
					problems.add(key + ": {" + name + "} counts in German but is no plural here");
				}
			});
			for (Map.Entry<String, Set<String>> plural : pluralForms(translation).entrySet()) {
				Set<String> missing = new TreeSet<>(neededForms);
				missing.removeAll(plural.getValue());
				if (!missing.isEmpty()) {
					problems.add(key + ": {" + plural.getKey() + "} lacks the plural forms " + missing);
				}
			}
			int expected = sentences(source);
			int actual = sentences(translation);
			// More sentences are fine: a translator may split a long German sentence for
			// readers with little schooling.
			if (actual < expected && !allowed.contains(language + " " + key + " sentences")) {
				problems.add(key + ": " + actual + " sentences instead of " + expected + " – " + translation);
			}
		}
		return problems;
	}

	/**
	 * The plural categories a whole number can fall into in this language, plus
	 * {@code other}, which ICU requires.
	 */
	private static Set<String> neededPluralForms(ULocale locale) {
		PluralRules rules = PluralRules.forLocale(locale);
		Set<String> forms = new TreeSet<>();
		forms.add("other");
		for (String keyword : rules.getKeywords()) {
			if (!rules.getSamples(keyword, PluralRules.SampleType.INTEGER).isEmpty()) {
				forms.add(keyword);
			}
		}
		return forms;
	}

	/**
	 * Each placeholder's name with its kind; a text that does not parse as ICU has none
	 * (the bundle test reports it).
	 */
	private static Map<String, ArgType> arguments(String text) {
		Map<String, ArgType> arguments = new TreeMap<>();
		MessagePattern pattern = parse(text);
		if (pattern == null) {
			return arguments;
		}
		for (int i = 0; i < pattern.countParts(); i++) {
			Part part = pattern.getPart(i);
			if (part.getType() == Part.Type.ARG_START) {
				String name = pattern.getSubstring(pattern.getPart(i + 1));
				ArgType type = part.getArgType();
				arguments.merge(name, type, (known, added) -> known.hasPluralStyle() ? known : added);
			}
		}
		return arguments;
	}

	/**
	 * For each plural placeholder, the forms it spells out (explicit values such as
	 * {@code =0} do not count).
	 */
	private static Map<String, Set<String>> pluralForms(String text) {
		Map<String, Set<String>> forms = new TreeMap<>();
		MessagePattern pattern = parse(text);
		if (pattern == null) {
			return forms;
		}
		for (int i = 0; i < pattern.countParts(); i++) {
			Part part = pattern.getPart(i);
			if (part.getType() == Part.Type.ARG_START && part.getArgType() == ArgType.PLURAL) {
				Set<String> selectors = forms.computeIfAbsent(pattern.getSubstring(pattern.getPart(i + 1)),
						(name) -> new HashSet<>());
				int limit = pattern.getLimitPartIndex(i);
				for (int j = i + 1; j < limit; j++) {
					Part selector = pattern.getPart(j);
					if (selector.getType() == Part.Type.ARG_SELECTOR) {
						selectors.add(pattern.getSubstring(selector));
					}
					else if (selector.getType() == Part.Type.MSG_START) {
						j = pattern.getLimitPartIndex(j);
					}
				}
			}
		}
		return forms;
	}

	/**
	 * Sentences of the text as a reader sees it, a counting placeholder read through its
	 * {@code other} form.
	 */
	static int sentences(String text) {
		String plain = ABBREVIATIONS.matcher(readable(text)).replaceAll("abbr");
		int count = 0;
		for (String segment : SENTENCE_END.split(plain)) {
			if (LETTER.matcher(segment).find() && !ASIDE.matcher(segment).matches()) {
				count++;
			}
		}
		// A text of placeholders and signs only (such as "{0} – {1}") is still one thing
		// said.
		return (count == 0 && !text.isBlank()) ? 1 : count;
	}

	private static String readable(String text) {
		MessagePattern pattern = parse(text);
		if (pattern == null || pattern.countParts() <= 2) {
			return text;
		}
		StringBuilder readable = new StringBuilder();
		appendMessage(pattern, 0, readable);
		return readable.toString();
	}

	/**
	 * Appends the message that starts at this part, with simple placeholders as a number.
	 */
	private static int appendMessage(MessagePattern pattern, int start, StringBuilder out) {
		String source = pattern.getPatternString();
		int textFrom = pattern.getPart(start).getLimit();
		for (int i = start + 1;; i++) {
			Part part = pattern.getPart(i);
			Part.Type type = part.getType();
			if (type == Part.Type.MSG_LIMIT || type == Part.Type.SKIP_SYNTAX || type == Part.Type.INSERT_CHAR
					|| type == Part.Type.REPLACE_NUMBER || type == Part.Type.ARG_START) {
				out.append(source, textFrom, part.getIndex());
				textFrom = part.getLimit();
			}
			if (type == Part.Type.MSG_LIMIT) {
				return i;
			}
			if (type == Part.Type.INSERT_CHAR) {
				out.append((char) part.getValue());
			}
			else if (type == Part.Type.REPLACE_NUMBER) {
				out.append('7');
			}
			else if (type == Part.Type.ARG_START) {
				int limit = pattern.getLimitPartIndex(i);
				if (part.getArgType() == ArgType.NONE || part.getArgType() == ArgType.SIMPLE) {
					out.append('7');
				}
				else {
					appendOtherBranch(pattern, i, limit, out);
				}
				i = limit;
				textFrom = pattern.getPart(limit).getLimit();
			}
		}
	}

	private static void appendOtherBranch(MessagePattern pattern, int start, int limit, StringBuilder out) {
		for (int j = start + 1; j < limit; j++) {
			Part part = pattern.getPart(j);
			if (part.getType() == Part.Type.ARG_SELECTOR && pattern.getSubstring(part).equals("other")) {
				appendMessage(pattern, j + 1, out);
				return;
			}
		}
	}

	private static MessagePattern parse(String text) {
		try {
			return new MessagePattern(text);
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			return null;
		}
	}

	private static String language(Resource bundle) {
		Matcher matcher = BUNDLE_NAME.matcher(String.valueOf(bundle.getFilename()));
		return matcher.matches() ? matcher.group(1) : null;
	}

	/**
	 * Entries {@code <language> <key> <sentences|arguments>: <reason>}; a line without a
	 * reason is refused.
	 */
	private static Set<String> allowList() throws IOException {
		Set<String> allowed = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(ALLOW_LIST).getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String entry = line.strip();
				if (entry.isEmpty() || entry.startsWith("#")) {
					continue;
				}
				String[] parts = entry.split(":", 2);
				assertThat(parts).as("allow-list line without a reason: " + line).hasSize(2);
				assertThat(parts[1].strip()).as("reason in: " + line).isNotEmpty();
				assertThat(parts[0].strip().split("\\s+")).as("language, key and check in: " + line).hasSize(3);
				allowed.add(parts[0].strip().replaceAll("\\s+", " "));
			}
		}
		return allowed;
	}

	private static Properties load(Resource resource) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
