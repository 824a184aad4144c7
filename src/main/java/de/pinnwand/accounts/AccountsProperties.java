package de.pinnwand.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings. Without an issuer the app starts its embedded provider (see the
 * README); in production they point at Keycloak or any other OpenID Connect provider.
 *
 * @param issuerUri the provider's issuer; discovery, keys and endpoints are found from it
 * @param clientId the portal's client at the provider
 * @param clientSecret the client's secret (only from the environment); blank for a public
 * client
 * @param groupsClaim the claim in which the provider lists a person's groups
 * @param coordinatorGroup the provider group whose members are coordinators
 * @param adminGroup the provider group whose members are admins
 * @param clockSkew how far the provider's clock may be off when a token's times are
 * checked
 * @param signInKey the secret (at least 32 characters, from the environment only) that
 * seals the cookie holding a sign-in while the person is at the provider; every instance
 * of a deployment needs the same one. Blank only with the development services, which
 * then make one at random per run
 * @param signInTime how long a started sign-in may take at the provider's pages
 * (registering included)
 */
@ConfigurationProperties("pinnwand.accounts")
public record AccountsProperties(String issuerUri, @DefaultValue("pinnwand") String clientId, String clientSecret,
		@DefaultValue("groups") String groupsClaim, @DefaultValue("coordinators") String coordinatorGroup,
		@DefaultValue("admins") String adminGroup, @DefaultValue("30s") Duration clockSkew, String signInKey,
		@DefaultValue("40m") Duration signInTime) {

	/** The registration id in Spring Security, and the path segment of sign-in URLs. */
	public static final String REGISTRATION_ID = "pinnwand";

}
