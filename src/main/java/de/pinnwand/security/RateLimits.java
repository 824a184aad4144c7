package de.pinnwand.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import de.pinnwand.security.RateLimitsProperties.Rule;
import de.pinnwand.system.IpAddresses;
import de.pinnwand.system.RateLimitExceeded;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Counts the requests of each client against the configured {@link RateLimitsProperties
 * rules} and answers {@link RateLimitExceeded} (429 with {@code Retry-After}) once a
 * client has used up a rule's capacity. A client is the signed-in person when there is
 * one, else the address the request came from.
 * <p>
 * It runs inside both of Spring Security's filter chains ({@link SecurityConfiguration}):
 * in the API chain after bearer authentication; in the page chain after the session's
 * security context is loaded and before the filter that answers sign-in starts
 * ({@code /oauth2/authorization/**}) by itself.
 */
class RateLimits implements WebFilter {

	private final boolean enabled;

	private final List<IpAddresses.Network> exempt;

	private final List<Limit> limits;

	private final RateLimitBuckets buckets;

	/** The limits of one instance, counted in its memory. */
	RateLimits(RateLimitsProperties properties, TimeMeter time) {
		this(properties, new LocalRateLimitBuckets(properties, time));
	}

	RateLimits(RateLimitsProperties properties, RateLimitBuckets buckets) {
		this.enabled = properties.enabled();
		this.exempt = properties.exemptAddresses().stream().map(IpAddresses.Network::parse).toList();
		this.limits = properties.rules()
			.entrySet()
			.stream()
			.map((rule) -> new Limit(rule.getKey(), rule.getValue()))
			.toList();
		this.buckets = buckets;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.enabled) {
			return chain.filter(exchange);
		}
		List<Limit> matching = this.limits.stream().filter((limit) -> limit.counts(exchange.getRequest())).toList();
		if (matching.isEmpty()) {
			return chain.filter(exchange);
		}
		InetAddress address = clientAddress(exchange.getRequest());
		if (address != null && this.exempt.stream().anyMatch((network) -> network.contains(address))) {
			return chain.filter(exchange);
		}
		return signedIn().map((name) -> "person:" + name)
			.defaultIfEmpty("address:" + addressKey(address))
			// Every matching rule takes its token, so a request never slips through one
			// rule because another
			// refused it; overlapping rules are rare, and a refused request then costs
			// the others one token.
			.flatMapMany((client) -> Flux.fromIterable(matching)
				.concatMap((limit) -> this.buckets.take(limit.name, client, limit.configuration)
					.filter((probe) -> !probe.isConsumed())
					.map((probe) -> new RateLimitExceeded(limit.name,
							Duration.ofNanos(probe.getNanosToWaitForRefill())))))
			.reduce((one, other) -> (other.retryAfter().compareTo(one.retryAfter()) > 0) ? other : one)
			.flatMap(Mono::<Void>error)
			.switchIfEmpty(Mono.defer(() -> chain.filter(exchange)));
	}

	/**
	 * How many clients a rule remembers right now (in this instance's memory); for tests
	 * of the store's bound.
	 */
	long clientsTracked(String rule) {
		return ((LocalRateLimitBuckets) this.buckets).clientsTracked(rule);
	}

	private static Mono<String> signedIn() {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.filter((authentication) -> authentication.isAuthenticated()
					&& !(authentication instanceof AnonymousAuthenticationToken))
			.map(Authentication::getName);
	}

	/**
	 * The client's address: the connection's, or behind a trusted proxy the one it
	 * reported (TrustedProxies).
	 */
	private InetAddress clientAddress(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		return (remote != null) ? remote.getAddress() : null;
	}

	/**
	 * The bucket key of an address. An IPv6 client usually holds a whole /64 and could
	 * step around its limit by changing the rest of the address, so IPv6 addresses count
	 * by their /64 network.
	 */
	static String addressKey(InetAddress address) {
		if (address == null) {
			return "unknown";
		}
		byte[] bytes = address.getAddress();
		if (bytes.length == 16) {
			StringBuilder network = new StringBuilder();
			for (int i = 0; i < 8; i += 2) {
				network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
			}
			return network.append(":/64").toString();
		}
		return address.getHostAddress();
	}

	/** A rule: what it counts, and the bucket each client gets. */
	private static final class Limit {

		private final String name;

		private final HttpMethod method;

		private final List<PathPattern> paths;

		private final BucketConfiguration configuration;

		Limit(String name, Rule rule) {
			this.name = name;
			this.method = rule.method();
			this.paths = rule.paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
			this.configuration = BucketConfiguration.builder()
				.addLimit((limit) -> limit.capacity(rule.capacity()).refillGreedy(rule.capacity(), rule.period()))
				.build();
		}

		boolean counts(ServerHttpRequest request) {
			if (!this.method.equals(request.getMethod())) {
				return false;
			}
			PathContainer path = request.getPath().pathWithinApplication();
			return this.paths.stream().anyMatch((pattern) -> pattern.matches(path));
		}

	}

}
