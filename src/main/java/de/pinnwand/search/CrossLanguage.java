package de.pinnwand.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScore;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import de.pinnwand.listings.TopicTree;

/**
 * What a query gains from the concepts it names: for each concept its words in every
 * language, searched in the fields of that language only (the Russian words where Russian
 * listings are analysed, the German ones where German ones are), and the concept's
 * topics, weighted lower. The typed words' clauses are named, so that a hit says whether
 * they found it: a listing that only a concept found is shown as 'found for «Fahrrad»'.
 */
final class CrossLanguage {

	/**
	 * The name of the clauses of the words as typed (with their synonyms and
	 * corrections).
	 */
	static final String TYPED = "typed";

	/** Single words per language and concept; the first ones are the common forms. */
	static final int MAX_WORDS_PER_LANGUAGE = 5;

	/** No query gains more clauses than this, however many concepts it names. */
	static final int MAX_CLAUSES = 30;

	/**
	 * Words of a concept count less than the words typed; a general concept's (help,
	 * time) much less.
	 */
	static final float CONCEPT_BOOST = 0.6f;

	static final float GENERAL_BOOST = 0.2f;

	/**
	 * A listing of a concept's topic that says none of its words: found, but below every
	 * text match.
	 */
	static final float TOPIC_BOOST = 0.8f;

	/**
	 * Listings in the query's language, and those whose posters speak it, rank higher.
	 */
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

	/**
	 * The languages a query is written in, as far as its script tells when no concept
	 * does.
	 */
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

	/**
	 * The clauses for the concepts, no more than {@link #MAX_CLAUSES}: per language one
	 * clause with the single words of all the query's concepts of the same weight
	 * (specific or general), one phrase per concept and language, one clause for the
	 * German words among compound parts, one for the sub-topics. One clause per concept
	 * and language, as before, gave Elasticsearch up to three times the clauses to
	 * combine and to check per hit for the name, for the same words. A merged clause is
	 * named after its first concept (specific ones come first), which is the word a
	 * result found through it shows.
	 */
	List<Query> clauses() {
		List<Query> clauses = new ArrayList<>();
		for (boolean general : List.of(false, true)) {
			List<Concepts.Match> group = this.matches.stream().filter((m) -> m.concept().general() == general).toList();
			if (group.isEmpty()) {
				continue;
			}
			float boost = general ? GENERAL_BOOST : CONCEPT_BOOST;
			Set<String> parts = new LinkedHashSet<>();
			for (String language : Concepts.LANGUAGES) {
				List<String> fields = List.of("text." + language + ".title^3", "text." + language + ".description");
				Set<String> single = new LinkedHashSet<>();
				for (Concepts.Match match : group) {
					List<String> words = match.concept()
						.words()
						.get(language)
						.stream()
						.filter((form) -> Concepts.words(form).size() == 1)
						.limit(MAX_WORDS_PER_LANGUAGE)
						.toList();
					single.addAll(words);
					if (language.equals("de") && !words.isEmpty()
							&& !match.typed().equals(Concepts.key(words.get(0)))) {
						// German compounds hold the word as a part: 'Fahrrad' in
						// 'Kinderfahrrad'. The typed words'
						// clause searches the parts already when the word is the one
						// typed.
						parts.add(words.get(0));
					}
				}
				if (!single.isEmpty()) {
					clauses.add(Query.of((q) -> q.multiMatch((mm) -> mm.query(String.join(" ", single))
						.fields(fields)
						.type(TextQueryType.BestFields)
						.boost(boost))));
				}
				// One phrase per concept and language: all its words must be in the same
				// field ('дитячий садок', not
				// every 'дитячий').
				for (Concepts.Match match : group) {
					match.concept()
						.words()
						.get(language)
						.stream()
						.filter((form) -> Concepts.words(form).size() > 1)
						.findFirst()
						.ifPresent((phrase) -> clauses.add(Query.of((q) -> q.multiMatch((mm) -> mm.query(phrase)
							.fields(fields)
							.type(TextQueryType.BestFields)
							.operator(Operator.And)
							.boost(boost)))));
				}
			}
			if (!parts.isEmpty()) {
				clauses.add(Query.of((q) -> q.multiMatch((mm) -> mm.query(String.join(" ", parts))
					.fields("title.compound^1.5", "description.compound^0.5")
					.type(TextQueryType.BestFields)
					.boost(boost))));
			}
		}
		// Only sub-topics are inferred: a parent topic holds a twelfth of the board or
		// more, and every listing it
		// adds is scored and counted in the facets (on 20,000 listings that made
		// Elasticsearch's CPU per search
		// 7 × the plain body's). General concepts infer none.
		List<Concepts.Concept> withTopics = this.matches.stream()
			.map(Concepts.Match::concept)
			.filter((concept) -> !concept.general() && concept.topics().stream().anyMatch(TopicTree::isSubtopic))
			.toList();
		if (!withTopics.isEmpty()) {
			List<FieldValue> topics = withTopics.stream()
				.flatMap((concept) -> concept.topics().stream())
				.filter(TopicTree::isSubtopic)
				.distinct()
				.map(FieldValue::of)
				.toList();
			clauses.add(Query.of((q) -> q
				.constantScore((cs) -> cs.filter((f) -> f.terms((t) -> t.field("topics").terms((v) -> v.value(topics))))
					.boost(TOPIC_BOOST))));
		}
		return clauses.subList(0, Math.min(MAX_CLAUSES, clauses.size()));
	}

	/**
	 * Higher rank for listings written in the query's language and for posters who speak
	 * it.
	 */
	List<FunctionScore> rankOwnLanguageFirst() {
		if (this.languages.isEmpty()) {
			return List.of();
		}
		List<FieldValue> values = this.languages.stream().map(FieldValue::of).toList();
		return List.of(
				FunctionScore
					.of((fn) -> fn.filter((f) -> f.terms((t) -> t.field("textLanguage").terms((v) -> v.value(values))))
						.weight(OWN_TEXT_WEIGHT)),
				FunctionScore
					.of((fn) -> fn.filter((f) -> f.terms((t) -> t.field("languages").terms((v) -> v.value(values))))
						.weight(OWN_SPEAKER_WEIGHT)));
	}

	/**
	 * The word a listing was found for when no word as typed found it: the first
	 * concept's word in the listing's language ('Fahrrad' for a German listing found by
	 * 'велосипед'); null when the typed words found it. Only the typed words' clauses are
	 * named: a listing that none of them found was found by a concept's words in its own
	 * language (they are searched in the fields of that language only) or by a concept's
	 * topic, and a name per concept clause cost Elasticsearch a check per clause and hit.
	 */
	String foundFor(List<String> matchedQueries, String textLanguage) {
		if (this.matches.isEmpty() || (matchedQueries != null && matchedQueries.contains(TYPED))) {
			return null;
		}
		String language = ListingDocument.analyzedLanguage(textLanguage);
		return this.matches.get(0)
			.concept()
			.name((language != null && Concepts.LANGUAGES.contains(language)) ? language : "de");
	}

}
