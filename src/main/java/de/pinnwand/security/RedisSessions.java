package de.pinnwand.security;

import java.time.Clock;
import java.util.List;

import de.pinnwand.system.SessionStoreFull;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import reactor.core.publisher.Mono;

/**
 * The page sessions in Redis, which every instance reads, with the same bound as the
 * in-memory store: a sorted set holds each session's id scored by when it expires, and a
 * new session is admitted only while fewer than {@code pinnwand.sessions.max-sessions}
 * unexpired ones are in it (checked and added in one script, so two instances cannot both
 * take the last place). A session id that Redis does not know (forged, expired, from
 * before a Redis restart) finds nothing, so the visitor gets a fresh anonymous session.
 */
final class RedisSessions<S extends Session> implements ReactiveSessionRepository<S> {

	/**
	 * Drops the expired ids, then admits the session if it is known already or there is
	 * room.
	 */
	private static final RedisScript<Long> ADMIT = RedisScript.of("""
			redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
			if redis.call('ZSCORE', KEYS[1], ARGV[3]) == false
			    and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then
			  return 0
			end
			redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
			return 1
			""", Long.class);

	static final String NAMESPACE = "pinnwand:session";

	private final ReactiveSessionRepository<S> sessions;

	private final ReactiveStringRedisTemplate redis;

	private final String idsKey;

	private final int maxSessions;

	private final Clock clock;

	RedisSessions(ReactiveSessionRepository<S> sessions, ReactiveStringRedisTemplate redis, int maxSessions,
			Clock clock) {
		this.sessions = sessions;
		this.redis = redis;
		this.idsKey = NAMESPACE + ":ids";
		this.maxSessions = maxSessions;
		this.clock = clock;
	}

	@Override
	public Mono<S> createSession() {
		return this.sessions.createSession();
	}

	@Override
	public Mono<Void> save(S session) {
		long expires = session.getLastAccessedTime().plus(session.getMaxInactiveInterval()).toEpochMilli();
		List<String> arguments = List.of(String.valueOf(this.clock.millis()), String.valueOf(expires), session.getId(),
				String.valueOf(this.maxSessions));
		return this.redis.execute(ADMIT, List.of(this.idsKey), arguments)
			.next()
			.flatMap((admitted) -> (admitted == 1L) ? this.sessions.save(session)
					: Mono.error(new SessionStoreFull(null)));
	}

	@Override
	public Mono<S> findById(String id) {
		return this.sessions.findById(id);
	}

	@Override
	public Mono<Void> deleteById(String id) {
		return this.sessions.deleteById(id).then(this.redis.opsForZSet().remove(this.idsKey, id)).then();
	}

	/** How many unexpired sessions are counted right now; for tests of the bound. */
	Mono<Long> counted() {
		return this.redis.opsForZSet()
			.removeRangeByScore(this.idsKey, Range.closed(Double.NEGATIVE_INFINITY, (double) this.clock.millis()))
			.then(this.redis.opsForZSet().size(this.idsKey));
	}

}
