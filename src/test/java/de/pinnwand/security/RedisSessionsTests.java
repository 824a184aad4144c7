package de.pinnwand.security;

import java.time.Clock;
import java.time.Duration;

import de.pinnwand.system.DatabaseUnavailable;
import de.pinnwand.system.RequestFailures;
import de.pinnwand.system.SessionStoreFull;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.WebSessionStore;
import reactor.test.StepVerifier;
import reactor.util.retry.Retry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions in a real Redis, as two instances see them: each store below is what one
 * instance builds. What one instance saved, the other finds; the bound holds for both
 * together; an unknown id finds nothing; Redis away is a passing outage (503), and the
 * same store works again once Redis is back.
 */
class RedisSessionsTests {

	private static TestRedis redis;

	private static LettuceConnectionFactory connections;

	private static final SessionsProperties LIMITS = new SessionsProperties(3, Duration.ofMinutes(5),
			Duration.ofHours(8));

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
	void aSessionSavedByOneInstanceIsFoundByAnother() {
		WebSessionStore first = store(LIMITS);
		WebSessionStore second = store(LIMITS);
		WebSession session = first.createWebSession().block();
		session.getAttributes().put("signed-in-as", "amal");
		StepVerifier.create(session.save()).verifyComplete();

		WebSession found = second.retrieveSession(session.getId()).block();
		assertThat(found).isNotNull();
		assertThat((String) found.getAttribute("signed-in-as")).isEqualTo("amal");
		// A change made on the second instance is what the first one reads next.
		found.getAttributes().put("form", "half-written listing");
		StepVerifier.create(found.save()).verifyComplete();
		assertThat((String) first.retrieveSession(session.getId()).block().getAttribute("form"))
			.isEqualTo("half-written listing");
	}

	@Test
	void aForgedOrEndedSessionIdFindsNothing() {
		WebSessionStore store = store(LIMITS);
		StepVerifier.create(store.retrieveSession("3f1e2d4c-0000-4000-8000-000000000000")).verifyComplete();
		WebSession session = store.createWebSession().block();
		session.getAttributes().put("signed-in-as", "amal");
		StepVerifier.create(session.save()).verifyComplete();
		StepVerifier.create(session.invalidate()).verifyComplete();
		StepVerifier.create(store(LIMITS).retrieveSession(session.getId())).verifyComplete();
	}

	@Test
	void anUnusedSessionEndsAfterItsIdleTime() throws InterruptedException {
		WebSessionStore store = store(LIMITS);
		WebSession session = store.createWebSession().block();
		session.getAttributes().put("signing-in", true);
		session.setMaxIdleTime(Duration.ofSeconds(1));
		StepVerifier.create(session.save()).verifyComplete();
		StepVerifier.create(store.retrieveSession(session.getId())).expectNextCount(1).verifyComplete();
		Thread.sleep(2100);
		StepVerifier.create(store(LIMITS).retrieveSession(session.getId())).verifyComplete();
	}

	@Test
	void aSignInStartsSessionLivesOnlyTheVisitorsIdleTimeInRedis() {
		WebSession session = store(LIMITS).createWebSession().block();
		session.getAttributes().put("signing-in", true);
		StepVerifier.create(session.save()).verifyComplete();
		Duration ttl = new ReactiveStringRedisTemplate(connections)
			.getExpire(RedisSessions.NAMESPACE + ":sessions:" + session.getId())
			.block();
		assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5).plusMinutes(5));
	}

	@Test
	void theBoundHoldsForAllInstancesTogether() {
		WebSessionStore first = store(LIMITS);
		WebSessionStore second = store(LIMITS);
		WebSession one = saved(first);
		saved(second);
		saved(first);
		WebSession fourth = second.createWebSession().block();
		fourth.getAttributes().put("signing-in", true);
		StepVerifier.create(fourth.save()).expectError(SessionStoreFull.class).verify();
		// The sessions in the store stay usable, and saving one of them again is no new
		// session.
		WebSession again = first.retrieveSession(one.getId()).block();
		again.getAttributes().put("step", 2);
		StepVerifier.create(again.save()).verifyComplete();
		// An ended session gives its place back.
		StepVerifier.create(again.invalidate()).verifyComplete();
		saved(second);
	}

	@Test
	void redisAwayIsAPassingOutageAndTheStoreWorksAgainWhenItIsBack() {
		WebSessionStore store = store(LIMITS);
		WebSession session = saved(store);
		redis.server.kill();
		StepVerifier.create(store.retrieveSession(session.getId()))
			.expectErrorSatisfies(
					(ex) -> assertThat(RequestFailures.translate(ex)).isInstanceOf(DatabaseUnavailable.class))
			.verify(Duration.ofSeconds(5));
		redis.server.resume();
		// Redis kept nothing (no disk here): the old id finds nothing, and a new sign-in
		// works with the same store.
		StepVerifier
			.create(store.retrieveSession(session.getId()).retryWhen(Retry.fixedDelay(50, Duration.ofMillis(100))))
			.verifyComplete();
		saved(store);
	}

	private static WebSession saved(WebSessionStore store) {
		WebSession session = store.createWebSession().block();
		session.getAttributes().put("signing-in", true);
		StepVerifier.create(session.save()).verifyComplete();
		return session;
	}

	private static WebSessionStore store(SessionsProperties limits) {
		return SessionConfiguration.redisStore(limits, connections, Clock.systemUTC());
	}

}
