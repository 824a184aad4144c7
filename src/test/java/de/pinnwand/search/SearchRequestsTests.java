package de.pinnwand.search;

import java.util.List;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import de.pinnwand.listings.ListingsProperties;
import de.pinnwand.listings.TopicTree;
import de.pinnwand.search.ListingSearch.Tolerance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of the portal's Elasticsearch request where it decides the cost (issue 18):
 * which fields a word is looked up in, how many clauses the concepts add and which are
 * named, how facets are counted.
 */
class SearchRequestsTests {

	private static final TopicTree TOPICS = TopicTree
		.of(new Binder(new MapConfigurationPropertySource()).bindOrCreate("pinnwand.listings", ListingsProperties.class)
			.topics());

	private final Concepts concepts = new Concepts(Concepts.read(), TOPICS);

	private final SearchRequests requests = new SearchRequests("listings", new Synonyms(), new Facets(TOPICS));

	@Test
	void aWordIsLookedUpInTheLanguagesOfItsScriptOnly() {
		assertThat(SearchRequests.fields("Fahrrad", true)).containsExactly("title^3", "description", "text.de.title^3",
				"text.de.description", "text.en.title^3", "text.en.description", "text.tr.title^3",
				"text.tr.description", "title.compound^1.5", "description.compound^0.5");
		assertThat(SearchRequests.fields("велосипед", false)).containsExactly("title^3", "description",
				"text.uk.title^3", "text.uk.description", "text.ru.title^3", "text.ru.description");
		assertThat(SearchRequests.fields("دوچرخه", false)).contains("text.ar.title^3", "text.fa.description")
			.doesNotContain("text.de.title^3", "text.uk.title^3");
		// Mixed scripts: each script's languages.
		assertThat(SearchRequests.fields("bike велосипед", false)).contains("text.en.title^3", "text.ru.title^3")
			.doesNotContain("text.ar.title^3");
	}

	@Test
	void aTextOfAnotherScriptOrWithoutLettersIsLookedUpInEveryLanguage() {
		assertThat(SearchRequests.fields("自転車", false)).contains("text.*.title^3", "text.*.description");
		assertThat(SearchRequests.fields("Fahrrad 自転車", false)).contains("text.*.title^3");
		assertThat(SearchRequests.fields("71638", false)).contains("text.*.title^3");
	}

	@Test
	void theConceptsOfAQueryShareOneClausePerLanguage() {
		// Two specific concepts: a bicycle and a fridge.
		List<Query> clauses = CrossLanguage.of(this.concepts, "велосипед холодильник").clauses();
		List<Query> english = clauses.stream()
			.filter((q) -> q.isMultiMatch() && q.multiMatch().fields().contains("text.en.title^3"))
			.filter((q) -> q.multiMatch().operator() == null)
			.toList();
		assertThat(english).hasSize(1);
		assertThat(english.get(0).multiMatch().query()).contains("bicycle").contains("fridge");
		assertThat(clauses.stream().filter(Query::isConstantScore)).hasSizeLessThanOrEqualTo(1);
	}

	@Test
	void onlyTheTypedWordsClausesAreNamed() {
		SearchRequest request = this.requests.request(query("велосипед", List.of()), Tolerance.EXACT,
				CrossLanguage.of(this.concepts, "велосипед"));
		BoolQuery text = request.query().functionScore().query().bool().must().get(0).bool();
		assertThat(text.should()).hasSizeGreaterThan(3);
		text.should().forEach((clause) -> {
			String name = clause.isMultiMatch() ? clause.multiMatch().queryName() : clause.constantScore().queryName();
			boolean typed = clause.isMultiMatch() && clause.multiMatch().query().equals("велосипед");
			assertThat(name).as(clause.toString()).isEqualTo(typed ? CrossLanguage.TYPED : null);
		});
	}

	@Test
	void aResultThatOnlyAConceptFoundSaysTheConceptsWordInItsLanguage() {
		CrossLanguage bicycle = CrossLanguage.of(this.concepts, "велосипед");
		assertThat(bicycle.foundFor(List.of(), "de")).isEqualTo("Fahrrad");
		assertThat(bicycle.foundFor(null, "ar")).isEqualTo("دراجة");
		assertThat(bicycle.foundFor(List.of(CrossLanguage.TYPED), "de")).isNull();
		assertThat(CrossLanguage.of(this.concepts, "Zickzack").foundFor(List.of(), "de")).isNull();
	}

	@Test
	void withoutFacetFiltersFacetsAreCountedStraightAndNothingIsPostFiltered() {
		SearchRequest request = this.requests.request(query("Fahrrad", List.of()), Tolerance.EXACT,
				CrossLanguage.of(this.concepts, "Fahrrad"));
		assertThat(request.postFilter()).isNull();
		Facets.FACETS.forEach((facet) -> assertThat(request.aggregations().get(facet).isTerms()).as(facet).isTrue());
	}

	@Test
	void aFacetFilterNarrowsTheHitsAndTheOtherFacetsButNotItsOwnFacet() {
		SearchRequest request = this.requests.request(query("Fahrrad", List.of("OFFER")), Tolerance.EXACT,
				CrossLanguage.of(this.concepts, "Fahrrad"));
		assertThat(request.postFilter()).isNotNull();
		assertThat(request.aggregations().get("kind").isTerms()).isTrue();
		assertThat(request.aggregations().get("topics").isFilter()).isTrue();
		assertThat(request.aggregations().get("topics").aggregations().get("values").isTerms()).isTrue();
	}

	private static ListingQuery query(String text, List<String> kinds) {
		return new ListingQuery(text, kinds, List.of(), List.of(), List.of(), List.of(), null, 10,
				ListingQuery.Sort.RELEVANCE, 1, 20, null);
	}

}
