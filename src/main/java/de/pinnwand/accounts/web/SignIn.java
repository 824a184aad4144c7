package de.pinnwand.accounts.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;

import de.pinnwand.accounts.AccountsProperties;
import de.pinnwand.accounts.Members;
import de.pinnwand.system.PublicAddress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The portal's side of OpenID Connect: one client registration found by discovery from
 * the configured issuer (the embedded provider when none is configured), and the JWT
 * decoder of the API. Discovery happens at the first sign-in, not at start-up, so the
 * portal starts while the provider is still coming up.
 */
@Configuration(proxyBeanMethods = false)
@NamedInterface("sign-in")
public class SignIn {

	/** Where a sign-in starts; pages link here. */
	public static final String START = "/oauth2/authorization/" + AccountsProperties.REGISTRATION_ID;

	/**
	 * The sign-in start that comes back to {@code path} (a relative path on this site)
	 * once signed in.
	 */
	public static String startReturningTo(String path) {
		return START + "?" + ReturnAfterSignIn.PARAMETER + "=" + ReturnAfterSignIn.token(path);
	}

	/**
	 * The detail of the answer while the provider cannot be reached (a 503 page or
	 * problem).
	 */
	public static final String UNAVAILABLE = "errorpage.detail.signin-unavailable";

	@Bean
	ReactiveClientRegistrationRepository clientRegistrations(AccountsProperties properties,
			PublicAddress publicAddress) {
		// Behind a proxy the configured public address; else the address the request came
		// to.
		String base = (publicAddress.configured() != null) ? publicAddress.configured() : "{baseUrl}";
		Mono<ClientRegistration> registration = Mono.fromCallable(() -> {
			boolean confidential = properties.clientSecret() != null && !properties.clientSecret().isBlank();
			return ClientRegistrations.fromIssuerLocation(properties.issuerUri())
				.registrationId(AccountsProperties.REGISTRATION_ID)
				.clientId(properties.clientId())
				.clientSecret(confidential ? properties.clientSecret() : null)
				.clientAuthenticationMethod(
						confidential ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC : ClientAuthenticationMethod.NONE)
				.scope("openid", "profile")
				.redirectUri(base + "/login/oauth2/code/{registrationId}")
				.build();
		})
			.subscribeOn(Schedulers.boundedElastic())
			.onErrorMap((unreachable) -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE,
					unreachable))
			// Kept once found; a provider that is not up yet is asked again at the next
			// sign-in.
			.cache((found) -> Duration.ofDays(36500), (failed) -> Duration.ZERO, () -> Duration.ZERO);
		return (id) -> AccountsProperties.REGISTRATION_ID.equals(id) ? registration : Mono.empty();
	}

	/**
	 * Takes a token only when it was made for the portal: the configured issuer, the
	 * portal's client id in {@code aud} (another client of the same realm, such as
	 * Keycloak's admin-cli, gets no way in), a subject to key the account by, and times
	 * that hold. Keys and endpoints are found at the first token, not at start-up.
	 */
	@Bean
	ReactiveJwtDecoder jwtDecoder(AccountsProperties properties) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
		decoder.setJwtValidator(tokenValidator(properties));
		// A provider that cannot be reached is a JwtException other than a bad token: the
		// API answers 503 then.
		return (token) -> decoder.decode(token)
			.onErrorMap((ex) -> !(ex instanceof JwtException),
					(ex) -> new JwtException("The sign-in provider cannot be reached", ex));
	}

	static OAuth2TokenValidator<Jwt> tokenValidator(AccountsProperties properties) {
		return new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(properties.clockSkew()),
				new JwtIssuerValidator(properties.issuerUri()),
				new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
						(audience) -> audience != null && audience.contains(properties.clientId())),
				new JwtClaimValidator<Object>(JwtClaimNames.SUB,
						(subject) -> subject instanceof String text && !text.isBlank()));
	}

	@Bean
	@Order(0)
	WebFilter signedInMemberFilter(Members members) {
		return new SignedInMemberFilter(members);
	}

	/**
	 * Started sign-ins wait in a sealed cookie, not in a session (see SignInRequests).
	 */
	@Bean
	SignInRequests signInRequests(AccountsProperties properties) {
		return new SignInRequests(properties.signInKey(), properties.signInTime(), Clock.systemUTC());
	}

	/** Before the security chain: the sign-in start is answered inside it. */
	@Bean
	@Order(-200)
	WebFilter returnAfterSignIn() {
		return new ReturnAfterSignIn();
	}

	/**
	 * Records the sign-in (account, provider roles), then returns to the page the person
	 * signed in from (the header's link), else to the page that asked for it, else to
	 * their listings.
	 */
	@Bean
	ServerAuthenticationSuccessHandler signedIn(Members members) {
		RedirectServerAuthenticationSuccessHandler redirect = new RedirectServerAuthenticationSuccessHandler(
				"/my/listings");
		return (WebFilterExchange exchange, Authentication authentication) -> members.signedIn(authentication)
			.then(Mono.defer(() -> ReturnAfterSignIn.takeTarget(exchange.getExchange())
				.map((target) -> new DefaultServerRedirectStrategy().sendRedirect(exchange.getExchange(),
						URI.create(target)))
				.orElseGet(() -> redirect.onAuthenticationSuccess(exchange, authentication))));
	}

}
