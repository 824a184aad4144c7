package de.pinnwand.security;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import de.pinnwand.security.RateLimitsProperties.Rule;
import de.pinnwand.system.DatabaseUnavailable;
import de.pinnwand.system.RateLimitExceeded;
import de.pinnwand.system.RequestFailures;
import io.github.bucket4j.TimeMeter;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.retry.Retry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits of three instances counting in one real Redis: a client's tenth request is
 * its last one whichever instance each request reaches, exempt addresses stay exempt, and
 * a bucket is kept in Redis only as long as it needs to be (the memory bound).
 */
class RedisRateLimitsTests {

	private static final Rule TEN_A_MINUTE = new Rule(HttpMethod.POST, List.of("/listings"), 10, Duration.ofMinutes(1));

	private static TestRedis redis;

	private static LettuceConnectionFactory connections;

	private final WallTime time = new WallTime();

	private final AtomicInteger passed = new AtomicInteger();

	@BeforeAll
	static void startRedis() {
		redis = TestRedis.start();
		connections = redis.connections;
	}

	@AfterAll
	static void stopRedis() {
		if (redis != null) {
			redis.close();
		}
	}

	@BeforeEach
	void empty() {
		redis.empty();
	}

	@Test
	void theEleventhRequestIsRefusedWhicheverInstanceGetsIt() {
		RateLimitsProperties properties = properties(List.of());
		List<RateLimits> instances = List.of(instance(properties), instance(properties), instance(properties));
		for (int i = 0; i < 10; i++) {
			assertPasses(instances.get(i % 3), "203.0.113.5");
		}
		for (RateLimits instance : instances) {
			RateLimitExceeded refused = refused(instance, "203.0.113.5");
			assertThat(refused.rule()).isEqualTo("listings");
			assertThat(refused.retryAfterSeconds()).isEqualTo(6);
		}
		// Another client is counted apart; the capacity comes back over the period on
		// every instance.
		assertPasses(instances.get(0), "203.0.113.6");
		this.time.advance(Duration.ofSeconds(6));
		assertPasses(instances.get(2), "203.0.113.5");
		refused(instances.get(1), "203.0.113.5");
	}

	@Test
	void requestsArrivingAtOnceOnSeveralInstancesAreAllCounted() {
		RateLimitsProperties properties = properties(List.of());
		List<RateLimits> instances = List.of(instance(properties), instance(properties), instance(properties));
		AtomicInteger refusals = new AtomicInteger();
		Flux.range(0, 30)
			.flatMap((i) -> run(instances.get(i % 3), post("198.51.100.9")).onErrorResume(RateLimitExceeded.class,
					(ex) -> Mono.fromRunnable(refusals::incrementAndGet)), 30)
			.blockLast(Duration.ofSeconds(20));
		assertThat(this.passed).hasValue(10);
		assertThat(refusals).hasValue(20);
	}

	@Test
	void exemptAddressesAreNeverCounted() {
		RateLimitsProperties properties = properties(List.of("192.0.2.0/24"));
		RateLimits first = instance(properties);
		RateLimits second = instance(properties);
		for (int i = 0; i < 25; i++) {
			assertPasses((i % 2 == 0) ? first : second, "192.0.2.40");
		}
		StepVerifier.create(new ReactiveStringRedisTemplate(connections).keys("pinnwand:rate:*")).verifyComplete();
	}

	@Test
	void aBucketIsKeptOnlyUntilItWouldBeFullAgain() {
		RateLimits limits = instance(properties(List.of()));
		assertPasses(limits, "203.0.113.7");
		ReactiveStringRedisTemplate template = new ReactiveStringRedisTemplate(connections);
		List<String> keys = template.keys("pinnwand:rate:*").collectList().block();
		assertThat(keys).containsExactly("pinnwand:rate:listings:address:203.0.113.7");
		// One token used of ten a minute: full again after 6 s, kept 10 s beyond that.
		assertThat(template.getExpire(keys.get(0)).block()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(16));
	}

	@Test
	void redisAwayIsAPassingOutageAndCountingGoesOnWhenItIsBack() {
		RateLimits limits = instance(properties(List.of()));
		assertPasses(limits, "203.0.113.8");
		redis.server.kill();
		StepVerifier.create(run(limits, post("203.0.113.8")))
			.expectErrorSatisfies(
					(ex) -> assertThat(RequestFailures.translate(ex)).isInstanceOf(DatabaseUnavailable.class))
			.verify(Duration.ofSeconds(10));
		redis.server.resume();
		StepVerifier.create(run(limits, post("203.0.113.8")).retryWhen(Retry.fixedDelay(50, Duration.ofMillis(100))))
			.verifyComplete();
	}

	private RateLimits instance(RateLimitsProperties properties) {
		return new RateLimits(properties,
				new RedisRateLimitBuckets(() -> (RedisClient) connections.getNativeClient(), this.time));
	}

	private static RateLimitsProperties properties(List<String> exempt) {
		return new RateLimitsProperties(true, exempt, 1000, Map.of("listings", TEN_A_MINUTE));
	}

	private static MockServerWebExchange post(String address) {
		return MockServerWebExchange
			.from(MockServerHttpRequest.post("/listings").remoteAddress(new InetSocketAddress(address, 40000)));
	}

	private void assertPasses(RateLimits limits, String address) {
		int before = this.passed.get();
		StepVerifier.create(run(limits, post(address))).verifyComplete();
		assertThat(this.passed).hasValue(before + 1);
	}

	private RateLimitExceeded refused(RateLimits limits, String address) {
		RateLimitExceeded[] refused = new RateLimitExceeded[1];
		StepVerifier.create(run(limits, post(address)))
			.expectErrorSatisfies((error) -> refused[0] = (RateLimitExceeded) error)
			.verify();
		return refused[0];
	}

	private Mono<Void> run(RateLimits limits, MockServerWebExchange exchange) {
		return limits.filter(exchange, (passing) -> Mono.fromRunnable(this.passed::incrementAndGet));
	}

	/** Wall-clock time as the instances share it, moved forward only when told. */
	private static final class WallTime implements TimeMeter {

		private final AtomicLong nanos = new AtomicLong(System.currentTimeMillis() * 1_000_000L);

		void advance(Duration duration) {
			this.nanos.addAndGet(duration.toNanos());
		}

		@Override
		public long currentTimeNanos() {
			return this.nanos.get();
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

}
