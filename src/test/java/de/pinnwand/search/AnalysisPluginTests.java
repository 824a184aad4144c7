package de.pinnwand.search;

import java.io.IOException;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import de.pinnwand.PinnwandTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pinnwand-analysis plugin inside the real embedded node: a word and its other forms
 * or spellings must meet in one token, or a search in that language misses listings.
 * Expected tokens are the ones the node produced.
 */
@PinnwandTest
class AnalysisPluginTests {

	@Autowired
	private ElasticsearchClient client;

	@ParameterizedTest(name = "{0}: ''{1}'' and ''{2}''")
	@CsvSource(quoteCharacter = '"', value = {
			// Plurals with umlaut, ß against ss, and an umlaut plural of a compound.
			"pinnwand_german, Häuser, Haus", "pinnwand_german, Straße, strasse", "pinnwand_german, Fahrräder, Fahrrad",
			"pinnwand_english, bicycles, bicycle",
			// With and without tashkeel, as people mostly type it.
			"pinnwand_arabic, مَدْرَسَة, مدرسة",
			// Arabic yeh and kaf (ي ك) against the Persian letters (ی ک), from different
			// keyboards.
			"pinnwand_persian, كيف, کیف", "pinnwand_persian, زندگي, زندگی",
			// Plural with the zero-width non-joiner against the singular.
			"pinnwand_persian, کتاب\u200Cها, کتاب", "pinnwand_ukrainian, квартирою, квартира",
			"pinnwand_ukrainian, квартири, квартира", "pinnwand_russian, квартиры, квартира",
			"pinnwand_russian, велосипедов, велосипед", "pinnwand_turkish, kitaplar, kitap",
			"pinnwand_turkish, Almanya'da, Almanya", "pinnwand_folding, Çay, cay", "pinnwand_folding, Müller, muller" })
	void givesTwoFormsOfAWordTheSameTokens(String analyzer, String form, String otherForm) throws IOException {
		List<String> tokens = tokens(analyzer, form);
		assertThat(tokens).isNotEmpty().isEqualTo(tokens(analyzer, otherForm));
	}

	@Test
	void germanReducesWordsToTheirLightStem() throws IOException {
		assertThat(tokens("pinnwand_german", "Häuser")).containsExactly("haus");
		assertThat(tokens("pinnwand_german", "Straße")).containsExactly("strass");
		assertThat(tokens("pinnwand_german", "Die Wohnungen in der Stadt")).containsExactly("wohnung", "stadt");
	}

	@Test
	void arabicDropsDiacriticsAndTheArticle() throws IOException {
		assertThat(tokens("pinnwand_arabic", "الْكِتَابُ")).containsExactly("كتاب");
	}

	@Test
	void ukrainianLemmatisesInflectedForms() throws IOException {
		assertThat(tokens("pinnwand_ukrainian", "дітей")).containsExactly("дитина");
		// Typographic apostrophes are read as the ASCII one the dictionary knows.
		assertThat(tokens("pinnwand_ukrainian", "п’ять")).containsExactly("п'ять");
	}

	@Test
	void turkishKeepsDottedAndDotlessIApart() throws IOException {
		assertThat(tokens("pinnwand_turkish", "İstanbul")).containsExactly("istanbul");
		assertThat(tokens("pinnwand_turkish", "ISTANBUL")).containsExactly("ıstanbul");
	}

	@Test
	void foldingSegmentsScriptsWithoutSpaces() throws IOException {
		assertThat(tokens("pinnwand_folding", "สวัสดีครับ")).containsExactly("สวัสดี", "ครับ");
	}

	@Test
	void compoundPartsAreFoundByTheSearchToken() throws IOException {
		assertThat(tokens("pinnwand_compound_search", "Fahrrad")).containsExactly("fahrrad");
		// Parts of 4 to 10 letters and the whole word: neither the 3 letter 'rad' nor an
		// 11 letter part.
		assertThat(tokens("pinnwand_compound", "Kinderfahrrad")).contains("fahrrad", "kinder", "kinderfahrrad")
			.doesNotContain("rad", "kinderfahrr");
		assertThat(tokens("pinnwand_compound", "Wohnungssuche"))
			.containsAll(tokens("pinnwand_compound_search", "Wohnung"));
	}

	@Test
	void compoundFindsAPartByAnInflectedQueryWord() throws IOException {
		assertThat(tokens("pinnwand_compound", "Kinderfahrrad"))
			.containsAll(tokens("pinnwand_compound_search", "Fahrräder"));
	}

	@Test
	void compoundKeepsWordsShorterThanTheSmallestPart() throws IOException {
		assertThat(tokens("pinnwand_compound", "Bus")).containsExactly("bus");
		assertThat(tokens("pinnwand_compound_search", "Bus")).containsExactly("bus");
	}

	@Test
	void compoundSplitsQueryWordsLongerThanTheLongestPart() throws IOException {
		List<String> query = tokens("pinnwand_compound_search", "Waschmaschine");
		assertThat(query).containsExactly("waschmasch", "aschmaschi", "schmaschin", "chmaschine");
		assertThat(tokens("pinnwand_compound", "Waschmaschinenanschluss")).containsAll(query);
	}

	private List<String> tokens(String analyzer, String text) throws IOException {
		return this.client.indices()
			.analyze((analyze) -> analyze.analyzer(analyzer).text(text))
			.tokens()
			.stream()
			.map(AnalyzeToken::token)
			.toList();
	}

}
