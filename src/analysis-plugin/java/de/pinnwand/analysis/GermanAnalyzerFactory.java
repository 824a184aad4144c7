package de.pinnwand.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** {@code pinnwand_german}: German text with stop words, umlaut and ß normalization and light stemming. */
@NamedComponent("pinnwand_german")
public class GermanAnalyzerFactory implements AnalyzerFactory {

	@Override
	public Analyzer create() {
		// Lucene's chain normalizes before it stems (ä→a, ß→ss, then GermanLightStemFilter), so 'Häuser',
		// 'Haus' and 'Hauser' meet in one token, and people who type without umlauts still find listings.
		return new GermanAnalyzer();
	}

}
