package de.pinnwand.accounts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who is asking: the member behind a request's sign-in (a page session or an API bearer
 * token), looked up once per request. A bearer token of someone who never signed in on a
 * page makes their account on first use.
 */
@Component
public class Members {

	private static final String ATTRIBUTE = Members.class.getName() + ".current";

	private final AccountService accounts;

	private final AccountsProperties properties;

	private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

	Members(AccountService accounts, AccountsProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	/** The signed-in member, or empty for a visitor. */
	public Mono<Member> current(ServerWebExchange exchange) {
		Mono<Member> cached = exchange.getAttribute(ATTRIBUTE);
		if (cached == null) {
			cached = exchange.getPrincipal()
				.filter(Authentication.class::isInstance)
				.cast(Authentication.class)
				.filter(Authentication::isAuthenticated)
				.flatMap(this::member)
				.cache();
			exchange.getAttributes().put(ATTRIBUTE, cached);
		}
		return cached;
	}

	/**
	 * The signed-in member; the security rules make sure there is one where this is used.
	 */
	public Mono<Member> required(ServerWebExchange exchange) {
		return current(exchange).switchIfEmpty(Mono.error(AccountNotFound::new));
	}

	private Mono<Member> member(Authentication authentication) {
		if (authentication instanceof JwtAuthenticationToken jwt) {
			// Found already when the API's token was authenticated (authenticate): no
			// second look-up per request.
			if (jwt.getDetails() instanceof Member known) {
				return Mono.just(known);
			}
			return this.accounts.bySubject(jwt.getName())
				.switchIfEmpty(Mono.defer(() -> this.accounts.signedIn(jwt.getName(),
						jwt.getToken().getClaimAsString("preferred_username"), groups(jwt.getTokenAttributes()))));
		}
		if (authentication instanceof OAuth2AuthenticationToken) {
			return this.accounts.bySubject(authentication.getName());
		}
		return Mono.empty();
	}

	/**
	 * The API's authentication of a bearer token: the token's scopes and the member's
	 * portal roles as {@code ROLE_…} authorities, so that role checks outside the
	 * portal's own rules (the health endpoint's details for admins) see them too. Makes
	 * the account at first use, like {@link #current}.
	 */
	public Mono<AbstractAuthenticationToken> authenticate(Jwt jwt) {
		Collection<GrantedAuthority> scopes = this.scopes.convert(jwt);
		JwtAuthenticationToken plain = new JwtAuthenticationToken(jwt, scopes, jwt.getSubject());
		return member(plain).map((member) -> {
			List<GrantedAuthority> authorities = new ArrayList<>(scopes);
			member.roles().forEach((role) -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
			JwtAuthenticationToken authenticated = new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
			authenticated.setDetails(member);
			return (AbstractAuthenticationToken) authenticated;
		}).defaultIfEmpty(plain);
	}

	/** What to record at a page sign-in. */
	public Mono<Member> signedIn(Authentication authentication) {
		if (authentication.getPrincipal() instanceof OidcUser user) {
			String name = (user.getPreferredUsername() != null) ? user.getPreferredUsername() : user.getGivenName();
			return this.accounts.signedIn(user.getSubject(), name, groups(user.getClaims()));
		}
		return this.accounts.signedIn(authentication.getName(), null, null);
	}

	/** The provider's groups, or null when it sent none. */
	private Collection<String> groups(Map<String, Object> claims) {
		Object value = claims.get(this.properties.groupsClaim());
		if (!(value instanceof Collection<?> collection)) {
			return null;
		}
		return collection.stream().map(String::valueOf).toList();
	}

}
