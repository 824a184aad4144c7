package de.pinnwand.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * {@code pinnwand_compound}: the index side of German compound search; indexes every 4 to 10 letter part of each
 * word, so that 'fahrrad' finds 'Kinderfahrrad' and 'wohnung' finds 'Wohnungssuche' without a word list.
 * Search with {@code pinnwand_compound_search}.
 */
@NamedComponent("pinnwand_compound")
public class CompoundAnalyzerFactory implements AnalyzerFactory {

	/**
	 * Shorter parts match too much by accident: a 3-gram 'rad' sits in 'Fahrrad', but also in 'gerade' and
	 * 'Radio'. Four letters still cover short compound parts that matter here (Arzt, Bett, Kurs, Tisch).
	 */
	static final int MIN_GRAM = 4;

	/**
	 * Long enough for the usual compound parts (wohnung, fahrrad, beratung, unterkunft, sprachkurs) while a
	 * 20 letter word stays at about a hundred grams. Longer query words are handled by the search analyzer.
	 */
	static final int MAX_GRAM = 10;

	@Override
	public Analyzer create() {
		return new CompoundGrams();
	}

	private static final class CompoundGrams extends Analyzer {

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = CompoundSearchAnalyzerFactory.tokenizer();
			TokenStream result = CompoundSearchAnalyzerFactory.fold(source);
			// preserveOriginal is for words shorter than MIN_GRAM (Bus, Tee), which would vanish from the field
			// otherwise; it keeps words longer than MAX_GRAM whole as well, at the cost of one token each.
			result = new NGramTokenFilter(result, MIN_GRAM, MAX_GRAM, true);
			return new TokenStreamComponents(source, result);
		}

		@Override
		protected TokenStream normalize(String fieldName, TokenStream in) {
			return CompoundSearchAnalyzerFactory.fold(in);
		}

	}

}
