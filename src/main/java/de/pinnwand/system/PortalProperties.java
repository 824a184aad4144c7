package de.pinnwand.system;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the portal is reached from outside, and which proxies stand in front of it.
 *
 * @param publicUrl the portal's public address, such as
 * {@code https://pinnwand.landkreis.example}: sign-in redirects, sign-out, links in
 * mails, the QR code of printed notices and the feeds are built from it; unset (the local
 * run), they follow the address the request came to
 * @param trustedProxies addresses or networks ({@code 10.0.0.0/8}) of the reverse proxies
 * whose {@code X-Forwarded-*} headers are believed; from anyone else those headers are
 * dropped, so no visitor can choose their own address
 */
@ConfigurationProperties("pinnwand")
public record PortalProperties(URI publicUrl, @DefaultValue List<String> trustedProxies) {

	public PortalProperties {
		if (publicUrl != null) {
			String scheme = publicUrl.getScheme();
			if (!("https".equals(scheme) || "http".equals(scheme)) || publicUrl.getRawAuthority() == null
					|| publicUrl.getRawQuery() != null || publicUrl.getRawFragment() != null) {
				throw new IllegalArgumentException(
						"pinnwand.public-url must be an absolute http(s) address without query: " + publicUrl);
			}
			String text = publicUrl.toString();
			publicUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
		}
		trustedProxies = List.copyOf(trustedProxies);
		trustedProxies.forEach(IpAddresses.Network::parse);
	}

}
