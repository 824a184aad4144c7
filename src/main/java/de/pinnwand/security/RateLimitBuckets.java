package de.pinnwand.security;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

/**
 * Where the token buckets of {@link RateLimits} are kept: in this JVM
 * ({@link LocalRateLimitBuckets}) or, with several instances, in Redis
 * ({@link RedisRateLimitBuckets}), so that a client's count is the same whichever
 * instance it reaches.
 */
interface RateLimitBuckets {

	/**
	 * Takes one token from a client's bucket of a rule.
	 * @param rule the rule's name
	 * @param client who is counted ({@code person:…} or {@code address:…})
	 * @param configuration the rule's bucket, for a client seen for the first time
	 */
	Mono<ConsumptionProbe> take(String rule, String client, BucketConfiguration configuration);

}
