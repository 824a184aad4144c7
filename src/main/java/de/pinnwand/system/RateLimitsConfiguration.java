package de.pinnwand.system;

import io.github.bucket4j.TimeMeter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * Puts {@link RateLimits} into every security filter chain the app builds. Spring Security applies
 * {@code Customizer<ServerHttpSecurity>} beans to each chain, so the security configuration of sign-in and of
 * later features need not know about rate limits. As a plain WebFilter bean it would run outside the chain: before
 * it, the signed-in person is unknown; after it, sign-in starts are already answered.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitsConfiguration {

	@Bean
	Customizer<ServerHttpSecurity> rateLimitsInSecurityChain(RateLimitsProperties properties) {
		RateLimits rateLimits = new RateLimits(properties, TimeMeter.SYSTEM_NANOTIME);
		return (http) -> http.addFilterAfter(rateLimits, SecurityWebFiltersOrder.REACTOR_CONTEXT);
	}

}
