package de.pinnwand.search;

import de.pinnwand.system.ServiceUnavailable;

/**
 * Elasticsearch did not answer or refused the request; the page says search is
 * unavailable right now.
 */
public class SearchUnavailable extends ServiceUnavailable {

	public SearchUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

}
