package de.pinnwand.security;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import org.springframework.session.web.server.session.SpringSessionWebSessionStore;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionManager;
import org.springframework.web.server.session.WebSessionStore;
import reactor.core.publisher.Mono;

/**
 * Page sessions, bounded so that visitors cannot fill the memory. Browsing makes no
 * session at all (the CSRF token lives in a cookie); only a sign-in makes one. A session
 * that never got signed in lives five minutes unused, so with the rate limit on sign-in
 * starts one address holds at most a few dozen; the store refuses sessions beyond its
 * maximum rather than growing. The cookie is HttpOnly and SameSite=Lax, and Secure
 * whenever the request came in over TLS.
 * <p>
 * One instance keeps the sessions in its memory. With Redis configured
 * ({@link RedisConfigured}) they are in Redis, so that a request may reach any instance
 * and a sign-in's callback may land on another one than its start; the bound, the
 * lifetimes and the cookie are the same.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	@Bean
	WebSessionManager webSessionManager(WebSessionStore store) {
		CookieWebSessionIdResolver cookies = new CookieWebSessionIdResolver();
		cookies.addCookieInitializer((cookie) -> cookie.httpOnly(true).sameSite("Lax"));
		DefaultWebSessionManager manager = new DefaultWebSessionManager();
		manager.setSessionStore(store);
		manager.setSessionIdResolver(cookies);
		return manager;
	}

	@Bean
	@Conditional(RedisConfigured.Absent.class)
	WebSessionStore sessionsInMemory(SessionsProperties properties) {
		InMemoryWebSessionStore store = new InMemoryWebSessionStore();
		store.setMaxSessions(properties.maxSessions());
		return new BoundedSessions(store);
	}

	@Bean
	@Conditional(RedisConfigured.class)
	WebSessionStore sessionsInRedis(SessionsProperties properties, ReactiveRedisConnectionFactory redis, Clock clock) {
		return redisStore(properties, redis, clock);
	}

	/** The Redis store on its own; tests build two of them as two instances would. */
	static WebSessionStore redisStore(SessionsProperties properties, ReactiveRedisConnectionFactory redis,
			Clock clock) {
		// Attributes (the security context, a sign-in's request) are serialisable Spring
		// Security types.
		RedisSerializationContext<String, Object> serialization = RedisSerializationContext
			.<String, Object>newSerializationContext(RedisSerializer.java())
			.key(RedisSerializer.string())
			.hashKey(RedisSerializer.string())
			.build();
		ReactiveRedisSessionRepository repository = new ReactiveRedisSessionRepository(
				new ReactiveRedisTemplate<>(redis, serialization));
		repository.setRedisKeyNamespace(RedisSessions.NAMESPACE);
		repository.setDefaultMaxInactiveInterval(properties.visitorIdle());
		SpringSessionWebSessionStore<?> store = new SpringSessionWebSessionStore<>(new RedisSessions<>(repository,
				new ReactiveStringRedisTemplate(redis), properties.maxSessions(), clock));
		store.setClock(clock);
		return store;
	}

	/** Gives each session the lifetime that fits whether someone signed in with it. */
	@Bean
	@Order(-200)
	WebFilter sessionLifetimes(SessionsProperties properties) {
		return (exchange, chain) -> {
			exchange.getResponse().beforeCommit(() -> exchange.getSession().doOnNext((session) -> {
				if (session.isStarted()) {
					boolean signedIn = session.getAttribute(
							WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME) != null;
					session.setMaxIdleTime(signedIn ? properties.memberIdle() : properties.visitorIdle());
				}
			})
				// No session to be had (Redis away): the request has its answer already
				// (503), which must still go.
				.onErrorResume((ex) -> Mono.empty())
				.then());
			return chain.filter(exchange);
		};
	}

}
