package de.pinnwand.system;

import java.net.InetSocketAddress;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The address a request came from, as the rate limits read it: the connection's, or
 * behind a configured proxy the address that proxy reported ({@link TrustedProxies} has
 * already put it in place of the proxy's own).
 */
@Component
public class ClientAddresses {

	/** The client's address as text; null when unknown. */
	public String of(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : null;
	}

}
