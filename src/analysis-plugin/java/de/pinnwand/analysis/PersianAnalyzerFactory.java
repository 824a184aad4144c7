package de.pinnwand.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** {@code pinnwand_persian}: Persian and Dari text with Arabic-script normalization and stop words. */
@NamedComponent("pinnwand_persian")
public class PersianAnalyzerFactory implements AnalyzerFactory {

	@Override
	public Analyzer create() {
		// Normalization maps Arabic yeh and kaf (ي ك) and the Persian ones (ی ک) to one form, since keyboards and
		// sources in the region differ, and the zero-width non-joiner splits plural suffixes off (کتاب‌ها).
		// No PersianStemFilter: on the portal's words it cut too much and inconsistently (دکتر → دک,
		// زبان → زب but زبانها → زبان), which costs more than it finds.
		return new PersianAnalyzer();
	}

}
