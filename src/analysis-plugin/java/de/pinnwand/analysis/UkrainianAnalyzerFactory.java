package de.pinnwand.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import morfologik.stemming.Dictionary;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.morfologik.MorfologikFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** {@code pinnwand_ukrainian}: Ukrainian text lemmatised with the morfologik Ukrainian dictionary. */
@NamedComponent("pinnwand_ukrainian")
public class UkrainianAnalyzerFactory implements AnalyzerFactory {

	@Override
	public Analyzer create() {
		return new UkrainianLemmatizing();
	}

	/**
	 * The chain of Lucene's {@link org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer}, rebuilt: that
	 * class looks its dictionary up as the module "morfologik.ukrainian.search", which does not exist inside the
	 * single synthetic module Elasticsearch makes of a stable plugin, so it cannot be constructed there.
	 */
	private static final class UkrainianLemmatizing extends Analyzer {

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = new StandardTokenizer();
			TokenStream result = new LowerCaseFilter(source);
			result = new StopFilter(result, Resources.STOPWORDS);
			result = new MorfologikFilter(result, Resources.DICTIONARY);
			return new TokenStreamComponents(source, result);
		}

		@Override
		protected TokenStream normalize(String fieldName, TokenStream in) {
			return new LowerCaseFilter(in);
		}

		@Override
		protected Reader initReader(String fieldName, Reader reader) {
			return new MappingCharFilter(Resources.APOSTROPHES_AND_GHE, reader);
		}

		@Override
		protected Reader initReaderForNormalization(String fieldName, Reader reader) {
			return new MappingCharFilter(Resources.APOSTROPHES_AND_GHE, reader);
		}

	}

	/**
	 * Loaded once per node and shared: Elasticsearch builds every plugin analyzer for every index it opens, used
	 * there or not, and the dictionary is 7 MB.
	 */
	private static final class Resources {

		static final Dictionary DICTIONARY = readDictionary();

		static final CharArraySet STOPWORDS = readStopwords();

		/**
		 * The same character map Lucene's analyzer applies: the dictionary knows words with the ASCII apostrophe
		 * only (п'ять), and it was built with ґ folded into г, so text has to be folded the same way to be found.
		 */
		static final NormalizeCharMap APOSTROPHES_AND_GHE = apostrophesAndGhe();

		private static Dictionary readDictionary() {
			URL dictionary = resource("ua/net/nlp/ukrainian.dict");
			try {
				return Dictionary.read(dictionary);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the Ukrainian dictionary " + dictionary, ex);
			}
		}

		private static CharArraySet readStopwords() {
			URL stopwords = resource("org/apache/lucene/analysis/uk/stopwords.txt");
			try (InputStream in = stopwords.openStream()) {
				return CharArraySet.unmodifiableSet(WordlistLoader.getSnowballWordSet(
						new InputStreamReader(in, StandardCharsets.UTF_8)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the Ukrainian stop words " + stopwords, ex);
			}
		}

		private static URL resource(String name) {
			// Through the class loader, not the module: the plugin's class loader serves the resources of all
			// its bundled jars, whatever packages Elasticsearch's synthetic module declares.
			URL url = UkrainianAnalyzerFactory.class.getClassLoader().getResource(name);
			if (url == null) {
				throw new IllegalStateException("Missing " + name + " in the pinnwand-analysis plugin");
			}
			return url;
		}

		private static NormalizeCharMap apostrophesAndGhe() {
			NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
			for (String apostrophe : new String[] { "’", "‘", "ʼ", "`", "´" }) {
				map.add(apostrophe, "'");
			}
			// The combining acute (stress mark in learners' texts) and the soft hyphen carry no meaning.
			map.add("\u0301", "");
			map.add("\u00AD", "");
			map.add("ґ", "г");
			map.add("Ґ", "Г");
			return map.build();
		}

	}

}
