package de.pinnwand.accounts.web;

import java.time.Duration;

import de.pinnwand.accounts.AccountsProperties;
import de.pinnwand.accounts.Members;
import de.pinnwand.system.PublicAddress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The portal's side of OpenID Connect: one client registration found by discovery from the configured issuer
 * (the embedded provider when none is configured), and the JWT decoder of the API. Discovery happens at the
 * first sign-in, not at start-up, so the portal starts while the provider is still coming up.
 */
@Configuration(proxyBeanMethods = false)
public class SignIn {

	/** Where a sign-in starts; pages link here. */
	public static final String START = "/oauth2/authorization/" + AccountsProperties.REGISTRATION_ID;

	@Bean
	ReactiveClientRegistrationRepository clientRegistrations(AccountsProperties properties, PublicAddress publicAddress) {
		// Behind a proxy the configured public address; else the address the request came to.
		String base = (publicAddress.configured() != null) ? publicAddress.configured() : "{baseUrl}";
		Mono<ClientRegistration> registration = Mono.fromCallable(() -> {
			boolean confidential = properties.clientSecret() != null && !properties.clientSecret().isBlank();
			return ClientRegistrations.fromIssuerLocation(properties.issuerUri())
				.registrationId(AccountsProperties.REGISTRATION_ID)
				.clientId(properties.clientId())
				.clientSecret(confidential ? properties.clientSecret() : null)
				.clientAuthenticationMethod(confidential ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC
						: ClientAuthenticationMethod.NONE)
				.scope("openid", "profile")
				.redirectUri(base + "/login/oauth2/code/{registrationId}")
				.build();
		})
			.subscribeOn(Schedulers.boundedElastic())
			// Kept once found; a provider that is not up yet is asked again at the next sign-in.
			.cache((found) -> Duration.ofDays(36500), (failed) -> Duration.ZERO, () -> Duration.ZERO);
		return (id) -> AccountsProperties.REGISTRATION_ID.equals(id) ? registration : Mono.empty();
	}

	@Bean
	ReactiveJwtDecoder jwtDecoder(AccountsProperties properties) {
		return NimbusReactiveJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
	}

	@Bean
	@org.springframework.core.annotation.Order(0)
	org.springframework.web.server.WebFilter signedInMemberFilter(Members members) {
		return new SignedInMemberFilter(members);
	}

	/** Records the sign-in (account, provider roles), then returns to the page that asked for it. */
	@Bean
	ServerAuthenticationSuccessHandler signedIn(Members members) {
		RedirectServerAuthenticationSuccessHandler redirect = new RedirectServerAuthenticationSuccessHandler("/my/listings");
		return (WebFilterExchange exchange, org.springframework.security.core.Authentication authentication) -> members
			.signedIn(authentication)
			.then(redirect.onAuthenticationSuccess(exchange, authentication));
	}

}
