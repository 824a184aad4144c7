package de.pinnwand.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpMethod;

/**
 * How often one client may do the things that write to the board or start a sign-in. The
 * rules themselves are in {@code application.properties}, keyed by name, so that a
 * deployment changes one of them
 * ({@code PINNWAND_RATE_LIMITS_RULES_LISTINGS_CAPACITY=20}) or a feature adds its own
 * without restating the others: Boot merges a map across configuration sources, whereas a
 * list would be replaced whole.
 *
 * @param enabled whether requests are limited at all (clients behind a proxy count by the
 * address the proxy reports when it is one of {@code pinnwand.trusted-proxies})
 * @param exemptAddresses client addresses or networks ({@code 192.0.2.0/24}) that are
 * never limited, such as an advice centre's office where many people post from one
 * address
 * @param maxClientsPerRule how many clients each rule remembers; beyond that the least
 * recently seen are forgotten
 * @param rules the limits by name; a name of letters and digits only can be addressed
 * from an environment variable
 */
@ConfigurationProperties("pinnwand.rate-limits")
public record RateLimitsProperties(@DefaultValue("true") boolean enabled, @DefaultValue List<String> exemptAddresses,
		@DefaultValue("20000") int maxClientsPerRule, @DefaultValue Map<String, Rule> rules) {

	/**
	 * One limit: at most {@code capacity} matching requests per {@code period} from one
	 * client, given back evenly over the period (10 per hour: one more every 6 minutes).
	 *
	 * @param method the HTTP method the rule counts
	 * @param paths path patterns the rule counts, such as
	 * {@code /oauth2/authorization/**}; {@code *} stands for one path segment, {@code **}
	 * for any number
	 * @param capacity how many requests a client may make at once, after a quiet period
	 * @param period how long it takes until all of them are possible again
	 */
	public record Rule(HttpMethod method, List<String> paths, long capacity, Duration period) {

		public Rule {
			// A rule that cannot work should stop the start, not quietly limit nothing.
			if (method == null || paths == null || paths.isEmpty()) {
				throw new IllegalArgumentException("A rate limit rule needs a method and at least one path");
			}
			if (capacity < 1 || period == null || period.isNegative() || period.isZero()) {
				throw new IllegalArgumentException("A rate limit rule needs a capacity of 1 or more and a period");
			}
			paths = List.copyOf(paths);
		}

	}

}
