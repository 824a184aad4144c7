package de.pinnwand.security;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import de.pinnwand.security.RateLimitsProperties.Rule;
import de.pinnwand.system.IpAddresses;
import de.pinnwand.system.PortalProperties;
import de.pinnwand.system.RateLimitExceeded;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The filter on its own, with a clock the test moves: what is counted, for whom, and what
 * a refusal says.
 */
class RateLimitsTests {

	private static final Rule THREE_LISTINGS_AN_HOUR = new Rule(HttpMethod.POST,
			List.of("/listings", "/api/v1/listings"), 3, Duration.ofHours(1));

	private static final Rule TWO_SIGNUPS_A_MINUTE = new Rule(HttpMethod.POST, List.of("/activities/*/signups"), 2,
			Duration.ofMinutes(1));

	private final ManualTime time = new ManualTime();

	private final AtomicInteger passed = new AtomicInteger();

	@Test
	void refusesAClientBeyondTheCapacityAndSaysWhenToTryAgain() {
		RateLimits limits = limits(properties(List.of()));
		for (int i = 0; i < 3; i++) {
			assertPasses(limits, post("/api/v1/listings", "203.0.113.5"));
		}
		RateLimitExceeded refused = refused(limits, post("/listings", "203.0.113.5"));
		assertThat(refused.rule()).isEqualTo("listings");
		// Given back evenly: one listing every 20 minutes.
		assertThat(refused.retryAfterSeconds()).isEqualTo(20 * 60);
		assertThat(refused.getStatusCode().value()).isEqualTo(429);
		assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("1200");
		assertThat(this.passed).hasValue(3);
	}

	@Test
	void givesCapacityBackOverThePeriod() {
		RateLimits limits = limits(properties(List.of()));
		for (int i = 0; i < 3; i++) {
			assertPasses(limits, post("/listings", "203.0.113.5"));
		}
		this.time.advance(Duration.ofMinutes(19));
		assertThat(refused(limits, post("/listings", "203.0.113.5")).retryAfterSeconds()).isEqualTo(60);
		this.time.advance(Duration.ofMinutes(1));
		assertPasses(limits, post("/listings", "203.0.113.5"));
		refused(limits, post("/listings", "203.0.113.5"));
	}

	@Test
	void countsOnlyTheRulesMethodAndPaths() {
		RateLimits limits = limits(properties(List.of()));
		for (int i = 0; i < 10; i++) {
			assertPasses(limits, exchange(MockServerHttpRequest.get("/api/v1/listings"), "203.0.113.5"));
			assertPasses(limits, post("/listings/4f1c/edit", "203.0.113.5"));
			assertPasses(limits, post("/api/v1/listings/4f1c/renewal", "203.0.113.5"));
		}
		assertPasses(limits, post("/activities/7/signups", "203.0.113.5"));
		assertPasses(limits, post("/activities/8/signups", "203.0.113.5"));
		assertThat(refused(limits, post("/activities/9/signups", "203.0.113.5")).rule()).isEqualTo("signups");
	}

	@Test
	void keepsClientsApart() {
		RateLimits limits = limits(properties(List.of()));
		for (int i = 0; i < 3; i++) {
			assertPasses(limits, post("/listings", "203.0.113.5"));
		}
		refused(limits, post("/listings", "203.0.113.5"));
		assertPasses(limits, post("/listings", "203.0.113.6"));
	}

	@Test
	void countsASignedInPersonByNameFromAnyAddress() {
		RateLimits limits = limits(properties(List.of()));
		assertPasses(limits, post("/listings", "203.0.113.5"), "amal");
		assertPasses(limits, post("/listings", "198.51.100.7"), "amal");
		assertPasses(limits, post("/listings", "192.0.2.99"), "amal");
		refused(limits, post("/listings", "203.0.113.5"), "amal");
		// Someone else at the same address (a shelter's Wi-Fi) is not held to Amal's
		// count.
		assertPasses(limits, post("/listings", "203.0.113.5"), "dmytro");
		assertPasses(limits, post("/listings", "203.0.113.5"));
	}

	@Test
	void ignoresXForwardedForUnlessTrusted() {
		RateLimits limits = limits(properties(List.of()));
		for (int i = 0; i < 3; i++) {
			assertPasses(limits, forwarded("/listings", "10.0.0.2", "203.0.113." + i));
		}
		refused(limits, forwarded("/listings", "10.0.0.2", "203.0.113.50"));
	}

	@Test
	void takesTheProxysEntryOfXForwardedForWhenTheProxyIsTrusted() {
		RateLimits limits = limits(properties(List.of()));
		for (int i = 0; i < 3; i++) {
			// What the client wrote comes first; the proxy appends the address it saw.
			assertPasses(limits, throughProxies(forwarded("/listings", "10.0.0.2", "192.0.2." + i + ", 203.0.113.5")));
		}
		refused(limits, throughProxies(forwarded("/listings", "10.0.0.2", "192.0.2.77, 203.0.113.5")));
		assertPasses(limits, throughProxies(forwarded("/listings", "10.0.0.2", "203.0.113.6")));
		// An entry that is no address counts as the proxy's own address, never as a host
		// name to look up.
		assertPasses(limits, throughProxies(forwarded("/listings", "10.0.0.2", "pinnwand.example.org")));
		// The same header from an address that is not the proxy is dropped: that sender
		// counts as itself.
		for (int i = 0; i < 3; i++) {
			assertPasses(limits, throughProxies(forwarded("/listings", "10.0.0.9", "203.0.113." + (100 + i))));
		}
		refused(limits, throughProxies(forwarded("/listings", "10.0.0.9", "203.0.113.120")));
	}

	@Test
	void readsOnlyAddressLiteralsFromHeaders() {
		assertThat(IpAddresses.literal(" 198.51.100.7 ")).hasToString("/198.51.100.7");
		assertThat(IpAddresses.literal("[2001:db8::1]")).isNotNull();
		assertThat(IpAddresses.literal("::ffff:192.0.2.1")).hasToString("/192.0.2.1");
		assertThat(IpAddresses.literal("999.1.1.1")).isNull();
		assertThat(IpAddresses.literal("pinnwand.example.org")).isNull();
		assertThat(IpAddresses.literal("cafe")).isNull();
		assertThat(IpAddresses.literal("2001:db8::zz")).isNull();
		assertThat(IpAddresses.literal("")).isNull();
	}

	/**
	 * The exchange as the app's filters after {@link TrustedProxies} see it, with
	 * 10.0.0.2 as the one proxy.
	 */
	private static ServerWebExchange throughProxies(MockServerWebExchange exchange) {
		TrustedProxies proxies = new TrustedProxies(new PortalProperties(null, List.of("10.0.0.2")));
		return exchange.mutate().request(proxies.apply(exchange.getRequest())).build();
	}

	@Test
	void countsIpv6ClientsByTheirNetwork() {
		RateLimits limits = limits(properties(List.of()));
		assertPasses(limits, post("/listings", "2001:db8:1:2::1"));
		assertPasses(limits, post("/listings", "2001:db8:1:2:aaaa::2"));
		assertPasses(limits, post("/listings", "2001:db8:1:2:ffff:ffff:ffff:ffff"));
		refused(limits, post("/listings", "2001:db8:1:2::4"));
		assertPasses(limits, post("/listings", "2001:db8:1:3::1"));
	}

	@Test
	void neverLimitsExemptAddresses() {
		RateLimits limits = limits(properties(List.of("192.0.2.0/24", "::1")));
		for (int i = 0; i < 10; i++) {
			assertPasses(limits, post("/listings", "192.0.2.40"));
			assertPasses(limits, post("/listings", "::1"));
		}
		for (int i = 0; i < 3; i++) {
			assertPasses(limits, post("/listings", "192.0.3.40"));
		}
		refused(limits, post("/listings", "192.0.3.40"));
	}

	@Test
	void limitsNothingWhenDisabled() {
		RateLimits limits = limits(
				new RateLimitsProperties(false, List.of(), 100, Map.of("listings", THREE_LISTINGS_AN_HOUR)));
		for (int i = 0; i < 10; i++) {
			assertPasses(limits, post("/listings", "203.0.113.5"));
		}
	}

	@Test
	void remembersABoundedNumberOfClients() {
		RateLimits limits = limits(
				new RateLimitsProperties(true, List.of(), 100, Map.of("listings", THREE_LISTINGS_AN_HOUR)));
		for (int i = 0; i < 1000; i++) {
			assertPasses(limits, post("/listings", "198.51." + (i / 250) + "." + (i % 250)));
		}
		assertThat(limits.clientsTracked("listings")).isBetween(1L, 100L);
		// After a quiet period every bucket would be full again, so none needs
		// remembering.
		this.time.advance(Duration.ofMinutes(61));
		assertThat(limits.clientsTracked("listings")).isZero();
	}

	@Test
	void bindsTheDefaultRulesOfApplicationProperties() throws Exception {
		List<PropertySource<?>> sources = new PropertiesPropertySourceLoader().load("application.properties",
				new ClassPathResource("application.properties"));
		RateLimitsProperties defaults = new Binder(ConfigurationPropertySources.from(sources))
			.bindOrCreate("pinnwand.rate-limits", RateLimitsProperties.class);
		assertThat(defaults.enabled()).isTrue();
		assertThat(defaults.exemptAddresses()).isEmpty();
		assertThat(defaults.rules()).containsOnlyKeys("signin", "listings", "signups", "reports", "conversations",
				"messages", "feedback");
		assertThat(defaults.rules().get("feedback"))
			.isEqualTo(new Rule(HttpMethod.POST, List.of("/accessibility/feedback"), 5, Duration.ofHours(1)));
		assertThat(defaults.rules().get("conversations")).isEqualTo(
				new Rule(HttpMethod.POST, List.of("/conversations", "/api/v1/conversations"), 10, Duration.ofHours(1)));
		assertThat(defaults.rules().get("messages")).isEqualTo(new Rule(HttpMethod.POST,
				List.of("/conversations/*/messages", "/api/v1/conversations/*/messages"), 10, Duration.ofMinutes(1)));
		assertThat(defaults.rules().get("signin"))
			.isEqualTo(new Rule(HttpMethod.GET, List.of("/oauth2/authorization/**"), 10, Duration.ofMinutes(1)));
		assertThat(defaults.rules().get("listings"))
			.isEqualTo(new Rule(HttpMethod.POST, List.of("/listings", "/api/v1/listings"), 10, Duration.ofHours(1)));
		assertThat(defaults.rules().get("signups")).isEqualTo(new Rule(HttpMethod.POST,
				List.of("/activities/*/signups", "/api/v1/activities/*/signups"), 20, Duration.ofHours(1)));
		assertThat(defaults.rules().get("reports")).isEqualTo(new Rule(HttpMethod.POST,
				List.of("/listings/*/reports", "/api/v1/listings/*/reports", "/organisations/*/reports",
						"/api/v1/organisations/*/reports", "/activities/*/reports", "/api/v1/activities/*/reports",
						"/conversations/*/reports", "/api/v1/conversations/*/reports"),
				10, Duration.ofHours(1)));
		// The sign-in rule sees sign-in starts, whatever the provider's registration is
		// called.
		RateLimits limits = limits(defaults);
		for (int i = 0; i < 10; i++) {
			assertPasses(limits, exchange(MockServerHttpRequest.get("/oauth2/authorization/pinnwand"), "203.0.113.5"));
		}
		assertThat(refused(limits, exchange(MockServerHttpRequest.get("/oauth2/authorization/other"), "203.0.113.5"))
			.retryAfterSeconds()).isEqualTo(6);
	}

	@Test
	void refusesARuleThatCannotWork() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Rule(HttpMethod.POST, List.of(), 10, Duration.ofHours(1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Rule(HttpMethod.POST, List.of("/listings"), 0, Duration.ofHours(1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Rule(HttpMethod.POST, List.of("/listings"), 10, Duration.ZERO));
	}

	private RateLimits limits(RateLimitsProperties properties) {
		return new RateLimits(properties, this.time);
	}

	private static RateLimitsProperties properties(List<String> exempt) {
		return new RateLimitsProperties(true, exempt, 1000,
				Map.of("listings", THREE_LISTINGS_AN_HOUR, "signups", TWO_SIGNUPS_A_MINUTE));
	}

	private static MockServerWebExchange post(String path, String address) {
		return exchange(MockServerHttpRequest.post(path), address);
	}

	private static MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request, String address) {
		return MockServerWebExchange.from(request.remoteAddress(new InetSocketAddress(address, 40000)));
	}

	private static MockServerWebExchange forwarded(String path, String address, String forwardedFor) {
		return exchange(MockServerHttpRequest.post(path).header("X-Forwarded-For", forwardedFor), address);
	}

	private void assertPasses(RateLimits limits, ServerWebExchange exchange, String... person) {
		int before = this.passed.get();
		StepVerifier.create(run(limits, exchange, person)).verifyComplete();
		assertThat(this.passed).hasValue(before + 1);
	}

	private RateLimitExceeded refused(RateLimits limits, ServerWebExchange exchange, String... person) {
		int before = this.passed.get();
		RateLimitExceeded[] refused = new RateLimitExceeded[1];
		StepVerifier.create(run(limits, exchange, person))
			.expectErrorSatisfies((error) -> refused[0] = (RateLimitExceeded) error)
			.verify();
		assertThat(this.passed).hasValue(before);
		return refused[0];
	}

	private Mono<Void> run(RateLimits limits, ServerWebExchange exchange, String... person) {
		Mono<Void> filtered = limits.filter(exchange, (passing) -> Mono.fromRunnable(this.passed::incrementAndGet));
		if (person.length == 0) {
			return filtered;
		}
		return filtered.contextWrite(ReactiveSecurityContextHolder
			.withAuthentication(new TestingAuthenticationToken(person[0], null, "ROLE_USER")));
	}

	/**
	 * A clock that moves only when told, for the buckets and for the cache's expiry
	 * alike.
	 */
	private static final class ManualTime implements TimeMeter {

		private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

		void advance(Duration duration) {
			this.nanos.addAndGet(duration.toNanos());
		}

		@Override
		public long currentTimeNanos() {
			return this.nanos.get();
		}

		@Override
		public boolean isWallClockBased() {
			return false;
		}

	}

}
