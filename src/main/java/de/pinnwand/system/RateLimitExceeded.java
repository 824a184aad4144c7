package de.pinnwand.system;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A client did something more often than a rate limit allows: 429, and it may try again
 * after {@link #retryAfter()}, which the answer also gives in seconds as
 * {@code Retry-After}.
 */
public class RateLimitExceeded extends ResponseStatusException {

	private final String rule;

	private final Duration retryAfter;

	public RateLimitExceeded(String rule, Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, "Rate limit " + rule + " exceeded");
		this.rule = rule;
		this.retryAfter = retryAfter;
	}

	/** The name of the rule that was exceeded. */
	public String rule() {
		return this.rule;
	}

	/** How long until the next attempt is allowed. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * {@link #retryAfter()} in whole seconds, rounded up, at least 1: an earlier retry
	 * would be refused again.
	 */
	public long retryAfterSeconds() {
		long seconds = this.retryAfter.getSeconds() + ((this.retryAfter.getNano() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

	@Override
	public HttpHeaders getHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds()));
		return headers;
	}

}
