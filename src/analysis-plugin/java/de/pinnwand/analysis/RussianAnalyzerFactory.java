package de.pinnwand.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** {@code pinnwand_russian}: Russian text with stop words and Snowball stemming. */
@NamedComponent("pinnwand_russian")
public class RussianAnalyzerFactory implements AnalyzerFactory {

	@Override
	public Analyzer create() {
		return new RussianAnalyzer();
	}

}
