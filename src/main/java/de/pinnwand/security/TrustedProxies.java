package de.pinnwand.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import de.pinnwand.system.IpAddresses;
import de.pinnwand.system.PortalProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Believes forwarded headers only from the configured proxies
 * ({@code pinnwand.trusted-proxies}). From such a proxy, the request takes the scheme,
 * host and port the visitor used ({@code X-Forwarded-Proto}, {@code -Host},
 * {@code -Port}), so redirects are {@code https://} behind a TLS proxy, and its remote
 * address becomes the client's: the right-most {@code X-Forwarded-For} entry that is not
 * itself a trusted proxy — what a client writes there stands to the left of what the
 * proxy appends, so it is never taken. From anyone else, every forwarding header is
 * removed before the app sees the request.
 * <p>
 * Spring's own {@code ForwardedHeaderTransformer} (which this one replaces, under its
 * bean name) believes every sender and takes the left-most address, which a visitor
 * chooses; this is the portal's one place for the rule.
 */
@Component(WebHttpHandlerBuilder.FORWARDED_HEADER_TRANSFORMER_BEAN_NAME)
public class TrustedProxies extends ForwardedHeaderTransformer {

	/** Headers through which a sender claims to forward someone else's request. */
	static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Proto",
			"X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Ssl", "X-Real-IP",
			"True-Client-IP", "CF-Connecting-IP", "X-Client-IP", "X-Cluster-Client-IP", "Fastly-Client-IP");

	/**
	 * Set on every request that arrived with forwarding headers (which this class then
	 * removed): it came through a proxy, whoever that is. Pages meant only for the
	 * machine itself ({@code /dev/mail}) refuse such requests. A client that sends it
	 * itself only makes its own request look forwarded.
	 */
	public static final String FORWARDED_MARK = "X-Pinnwand-Forwarded";

	private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}]");

	private final List<IpAddresses.Network> proxies;

	TrustedProxies(PortalProperties properties) {
		this.proxies = properties.trustedProxies().stream().map(IpAddresses.Network::parse).toList();
	}

	/**
	 * Applied by WebFlux to every request before anything else sees it, the session
	 * cookie's Secure flag and the security chain included.
	 */
	@Override
	public ServerHttpRequest apply(ServerHttpRequest request) {
		if (!carriesForwarding(request.getHeaders())) {
			return request;
		}
		ServerHttpRequest.Builder changed = request.mutate();
		if (trusted(address(request.getRemoteAddress()))) {
			HttpHeaders headers = request.getHeaders();
			InetAddress client = client(headers.getValuesAsList("X-Forwarded-For"));
			if (client != null) {
				changed.remoteAddress(new InetSocketAddress(client, 0));
			}
			URI uri = publicUri(request.getURI(), headers);
			if (uri != null) {
				changed.uri(uri);
			}
		}
		changed.headers((headers) -> {
			FORWARDING_HEADERS.forEach(headers::remove);
			headers.set(FORWARDED_MARK, "true");
		});
		return changed.build();
	}

	boolean trusted(InetAddress address) {
		return address != null && this.proxies.stream().anyMatch((network) -> network.contains(address));
	}

	/**
	 * The right-most entry that is not one of the trusted proxies: the address the
	 * nearest of them saw.
	 */
	InetAddress client(List<String> forwardedFor) {
		List<String> entries = forwardedFor.stream()
			.flatMap((value) -> java.util.Arrays.stream(value.split(",")))
			.map(String::strip)
			.toList();
		for (int i = entries.size() - 1; i >= 0; i--) {
			InetAddress address = IpAddresses.literal(entries.get(i));
			if (address == null) {
				// An entry that is no address (a proxy writes 'unknown') ends what can be
				// believed.
				return null;
			}
			if (!trusted(address)) {
				return address;
			}
		}
		return null;
	}

	private static URI publicUri(URI uri, HttpHeaders headers) {
		String proto = first(headers.getFirst("X-Forwarded-Proto"));
		String host = first(headers.getFirst("X-Forwarded-Host"));
		String port = first(headers.getFirst("X-Forwarded-Port"));
		UriComponentsBuilder builder = UriComponentsBuilder.fromUri(uri);
		boolean changed = false;
		if (proto != null) {
			String scheme = proto.toLowerCase(Locale.ROOT);
			if (!scheme.equals("http") && !scheme.equals("https")) {
				return null;
			}
			builder.scheme(scheme);
			// The port the proxy listens on, not the app's, unless a header names one.
			builder.port(-1);
			changed = true;
		}
		if (host != null) {
			int colon = host.lastIndexOf(':');
			boolean withPort = colon > 0 && !host.endsWith("]") && host.indexOf(':') == colon;
			String name = withPort ? host.substring(0, colon) : host;
			if (!HOST.matcher(name).matches()) {
				return null;
			}
			builder.host(name);
			builder.port(withPort ? parsePort(host.substring(colon + 1)) : -1);
			changed = true;
		}
		if (port != null) {
			int number = parsePort(port);
			String scheme = (proto != null) ? proto.toLowerCase(Locale.ROOT) : uri.getScheme();
			boolean standard = ("https".equals(scheme) && number == 443) || ("http".equals(scheme) && number == 80);
			builder.port(standard ? -1 : number);
			changed = true;
		}
		try {
			return changed ? builder.build(true).toUri() : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static int parsePort(String text) {
		try {
			int port = Integer.parseInt(text.strip());
			return (port > 0 && port < 65536) ? port : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/** A proxy chain lists one value per hop; the first is what the visitor used. */
	private static String first(String value) {
		if (value == null) {
			return null;
		}
		String first = value.split(",")[0].strip();
		return first.isEmpty() ? null : first;
	}

	private static boolean carriesForwarding(HttpHeaders headers) {
		for (String name : FORWARDING_HEADERS) {
			if (headers.containsHeader(name)) {
				return true;
			}
		}
		return false;
	}

	private static InetAddress address(InetSocketAddress remote) {
		return (remote != null) ? remote.getAddress() : null;
	}

}
