package de.pinnwand.system;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The address a request came from, read as the rate limits read it: behind the configured proxy, the last
 * {@code X-Forwarded-For} entry.
 */
@Component
public class ClientAddresses {

	private final boolean trustForwardedFor;

	ClientAddresses(RateLimitsProperties properties) {
		this.trustForwardedFor = properties.trustForwardedFor();
	}

	/** The client's address as text; null when unknown. */
	public String of(ServerHttpRequest request) {
		if (this.trustForwardedFor) {
			List<String> forwarded = request.getHeaders().getValuesAsList("X-Forwarded-For");
			if (!forwarded.isEmpty()) {
				InetAddress address = RateLimits.literal(forwarded.get(forwarded.size() - 1));
				if (address != null) {
					return address.getHostAddress();
				}
			}
		}
		InetSocketAddress remote = request.getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : null;
	}

}
