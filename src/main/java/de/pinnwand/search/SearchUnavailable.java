package de.pinnwand.search;

/** Elasticsearch did not answer or refused the request; the page says search is unavailable right now. */
public class SearchUnavailable extends RuntimeException {

	public SearchUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

}
