package de.pinnwand.accounts.web;

import java.util.Set;

import de.pinnwand.web.Messages;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The portal's authorization requests: with PKCE, and with {@code ui_locales} set to the
 * reader's interface language, so that the provider's sign-in and registration pages
 * speak it (Keycloak lays Arabic and Persian out right to left).
 */
@NamedInterface("sign-in")
public final class SignInLanguage implements ServerOAuth2AuthorizationRequestResolver {

	/** The interface languages the realm offers too. */
	static final Set<String> LANGUAGES = Set.of("de", "en", "ar", "fa", "uk", "ru", "tr");

	private final DefaultServerOAuth2AuthorizationRequestResolver requests;

	public SignInLanguage(ReactiveClientRegistrationRepository registrations) {
		this.requests = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
		// PKCE for confidential clients too (public clients get it anyway).
		this.requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
	}

	@Override
	public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
		return this.requests.resolve(exchange).map((request) -> inLanguage(request, exchange));
	}

	@Override
	public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange, String clientRegistrationId) {
		return this.requests.resolve(exchange, clientRegistrationId).map((request) -> inLanguage(request, exchange));
	}

	private static OAuth2AuthorizationRequest inLanguage(OAuth2AuthorizationRequest request,
			ServerWebExchange exchange) {
		String language = Messages.localeOf(exchange).getLanguage();
		if (!LANGUAGES.contains(language)) {
			language = "de";
		}
		String uri = UriComponentsBuilder.fromUriString(request.getAuthorizationRequestUri())
			.queryParam("ui_locales", language)
			.build(true)
			.toUriString();
		String chosen = language;
		return OAuth2AuthorizationRequest.from(request)
			.additionalParameters((parameters) -> parameters.put("ui_locales", chosen))
			.authorizationRequestUri(uri)
			.build();
	}

}
