package de.pinnwand.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * {@code pinnwand_turkish}: Turkish text with Turkish casing, apostrophe handling, stop words and Snowball stemming.
 */
@NamedComponent("pinnwand_turkish")
public class TurkishAnalyzerFactory implements AnalyzerFactory {

	@Override
	public Analyzer create() {
		// TurkishLowerCaseFilter keeps dotted and dotless i apart (I→ı, İ→i), which a plain lowercase would merge,
		// and ApostropheFilter strips suffixes after an apostrophe ("Almanya'da" → "almanya").
		return new TurkishAnalyzer();
	}

}
