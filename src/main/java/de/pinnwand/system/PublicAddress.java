package de.pinnwand.system;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The portal's own address for absolute links (feeds, printed notices' QR codes, sign-in
 * and sign-out redirects): {@code pinnwand.public-url} when set, otherwise the address
 * the request came to (behind a trusted proxy, the one the visitor used; see
 * {@link TrustedProxies}).
 */
@Component
public class PublicAddress {

	private final String configured;

	PublicAddress(PortalProperties properties) {
		this.configured = (properties.publicUrl() != null) ? properties.publicUrl().toString() : null;
	}

	/**
	 * The configured public address without a trailing slash, or null when none is set.
	 */
	public String configured() {
		return this.configured;
	}

	/** The portal's base address for this request, without a trailing slash. */
	public String base(ServerWebExchange exchange) {
		if (this.configured != null) {
			return this.configured;
		}
		return UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
			.replacePath(null)
			.replaceQuery(null)
			.fragment(null)
			.build()
			.toUriString();
	}

	/** The absolute address of a portal path ({@code /listings/…}). */
	public String absolute(ServerWebExchange exchange, String path) {
		return base(exchange) + (path.startsWith("/") ? path : "/" + path);
	}

}
