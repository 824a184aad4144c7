package de.pinnwand.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * HTTP security. Until sign-in lands (issue 5) browsing and posting are open; forms are CSRF-protected,
 * and pages carry a strict Content-Security-Policy (no inline script, nothing from other hosts).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	/**
	 * The CSRF token travels in a cookie and in the form (double submit): no server-side session is made for
	 * anonymous visitors, so they cannot fill the session store.
	 */
	static CookieServerCsrfTokenRepository csrfTokens() {
		CookieServerCsrfTokenRepository repository = new CookieServerCsrfTokenRepository();
		repository.setCookieCustomizer((cookie) -> cookie.sameSite("Lax"));
		return repository;
	}

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
		return http
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers("/actuator/health/**", "/actuator/health").permitAll()
				.pathMatchers("/actuator/**").access(LoopbackOnly.INSTANCE)
				.anyExchange().permitAll())
			// The JSON API takes no cookies-based session; it becomes a bearer-token resource server with sign-in.
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens()).requireCsrfProtectionMatcher(new AndServerWebExchangeMatcher(
					CsrfWebFilter.DEFAULT_CSRF_MATCHER, new NegatedServerWebExchangeMatcher(
							ServerWebExchangeMatchers.pathMatchers("/api/**", "/actuator/**")))))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions((frame) -> frame.mode(Mode.DENY)))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.build();
	}

}
