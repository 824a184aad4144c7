package de.pinnwand.security;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The buckets of all instances, in Redis through Bucket4j's Lettuce backend
 * (compare-and-swap, so two instances taking a token at once both count). Each bucket's
 * key expires once the bucket would be full again, so Redis holds only the clients of the
 * last period; under memory pressure Redis's {@code volatile-lru} policy drops the least
 * recently used, as the in-memory store does beyond {@code max-clients-per-rule}. The
 * connection is made at the first request, so the app starts while Redis is away, and
 * Lettuce reconnects it by itself.
 */
final class RedisRateLimitBuckets implements RateLimitBuckets {

	private static final String PREFIX = "pinnwand:rate:";

	/**
	 * Kept a little beyond the refill, so that a clock a few seconds apart on another
	 * instance loses nothing.
	 */
	private static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(10);

	/**
	 * Lettuce's client, known once Boot's connection factory has started (it closes the
	 * connection at the end).
	 */
	private final Supplier<RedisClient> client;

	private final TimeMeter time;

	private volatile AsyncProxyManager<String> proxies;

	RedisRateLimitBuckets(Supplier<RedisClient> client, TimeMeter time) {
		this.client = client;
		this.time = time;
	}

	@Override
	public Mono<ConsumptionProbe> take(String rule, String client, BucketConfiguration configuration) {
		AsyncProxyManager<String> ready = this.proxies;
		Mono<AsyncProxyManager<String>> proxies = (ready != null) ? Mono.just(ready)
				: Mono.fromCallable(this::connect).subscribeOn(Schedulers.boundedElastic());
		return proxies.flatMap((manager) -> Mono.fromFuture(() -> manager.builder()
			.build(PREFIX + rule + ":" + client, () -> CompletableFuture.completedFuture(configuration))
			.tryConsumeAndReturnRemaining(1)));
	}

	/** The first request connects; one that fails (Redis away) leaves it to the next. */
	private synchronized AsyncProxyManager<String> connect() {
		if (this.proxies == null) {
			StatefulRedisConnection<String, byte[]> connected = this.client.get()
				.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
			this.proxies = Bucket4jLettuce.casBasedBuilder(connected)
				.expirationAfterWrite(
						ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
				.clientClock(this.time)
				.build()
				.asAsync();
		}
		return this.proxies;
	}

}
