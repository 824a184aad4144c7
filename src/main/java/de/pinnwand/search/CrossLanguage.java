package de.pinnwand.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScore;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import de.pinnwand.listings.TopicTree;

/**
 * What a query gains from the concepts it names: for each concept its words in every language, searched in the
 * fields of that language only (the Russian words where Russian listings are analysed, the German ones where German
 * ones are), and the concept's topics, weighted lower. Every clause is named, so that a hit says which clause found
 * it: a listing that only a concept found is shown as 'found for «Fahrrad»'.
 */
final class CrossLanguage {

	/** The name of the clauses of the words as typed (with their synonyms and corrections). */
	static final String TYPED = "typed";

	private static final String WORDS = "concept:";

	private static final String TOPICS = "topic:";

	/** Single words per language and concept; the first ones are the common forms. */
	static final int MAX_WORDS_PER_LANGUAGE = 5;

	/** No query gains more clauses than this, however many concepts it names. */
	static final int MAX_CLAUSES = 30;

	/** Words of a concept count less than the words typed; a general concept's (help, time) much less. */
	static final float CONCEPT_BOOST = 0.6f;

	static final float GENERAL_BOOST = 0.2f;

	/** A listing of a concept's topic that says none of its words: found, but below every text match. */
	static final float TOPIC_BOOST = 0.8f;

	/** Listings in the query's language, and those whose posters speak it, rank higher. */
	static final double OWN_TEXT_WEIGHT = 0.3;

	static final double OWN_SPEAKER_WEIGHT = 0.2;

	private final List<Concepts.Match> matches;

	private final Set<String> languages;

	private CrossLanguage(List<Concepts.Match> matches, Set<String> languages) {
		this.matches = matches;
		this.languages = languages;
	}

	static CrossLanguage of(Concepts concepts, String text) {
		List<Concepts.Match> matches = text.isBlank() ? List.of() : concepts.in(text);
		Set<String> languages = new LinkedHashSet<>();
		matches.forEach((match) -> languages.addAll(match.languages()));
		if (languages.isEmpty()) {
			languages.addAll(byScript(text));
		}
		if (languages.contains("fa")) {
			languages.add("prs");
		}
		return new CrossLanguage(matches, languages);
	}

	/** The languages a query is written in, as far as its script tells when no concept does. */
	private static Set<String> byScript(String text) {
		Set<String> languages = new LinkedHashSet<>();
		text.codePoints().limit(400).forEach((c) -> {
			Character.UnicodeScript script = Character.UnicodeScript.of(c);
			if (script == Character.UnicodeScript.CYRILLIC) {
				languages.add("uk");
				languages.add("ru");
			}
			else if (script == Character.UnicodeScript.ARABIC) {
				languages.add("ar");
				languages.add("fa");
			}
		});
		return languages;
	}

	/** The clauses for the concepts, in the order they were named, no more than {@link #MAX_CLAUSES}. */
	List<Query> clauses() {
		List<Query> clauses = new ArrayList<>();
		for (Concepts.Match match : this.matches) {
			Concepts.Concept concept = match.concept();
			float boost = concept.general() ? GENERAL_BOOST : CONCEPT_BOOST;
			for (String language : Concepts.LANGUAGES) {
				String name = WORDS + concept.id() + ":" + language;
				List<String> fields = List.of("text." + language + ".title^3", "text." + language + ".description");
				List<String> forms = concept.words().get(language);
				List<String> single = forms.stream().filter((form) -> Concepts.words(form).size() == 1)
					.limit(MAX_WORDS_PER_LANGUAGE).toList();
				if (!single.isEmpty()) {
					clauses.add(Query.of((q) -> q.multiMatch((mm) -> mm.query(String.join(" ", single))
						.fields(fields).type(TextQueryType.BestFields).boost(boost).queryName(name))));
				}
				// One phrase per language: all its words must be in the same field ('дитячий садок', not every
				// 'дитячий').
				forms.stream().filter((form) -> Concepts.words(form).size() > 1).findFirst()
					.ifPresent((phrase) -> clauses.add(Query.of((q) -> q.multiMatch((mm) -> mm.query(phrase)
						.fields(fields).type(TextQueryType.BestFields).operator(Operator.And).boost(boost)
						.queryName(name)))));
				if (language.equals("de") && !single.isEmpty() && !match.typed().equals(Concepts.key(single.get(0)))) {
					// German compounds hold the word as a part: 'Fahrrad' in 'Kinderfahrrad'. The typed words' clause
					// searches the parts already when the word is the one typed.
					clauses.add(Query.of((q) -> q.multiMatch((mm) -> mm.query(single.get(0))
						.fields("title.compound^1.5", "description.compound^0.5").type(TextQueryType.BestFields)
						.boost(boost).queryName(name))));
				}
			}
			// Only sub-topics are inferred: a parent topic holds a twelfth of the board or more, and every listing it
			// adds is scored and counted in the facets (on 20,000 listings that made Elasticsearch's CPU per search
			// 7 × the plain body's).
			List<FieldValue> topics = concept.topics().stream().filter(TopicTree::isSubtopic).map(FieldValue::of)
				.toList();
			if (!concept.general() && !topics.isEmpty()) {
				clauses.add(Query.of((q) -> q.constantScore((cs) -> cs.filter((f) -> f.terms((t) -> t.field("topics")
					.terms((v) -> v.value(topics)))).boost(TOPIC_BOOST).queryName(TOPICS + concept.id()))));
			}
		}
		return clauses.subList(0, Math.min(MAX_CLAUSES, clauses.size()));
	}

	/** Higher rank for listings written in the query's language and for posters who speak it. */
	List<FunctionScore> rankOwnLanguageFirst() {
		if (this.languages.isEmpty()) {
			return List.of();
		}
		List<FieldValue> values = this.languages.stream().map(FieldValue::of).toList();
		return List.of(
				FunctionScore.of((fn) -> fn.filter((f) -> f.terms((t) -> t.field("textLanguage")
					.terms((v) -> v.value(values)))).weight(OWN_TEXT_WEIGHT)),
				FunctionScore.of((fn) -> fn.filter((f) -> f.terms((t) -> t.field("languages")
					.terms((v) -> v.value(values)))).weight(OWN_SPEAKER_WEIGHT)));
	}

	/**
	 * The word a listing was found for when no word as typed found it: the concept's word in the listing's language
	 * ('Fahrrad' for a German listing found by 'велосипед'); null when the typed words found it.
	 */
	String foundFor(List<String> matchedQueries, String textLanguage) {
		if (matchedQueries == null || matchedQueries.isEmpty() || matchedQueries.contains(TYPED)) {
			return null;
		}
		Map<String, Concepts.Concept> byId = new LinkedHashMap<>();
		this.matches.forEach((match) -> byId.put(match.concept().id(), match.concept()));
		for (String name : matchedQueries) {
			if (name.startsWith(WORDS)) {
				String[] parts = name.substring(WORDS.length()).split(":");
				Concepts.Concept concept = byId.get(parts[0]);
				if (concept != null) {
					return concept.name(parts[1]);
				}
			}
		}
		for (String name : matchedQueries) {
			Concepts.Concept concept = name.startsWith(TOPICS) ? byId.get(name.substring(TOPICS.length())) : null;
			if (concept != null) {
				String language = ListingDocument.analyzedLanguage(textLanguage);
				return concept.name((language != null && Concepts.LANGUAGES.contains(language)) ? language : "de");
			}
		}
		return null;
	}

}
