package de.pinnwand.security;

import de.pinnwand.accounts.AccountsProperties;
import de.pinnwand.accounts.Members;
import de.pinnwand.accounts.Role;
import de.pinnwand.accounts.web.MemberRoles;
import de.pinnwand.accounts.web.SignIn;
import de.pinnwand.accounts.web.SignInLanguage;
import de.pinnwand.accounts.web.SignInRequests;
import de.pinnwand.system.PublicAddress;
import de.pinnwand.web.FormDrafts;

import java.net.URI;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * HTTP security, one chain per concern. Browsing needs no account; posting, changing and
 * everything under 'my' does. Pages sign in through OpenID Connect (authorization code
 * with PKCE) and keep a session; the JSON API is a stateless resource server that takes
 * the provider's JWTs as bearer tokens. Forms are CSRF-protected and pages carry a strict
 * Content-Security-Policy (no inline script, nothing from elsewhere).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * The pages' policy. Forms post only to the portal, and to the sign-in provider:
	 * signing out is a form whose answer redirects there, and browsers hold redirects
	 * after a form to the same rule.
	 */
	static String contentSecurityPolicy(String issuerUri) {
		java.net.URI issuer = java.net.URI.create(issuerUri);
		String provider = issuer.getScheme() + "://" + issuer.getRawAuthority();
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
				+ "base-uri 'none'; form-action 'self' " + provider + "; frame-ancestors 'none'";
	}

	/**
	 * The CSRF token travels in a cookie and in the form (double submit): no server-side
	 * session is made for anonymous visitors, so they cannot fill the session store.
	 */
	static CookieServerCsrfTokenRepository csrfTokens() {
		CookieServerCsrfTokenRepository repository = new CookieServerCsrfTokenRepository();
		repository.setCookieCustomizer((cookie) -> cookie.sameSite("Lax"));
		return repository;
	}

	/**
	 * Reads the token from multipart forms too (an organisation's logo upload), not only
	 * from URL-encoded ones, so that uploads work without JavaScript.
	 */
	static XorServerCsrfTokenRequestAttributeHandler csrfFromForms() {
		XorServerCsrfTokenRequestAttributeHandler handler = new XorServerCsrfTokenRequestAttributeHandler();
		handler.setTokenFromMultipartDataEnabled(true);
		return handler;
	}

	/** The unsubscribe link of notification mails. */
	static final String UNSUBSCRIBE = "/notifications/unsubscribe";

	/**
	 * Every change needs the CSRF token, except the unsubscribe POST: mail programs send
	 * it without cookies (RFC 8058 one-click), and its signed token already proves that
	 * it comes from the mail. It changes nothing but stopping mails to the token's
	 * account.
	 */
	static ServerWebExchangeMatcher csrfProtected() {
		return new AndServerWebExchangeMatcher(CsrfWebFilter.DEFAULT_CSRF_MATCHER, new NegatedServerWebExchangeMatcher(
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, UNSUBSCRIBE)));
	}

	/**
	 * The JSON API and operator endpoints: bearer tokens, no session, no cookies, errors
	 * as problem details.
	 */
	@Bean
	@Order(1)
	SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, Members members, AccountsProperties accounts,
			RateLimitsConfiguration.SharedRateLimits rateLimits) {
		ServerAuthenticationEntryPoint unauthorized = (exchange, ex) -> {
			exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
			return Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED));
		};
		ServerAccessDeniedHandler forbidden = (exchange, ex) -> Mono
			.error(new ResponseStatusException(HttpStatus.FORBIDDEN));
		return headers(http, accounts)
			.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**", "/actuator/**"))
			.authorizeExchange((exchanges) -> exchanges.pathMatchers("/actuator/health/**", "/actuator/health")
				.permitAll()
				.pathMatchers("/actuator/**")
				.access(MemberRoles.hasRole(members, Role.ADMIN))
				.pathMatchers("/api/v1/moderation/coordinators/**")
				.access(MemberRoles.hasRole(members, Role.ADMIN))
				// The same lists the OpenAPI description documents (ApiAccess).
				.pathMatchers(ApiAccess.MEMBERS_ONLY.toArray(String[]::new))
				.authenticated()
				.pathMatchers(HttpMethod.POST, ApiAccess.OPEN_WRITES.toArray(String[]::new))
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/api/**")
				.permitAll()
				.pathMatchers(HttpMethod.HEAD, "/api/**")
				.permitAll()
				.pathMatchers(HttpMethod.OPTIONS, "/api/**")
				.permitAll()
				.anyExchange()
				.authenticated())
			.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.jwtAuthenticationConverter(members::authenticate))
				.authenticationEntryPoint(unauthorized)
				.authenticationFailureHandler(SecurityConfiguration::tokenRefused)
				.accessDeniedHandler(forbidden))
			.exceptionHandling(
					(handling) -> handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.addFilterAfter(rateLimits.filter(), SecurityWebFiltersOrder.AUTHENTICATION)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.disable())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.build();
	}

	/** The problem detail of a refused bearer token (see ErrorPages). */
	static final String TOKEN_REFUSED = "errorpage.detail.token";

	/**
	 * The detail of a sign-in that the provider could not finish, or the portal could not
	 * check.
	 */
	static final String SIGN_IN_FAILED = "errorpage.detail.signin-failed";

	/**
	 * The detail of a way back from the provider whose started sign-in expired (or was
	 * sealed with another key).
	 */
	static final String SIGN_IN_EXPIRED = "errorpage.detail.signin-expired";

	/**
	 * The error code Spring Security gives a way back without a started sign-in to match.
	 */
	private static final String NO_STARTED_SIGN_IN = "authorization_request_not_found";

	/**
	 * A token that is not the portal's (wrong issuer or audience, no subject, expired,
	 * forged) is a 401 with a problem body; a provider that cannot be asked for its keys
	 * is a 503, never a 500.
	 */
	static Mono<Void> tokenRefused(WebFilterExchange exchange, AuthenticationException ex) {
		if (ex instanceof AuthenticationServiceException) {
			return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, SignIn.UNAVAILABLE, ex));
		}
		exchange.getExchange().getResponse().getHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
		return Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, TOKEN_REFUSED));
	}

	/**
	 * A sign-in that comes back refused or broken (the person cancelled, a stale or
	 * forged callback) ends on a page in the reader's language that offers to try again.
	 */
	static Mono<Void> signInFailed(WebFilterExchange exchange, AuthenticationException ex) {
		if (ex instanceof AuthenticationServiceException) {
			return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, SignIn.UNAVAILABLE, ex));
		}
		// The cookie outlives its sealed content (SignInRequests): one that is there but
		// of no use was too late.
		if (ex instanceof OAuth2AuthenticationException oauth
				&& NO_STARTED_SIGN_IN.equals(oauth.getError().getErrorCode())
				&& exchange.getExchange().getRequest().getCookies().getFirst(SignInRequests.COOKIE) != null) {
			return Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, SIGN_IN_EXPIRED));
		}
		return Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, SIGN_IN_FAILED));
	}

	/**
	 * Pages: sign-in with a session; anything that changes something needs a signed-in
	 * member.
	 */
	@Bean
	@Order(2)
	SecurityWebFilterChain pageSecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
			ServerAuthenticationSuccessHandler signedIn, AccountsProperties accounts,
			RateLimitsConfiguration.SharedRateLimits rateLimits, Members members, PublicAddress publicAddress,
			FormDrafts drafts, SignInRequests signInRequests) {
		SignInLanguage authorizationRequests = new SignInLanguage(registrations);
		OidcClientInitiatedServerLogoutSuccessHandler loggedOut = new OidcClientInitiatedServerLogoutSuccessHandler(
				registrations);
		String base = (publicAddress.configured() != null) ? publicAddress.configured() : "{baseUrl}";
		loggedOut.setPostLogoutRedirectUri(base + "/?signed-out");
		return headers(http, accounts)
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers("/listings/new", "/listings/*/edit", "/my", "/my/**", "/organisations/new",
						"/organisations/*/edit", "/organisations/*/members", "/invitations/**")
				.authenticated()
				.pathMatchers("/activities/new", "/activities/*/edit", "/activities/*/signups",
						"/activities/*/signups.csv")
				.authenticated()
				.pathMatchers("/stats", "/stats.csv", "/stats/**")
				.authenticated()
				.pathMatchers("/moderation", "/moderation/**")
				.authenticated()
				.pathMatchers("/conversations", "/conversations/**")
				.authenticated()
				// Translators correct texts too; the feature answers 404 to everyone else
				// (texts.TextOverrides).
				.pathMatchers("/admin/texts/**")
				.authenticated()
				.pathMatchers("/admin/**")
				.access(MemberRoles.hasRole(members, Role.ADMIN))
				.pathMatchers(HttpMethod.POST, "/logout")
				.permitAll()
				// Visitors may report a listing (the form still carries a CSRF token).
				.pathMatchers(HttpMethod.POST, "/listings/*/reports", "/organisations/*/reports",
						"/activities/*/reports")
				.permitAll()
				// A mail's unsubscribe link works without signing in; its signed token is
				// the proof (RFC 8058).
				.pathMatchers(HttpMethod.POST, UNSUBSCRIBE)
				.permitAll()
				// Accessibility feedback needs no account (BITV 2.0); CSRF token and the
				// 'feedback' rate limit apply.
				.pathMatchers(HttpMethod.POST, "/accessibility/feedback")
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/**")
				.permitAll()
				.pathMatchers(HttpMethod.HEAD, "/**")
				.permitAll()
				// Whatever changes something needs a member, unless a feature opens it on
				// purpose (above).
				.anyExchange()
				.authenticated())
			.oauth2Login((login) -> login.authorizationRequestResolver(authorizationRequests)
				.authorizationRequestRepository(signInRequests)
				.authenticationSuccessHandler(signedIn)
				.authenticationFailureHandler(SecurityConfiguration::signInFailed))
			// A signed-in member without the right gets the layout's localized 403 page
			// (ErrorPages), not a bare
			// English "Access Denied".
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(keepingTheForm(drafts))
				.accessDeniedHandler((exchange, ex) -> Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN))))
			.logout((logout) -> logout.logoutSuccessHandler(loggedOut))
			.addFilterAfter(rateLimits.filter(), SecurityWebFiltersOrder.REACTOR_CONTEXT)
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens())
				.csrfTokenRequestHandler(csrfFromForms())
				.requireCsrfProtectionMatcher(csrfProtected()))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.build();
	}

	/**
	 * Sends a visitor to sign in. A form posted after the session ran out (a listing
	 * typed for a long time) is kept first, and the sign-in comes back to that form,
	 * filled in again (FormDrafts).
	 */
	private static final int RETURN_AT_MOST = 1000;

	static ServerAuthenticationEntryPoint keepingTheForm(FormDrafts drafts) {
		ServerAuthenticationEntryPoint signIn = new RedirectServerAuthenticationEntryPoint(SignIn.START);
		DefaultServerRedirectStrategy redirects = new DefaultServerRedirectStrategy();
		return (exchange, ex) -> {
			Optional<String> formPage = HttpMethod.POST.equals(exchange.getRequest().getMethod())
					? FormDrafts.formPageOf(exchange.getRequest().getPath().value()) : Optional.empty();
			if (formPage.isEmpty()) {
				if (HttpMethod.GET.equals(exchange.getRequest().getMethod())) {
					// The page to come back to travels with the sign-in start
					// (ReturnAfterSignIn's cookie), so a
					// visitor who opens a member's page leaves nothing in a server
					// session.
					URI here = exchange.getRequest().getURI();
					String page = here.getRawPath() + ((here.getRawQuery() != null) ? "?" + here.getRawQuery() : "");
					// A return address longer than a page's would make the redirect's
					// header too large to read.
					if (page.length() > RETURN_AT_MOST) {
						page = (here.getRawPath().length() > RETURN_AT_MOST) ? "/" : here.getRawPath();
					}
					return redirects.sendRedirect(exchange, URI.create(SignIn.startReturningTo(page)));
				}
				return signIn.commence(exchange, ex);
			}
			return exchange.getFormData()
				.flatMap((fields) -> drafts.keep(exchange, formPage.get(), fields))
				.then(Mono.defer(
						() -> redirects.sendRedirect(exchange, URI.create(SignIn.startReturningTo(formPage.get())))));
		};
	}

	private static ServerHttpSecurity headers(ServerHttpSecurity http, AccountsProperties accounts) {
		return http.headers((headers) -> headers
			.contentSecurityPolicy((csp) -> csp.policyDirectives(contentSecurityPolicy(accounts.issuerUri())))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.frameOptions((frame) -> frame.mode(Mode.DENY)));
	}

}
