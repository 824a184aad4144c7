package de.pinnwand.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.GeoDistanceType;
import co.elastic.clients.elasticsearch._types.GeoLocation;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.SuggestMode;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScore;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import de.pinnwand.listings.TimeFrame;
import de.pinnwand.search.ListingSearch.Tolerance;

/**
 * Builds the Elasticsearch request of a search: text relevance, filters, facets, order,
 * suggesters.
 */
final class SearchRequests {

	/** Fields of the indexed listing that only searching uses. */
	static final List<String> SEARCH_ONLY_FIELDS = List.of("text", "timeSlots");

	/**
	 * The per-language fields whose analysers can hold the words of a script, by script.
	 */
	private static final Map<Character.UnicodeScript, List<String>> LANGUAGES_BY_SCRIPT = Map.of(
			Character.UnicodeScript.LATIN, List.of("de", "en", "tr"), Character.UnicodeScript.CYRILLIC,
			List.of("uk", "ru"), Character.UnicodeScript.ARABIC, List.of("ar", "fa"));

	/** The parts of compounds ('fahrrad' in 'Kinderfahrrad'). */
	private static final List<String> PART_FIELDS = List.of("title.compound^1.5", "description.compound^0.5");

	static final String UNKNOWN_IN_TITLES = "unknownInTitles";

	static final String UNKNOWN_IN_DESCRIPTIONS = "unknownInDescriptions";

	static final String DID_YOU_MEAN = "didYouMean";

	private final String index;

	private final Synonyms synonyms;

	private final Facets facets;

	SearchRequests(String index, Synonyms synonyms, Facets facets) {
		this.index = index;
		this.synonyms = synonyms;
		this.facets = facets;
	}

	SearchRequest request(ListingQuery query, Tolerance tolerance, CrossLanguage crossLanguage) {
		return SearchRequest.of((s) -> {
			s.index(this.index)
				.query(query(query, tolerance, crossLanguage))
				// The per-language copies of the texts and the time slots are for
				// searching; no result shows them,
				// and they are about half of each hit's bytes to read.
				.source((src) -> src.filter((f) -> f.excludes(SEARCH_ONLY_FIELDS)))
				.from(query.from())
				.size(query.size())
				// Counting stops where paging does: past it a broad query would count
				// every match of a large board,
				// and no page beyond it can be shown anyway.
				.trackTotalHits((t) -> t.count(ListingQuery.MAX_WINDOW));
			switch (query.sort()) {
				case NEWEST -> s.sort((o) -> o.field((f) -> f.field("createdAt").order(SortOrder.Desc)));
				case DISTANCE -> {
					if (query.near() != null) {
						s.sort((o) -> o.geoDistance((g) -> g.field("location")
							.location((l) -> l.latlon((ll) -> ll.lat(query.near().lat()).lon(query.near().lon())))
							.order(SortOrder.Asc)
							.distanceType(GeoDistanceType.Arc)));
					}
				}
				default -> s.sort((o) -> o.score((sc) -> sc.order(SortOrder.Desc)));
			}
			// A stable order for equal scores, so paging never repeats or skips a
			// listing.
			s.sort((o) -> o.field((f) -> f.field("createdAt").order(SortOrder.Desc)));
			s.sort((o) -> o.field((f) -> f.field("id").order(SortOrder.Asc)));
			if (query.after() != null) {
				s.searchAfter(query.after());
			}
			if (!query.text().isBlank() && !tolerance.fuzzy()) {
				// Only words missing from the index as a whole word are looked up
				// (otherwise one dictionary lookup
				// per word and field); they are the typos the tolerant phase corrects.
				s.suggest((sg) -> sg.text(query.text())
					.suggesters(UNKNOWN_IN_TITLES,
							(d) -> d.term(
									(t) -> t.field("title").suggestMode(SuggestMode.Missing).size(1).minWordLength(4)))
					.suggesters(UNKNOWN_IN_DESCRIPTIONS, (d) -> d.term(
							(t) -> t.field("description").suggestMode(SuggestMode.Missing).size(1).minWordLength(4))));
			}
			if (tolerance.fuzzy()) {
				// Only the tolerant phase can end with no hits, the one case 'did you
				// mean' is for.
				s.suggest((sg) -> sg.text(query.text())
					.suggesters(DID_YOU_MEAN, (d) -> d
						.term((t) -> t.field("title").suggestMode(SuggestMode.Popular).size(1).minWordLength(4))));
			}
			this.facets.addTo(s, query);
			return s;
		});
	}

	/**
	 * Text relevance, and for every query nearness and freshness: a listing close to the
	 * searched place and a recent one rank higher, smoothly (Gaussian decay) rather than
	 * in steps.
	 */
	Query query(ListingQuery query, Tolerance tolerance, CrossLanguage crossLanguage) {
		BoolQuery.Builder bool = new BoolQuery.Builder();
		bool.filter((f) -> f.range((r) -> r.date((d) -> d.field("expiresAt").gt("now"))));
		if (!query.text().isBlank()) {
			bool.must((m) -> m.bool((b) -> text(b, query.text(), tolerance, crossLanguage)));
		}
		for (String slot : query.when()) {
			bool.filter((f) -> f.terms((t) -> t.field("timeSlots")
				.terms((v) -> v.value(List.of(FieldValue.of(slot), FieldValue.of(TimeFrame.ANY))))));
		}
		if (query.near() != null) {
			bool.filter((f) -> f.geoDistance((g) -> g.field("location")
				.distance(query.radiusKm() + "km")
				.location((l) -> l.latlon((ll) -> ll.lat(query.near().lat()).lon(query.near().lon())))));
		}
		Query filtered = Query.of((q) -> q.bool(bool.build()));
		List<FunctionScore> functions = new ArrayList<>();
		functions.add(
				FunctionScore.of((fn) -> fn
					.gauss((g) -> g.date((d) -> d.field("createdAt")
						.placement((p) -> p.origin("now").scale(Time.of((t) -> t.time("30d"))).decay(0.5))))
					.weight(0.5)));
		if (query.near() != null) {
			String scale = Math.max(1, query.radiusKm() / 2) + "km";
			functions.add(FunctionScore.of((fn) -> fn.gauss((g) -> g.geo((geo) -> geo.field("location")
				.placement((p) -> p
					.origin(GeoLocation.of((o) -> o.latlon((ll) -> ll.lat(query.near().lat()).lon(query.near().lon()))))
					.scale(scale)
					.decay(0.5))))
				.weight(1.0)));
		}
		if (!query.text().isBlank()) {
			functions.addAll(crossLanguage.rankOwnLanguageFirst());
		}
		return Query.of((q) -> q.functionScore((fs) -> fs.query(filtered)
			.functions(functions)
			.scoreMode(FunctionScoreMode.Sum)
			.boostMode(FunctionBoostMode.Multiply)));
	}

	/**
	 * The words as typed, their synonyms and correction, typos in the tolerant phase, and
	 * the concepts' clauses.
	 */
	private BoolQuery.Builder text(BoolQuery.Builder b, String text, Tolerance tolerance, CrossLanguage crossLanguage) {
		b.should((sh) -> sh.multiMatch((mm) -> mm.query(text)
			.fields(fields(text, true))
			.type(TextQueryType.BestFields)
			.queryName(CrossLanguage.TYPED)));
		// Synonyms count a little less than the words typed; a phrase must match as a
		// phrase, and not among the
		// compound parts, where its words would match anywhere. The single words go in
		// one clause: one clause per
		// word cost Elasticsearch a query and a name to check per hit each, for the same
		// terms.
		List<String> alternatives = this.synonyms.alternativesFor(text);
		List<String> words = alternatives.stream().filter((a) -> a.indexOf(' ') < 0).toList();
		if (!words.isEmpty()) {
			b.should((sh) -> sh.multiMatch((mm) -> mm.query(String.join(" ", words))
				.fields(fields(String.join(" ", words), true))
				.type(TextQueryType.BestFields)
				.boost(0.8f)
				.queryName(CrossLanguage.TYPED)));
		}
		for (String phrase : alternatives.stream().filter((a) -> a.indexOf(' ') >= 0).toList()) {
			b.should((sh) -> sh.multiMatch((mm) -> mm.query(phrase)
				.fields(fields(phrase, false))
				.type(TextQueryType.Phrase)
				.boost(0.8f)
				.queryName(CrossLanguage.TYPED)));
		}
		if (tolerance.correction() != null) {
			// The query as the index spells it, like a synonym: 'fahrrad' also finds
			// 'Kinderfahrrad'.
			b.should((sh) -> sh.multiMatch((mm) -> mm.query(tolerance.correction())
				.fields(fields(tolerance.correction(), true))
				.type(TextQueryType.BestFields)
				.boost(0.8f)
				.queryName(CrossLanguage.TYPED)));
		}
		if (tolerance.fuzzy()) {
			// Small typos still find something, ranked below exact matches.
			b.should((sh) -> sh.multiMatch((mm) -> mm.query(text)
				.fields("title", "description")
				.fuzziness("AUTO")
				.prefixLength(1)
				.boost(0.5f)
				.queryName(CrossLanguage.TYPED)));
		}
		// The same thing in the other languages, and the topics it belongs to.
		crossLanguage.clauses().forEach(b::should);
		return b.minimumShouldMatch("1");
	}

	/**
	 * The fields a text is searched in: the folded title and description (every
	 * language), the per-language fields of the languages written in the text's scripts,
	 * and with {@code parts} the compound parts. A Latin word is not looked up in the
	 * Arabic, Persian, Ukrainian and Russian fields, nor a Cyrillic one in the German
	 * field: their analysers leave such words as they are, so the folded fields find the
	 * same listings, and each field a word is looked up in is one more term to seek in
	 * every segment (the typed words and their synonyms were about 100 of a query's 350
	 * term lookups). A text with letters of another script, or none, is searched in every
	 * language.
	 */
	static List<String> fields(String text, boolean parts) {
		Set<String> languages = new LinkedHashSet<>();
		boolean otherScript = false;
		for (int c : text.codePoints().limit(ListingQuery.MAX_TEXT).toArray()) {
			if (Character.isLetter(c)) {
				List<String> own = LANGUAGES_BY_SCRIPT.get(Character.UnicodeScript.of(c));
				otherScript |= (own == null);
				if (own != null) {
					languages.addAll(own);
				}
			}
		}
		List<String> fields = new ArrayList<>(List.of("title^3", "description"));
		if (otherScript || languages.isEmpty()) {
			fields.addAll(List.of("text.*.title^3", "text.*.description"));
		}
		else {
			languages.forEach((language) -> fields
				.addAll(List.of("text." + language + ".title^3", "text." + language + ".description")));
		}
		if (parts) {
			fields.addAll(PART_FIELDS);
		}
		return fields;
	}

}
