package de.pinnwand.security;

import io.github.bucket4j.TimeMeter;
import io.lettuce.core.RedisClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * One {@link RateLimits} (one set of buckets) that {@link SecurityConfiguration} puts
 * into both security filter chains, each at the place where it knows who is asking: in
 * the API chain after bearer authentication, so a client with a token is counted as its
 * member; in the page chain right after the session's security context is loaded, before
 * sign-in starts are answered. As a plain WebFilter bean it would run outside the chains
 * and know neither.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitsConfiguration {

	/**
	 * The filter, wrapped: as a bean of type WebFilter Boot would also run it outside the
	 * security chains, and every request would count twice.
	 */
	record SharedRateLimits(RateLimits filter) {
	}

	@Bean
	@Conditional(RedisConfigured.Absent.class)
	SharedRateLimits rateLimits(RateLimitsProperties properties) {
		return new SharedRateLimits(new RateLimits(properties, TimeMeter.SYSTEM_NANOTIME));
	}

	/** With several instances, every one counts in the same buckets in Redis. */
	@Bean
	@Conditional(RedisConfigured.class)
	SharedRateLimits rateLimitsInRedis(RateLimitsProperties properties, LettuceConnectionFactory redis) {
		// Wall-clock time: the buckets' state in Redis is read by instances whose uptimes
		// differ.
		return new SharedRateLimits(new RateLimits(properties,
				new RedisRateLimitBuckets(() -> redisClient(redis), TimeMeter.SYSTEM_MILLISECONDS)));
	}

	private static RedisClient redisClient(LettuceConnectionFactory redis) {
		if (redis.getNativeClient() instanceof RedisClient client) {
			return client;
		}
		throw new IllegalStateException("Rate limits in Redis need a single Redis server or a sentinel group");
	}

}
