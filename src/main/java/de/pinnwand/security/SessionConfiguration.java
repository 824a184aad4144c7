package de.pinnwand.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionManager;
import reactor.core.publisher.Mono;

/**
 * Page sessions, bounded so that visitors cannot fill the memory. Browsing makes no session at all (the CSRF
 * token lives in a cookie); only a sign-in makes one. A session that never got signed in lives five minutes
 * unused, so with the rate limit on sign-in starts one address holds at most a few dozen; the store refuses
 * sessions beyond its maximum rather than growing. The cookie is HttpOnly and SameSite=Lax, and Secure whenever
 * the request came in over TLS.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	@Bean
	WebSessionManager webSessionManager(SessionsProperties properties) {
		InMemoryWebSessionStore store = new InMemoryWebSessionStore();
		store.setMaxSessions(properties.maxSessions());
		CookieWebSessionIdResolver cookies = new CookieWebSessionIdResolver();
		cookies.addCookieInitializer((cookie) -> cookie.httpOnly(true).sameSite("Lax"));
		DefaultWebSessionManager manager = new DefaultWebSessionManager();
		manager.setSessionStore(new BoundedSessions(store));
		manager.setSessionIdResolver(cookies);
		return manager;
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
			}).then());
			return chain.filter(exchange);
		};
	}

}
