/** The pinnwand-analysis Elasticsearch plugin: Lucene's analyzers for the portal's languages, on the stable API. */
package de.pinnwand.analysis;
