package de.pinnwand.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** {@code pinnwand_english}: English text with possessive removal, stop words and Porter stemming. */
@NamedComponent("pinnwand_english")
public class EnglishAnalyzerFactory implements AnalyzerFactory {

	@Override
	public Analyzer create() {
		return new EnglishAnalyzer();
	}

}
