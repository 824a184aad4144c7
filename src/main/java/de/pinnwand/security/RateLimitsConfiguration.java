package de.pinnwand.security;

import io.github.bucket4j.TimeMeter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One {@link RateLimits} (one set of buckets) that {@link SecurityConfiguration} puts into both security filter
 * chains, each at the place where it knows who is asking: in the API chain after bearer authentication, so a
 * client with a token is counted as its member; in the page chain right after the session's security context is
 * loaded, before sign-in starts are answered. As a plain WebFilter bean it would run outside the chains and know
 * neither.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitsConfiguration {

	/**
	 * The filter, wrapped: as a bean of type WebFilter Boot would also run it outside the security chains, and
	 * every request would count twice.
	 */
	record SharedRateLimits(RateLimits filter) {
	}

	@Bean
	SharedRateLimits rateLimits(RateLimitsProperties properties) {
		return new SharedRateLimits(new RateLimits(properties, TimeMeter.SYSTEM_NANOTIME));
	}

}
