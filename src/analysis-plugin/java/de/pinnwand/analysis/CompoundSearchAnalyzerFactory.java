package de.pinnwand.analysis;

import java.io.IOException;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * {@code pinnwand_compound_search}: the search side of {@code pinnwand_compound}; a query word of up to 10 letters
 * stays whole and is looked up among the indexed parts, so 'Fahrrad' becomes the single token 'fahrrad'.
 */
@NamedComponent("pinnwand_compound_search")
public class CompoundSearchAnalyzerFactory implements AnalyzerFactory {

	@Override
	public Analyzer create() {
		return new CompoundQuery();
	}

	static Tokenizer tokenizer() {
		return new StandardTokenizer();
	}

	/** Index and search must fold identically, or a query word could never equal an indexed part. */
	static TokenStream fold(TokenStream in) {
		return new GermanNormalizationFilter(new LowerCaseFilter(in));
	}

	private static final class CompoundQuery extends Analyzer {

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = tokenizer();
			TokenStream result = new LongWordsAsGrams(new ShortWordsStemmed(fold(source)));
			return new TokenStreamComponents(source, result);
		}

		@Override
		protected TokenStream normalize(String fieldName, TokenStream in) {
			return fold(in);
		}

	}

	/**
	 * A query word longer than the longest indexed part would otherwise only find itself as a whole word, never
	 * as part of a longer compound ('waschmaschine' in 'Waschmaschinenanschluss'). Such a word is therefore
	 * replaced by its parts of exactly {@link CompoundAnalyzerFactory#MAX_GRAM} letters, each at its own position
	 * (n-gram filters put them all at one): a match query then counts every part as a term, so with operator
	 * 'and' a document must hold all of them, which is almost a substring match, and with 'or' the documents
	 * holding all of them rank first. At one position they would be synonyms, and a single shared part would
	 * count as a full hit ('Kinderfahrrad' finding 'Kinderfahrten' through 'kinderfahr'). Shorter query words
	 * pass through unchanged.
	 */
	private static final class LongWordsAsGrams extends ConditionalTokenFilter {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		LongWordsAsGrams(TokenStream in) {
			super(in, (words) -> new OnePositionEach(new NGramTokenFilter(words, CompoundAnalyzerFactory.MAX_GRAM,
					CompoundAnalyzerFactory.MAX_GRAM, false)));
		}

		@Override
		protected boolean shouldFilter() throws IOException {
			// Code points, as NGramTokenFilter counts them, not UTF-16 chars.
			return Character.codePointCount(this.term, 0, this.term.length()) > CompoundAnalyzerFactory.MAX_GRAM;
		}

	}

	/**
	 * An inflected query word ('Fahrräder') must still meet the part of a compound ('Kinderfahrrad'), which the
	 * index holds in its base form: words that fit within a part are reduced by the light German stemmer.
	 * Longer words are left alone, as their parts ({@link LongWordsAsGrams}) must match letter for letter.
	 */
	private static final class ShortWordsStemmed extends ConditionalTokenFilter {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		ShortWordsStemmed(TokenStream in) {
			super(in, GermanLightStemFilter::new);
		}

		@Override
		protected boolean shouldFilter() throws IOException {
			int length = Character.codePointCount(this.term, 0, this.term.length());
			return length >= CompoundAnalyzerFactory.MIN_GRAM + 2 && length <= CompoundAnalyzerFactory.MAX_GRAM;
		}

	}

	private static final class OnePositionEach extends TokenFilter {

		private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);

		OnePositionEach(TokenStream in) {
			super(in);
		}

		@Override
		public boolean incrementToken() throws IOException {
			if (!this.input.incrementToken()) {
				return false;
			}
			if (this.position.getPositionIncrement() == 0) {
				this.position.setPositionIncrement(1);
			}
			return true;
		}

	}

}
