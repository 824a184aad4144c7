package de.pinnwand.security;

import java.util.Map;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import reactor.core.publisher.Mono;

/**
 * The buckets of one instance, in its memory. Caffeine rather than a map, so that
 * visitors cannot fill the memory: the number of clients per rule is bounded (beyond it
 * the least recently seen are dropped), and a bucket untouched for a whole period is
 * dropped as well, which loses nothing, as it has refilled completely by then and a new
 * one starts full. Dropping a half-used bucket under pressure lets that client start
 * afresh; with one token per several minutes that is the cheaper failure than unbounded
 * memory.
 */
final class LocalRateLimitBuckets implements RateLimitBuckets {

	private final Map<String, Cache<String, Bucket>> buckets;

	private final TimeMeter time;

	LocalRateLimitBuckets(RateLimitsProperties properties, TimeMeter time) {
		this.time = time;
		this.buckets = properties.rules()
			.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
					(rule) -> Caffeine.newBuilder()
						.maximumSize(properties.maxClientsPerRule())
						.expireAfterAccess(rule.getValue().period())
						.ticker(time::currentTimeNanos)
						.<String, Bucket>build()));
	}

	@Override
	public Mono<ConsumptionProbe> take(String rule, String client, BucketConfiguration configuration) {
		Bucket bucket = this.buckets.get(rule).get(client, (key) -> {
			LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(this.time);
			for (Bandwidth bandwidth : configuration.getBandwidths()) {
				builder.addLimit(bandwidth);
			}
			return builder.build();
		});
		return Mono.just(bucket.tryConsumeAndReturnRemaining(1));
	}

	/** How many clients a rule remembers right now; for tests of the store's bound. */
	long clientsTracked(String rule) {
		Cache<String, Bucket> cache = this.buckets.get(rule);
		cache.cleanUp();
		return cache.estimatedSize();
	}

}
