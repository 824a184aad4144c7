package de.pinnwand.system;

/**
 * A service the portal needs cannot serve just now (the database, the search index, the
 * session store): the answer is a passing 503 with {@code Retry-After}, as it is the
 * server's trouble, not the request's. The error pages map this type, so a feature's own
 * outage needs no entry there.
 */
public abstract class ServiceUnavailable extends RuntimeException {

	protected ServiceUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

}
