package de.pinnwand.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** {@code pinnwand_arabic}: Arabic text with normalization and light stemming. */
@NamedComponent("pinnwand_arabic")
public class ArabicAnalyzerFactory implements AnalyzerFactory {

	@Override
	public Analyzer create() {
		// ArabicNormalizationFilter drops tashkeel and tatweel and unifies alef, yeh and teh marbuta forms, so
		// a vocalised listing and an unvocalised query (the usual way people type) produce the same tokens.
		return new ArabicAnalyzer();
	}

}
