package de.pinnwand.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * {@code pinnwand_folding}: any language, split by Unicode rules and folded in case, diacritics and width; for
 * languages without an analyzer of their own and for the cross-language field.
 */
@NamedComponent("pinnwand_folding")
public class FoldingAnalyzerFactory implements AnalyzerFactory {

	@Override
	public Analyzer create() {
		return new Folding();
	}

	/** No stop words and no stemming: they would be right for one language and wrong for all the others. */
	private static final class Folding extends Analyzer {

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			// ICUTokenizer instead of StandardTokenizer: it splits scripts written without spaces between words
			// (Thai, Lao, Khmer, Myanmar) by dictionary, where StandardTokenizer keeps a whole run as one token.
			Tokenizer source = new ICUTokenizer();
			return new TokenStreamComponents(source, new ICUFoldingFilter(source));
		}

		@Override
		protected TokenStream normalize(String fieldName, TokenStream in) {
			return new ICUFoldingFilter(in);
		}

	}

}
