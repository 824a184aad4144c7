package de.pinnwand.security;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

import de.pinnwand.system.PortalProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Forwarded headers count only from the configured proxies, and a visitor cannot choose
 * their own address.
 */
class TrustedProxiesTests {

	private final TrustedProxies proxies = new TrustedProxies(
			new PortalProperties(null, List.of("10.0.0.2", "10.1.0.0/16")));

	@Test
	void takesSchemeHostAndClientFromATrustedProxy() {
		ServerWebExchange seen = through(
				MockServerHttpRequest.get("http://127.0.0.1:8080/oauth2/authorization/pinnwand?x=1")
					.header("X-Forwarded-Proto", "https")
					.header("X-Forwarded-Host", "pinnwand.example.org")
					.header("X-Forwarded-For", "198.51.100.9, 10.1.4.4"),
				"10.0.0.2");
		assertThat(seen.getRequest().getURI())
			.isEqualTo(URI.create("https://pinnwand.example.org/oauth2/authorization/pinnwand?x=1"));
		// 10.1.4.4 is a trusted proxy too (a second hop): the client is the entry before
		// it.
		assertThat(seen.getRequest().getRemoteAddress().getAddress().getHostAddress()).isEqualTo("198.51.100.9");
		assertThat(seen.getRequest().getHeaders().containsHeader("X-Forwarded-For")).isFalse();
	}

	@Test
	void keepsANonStandardPortTheProxyNames() {
		ServerWebExchange seen = through(MockServerHttpRequest.get("http://127.0.0.1:8080/")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "localhost:8443")
			.header("X-Forwarded-For", "127.0.0.2"), "10.0.0.2");
		assertThat(seen.getRequest().getURI()).isEqualTo(URI.create("https://localhost:8443/"));
	}

	@Test
	void neverTakesWhatTheClientWroteBeforeTheProxysEntry() {
		ServerWebExchange seen = through(
				MockServerHttpRequest.get("http://app/").header("X-Forwarded-For", "203.0.113.1, 192.0.2.50"),
				"10.0.0.2");
		assertThat(seen.getRequest().getRemoteAddress().getAddress().getHostAddress()).isEqualTo("192.0.2.50");
	}

	@Test
	void dropsEveryForwardingHeaderFromAnyoneElse() {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("http://127.0.0.1:8080/")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-For", "203.0.113.1")
			.header("Forwarded", "for=203.0.113.1;proto=https")
			.header("X-Real-IP", "203.0.113.1")
			.header("True-Client-IP", "203.0.113.1")
			.header("CF-Connecting-IP", "203.0.113.1");
		ServerWebExchange seen = through(request, "192.0.2.200");
		assertThat(seen.getRequest().getURI()).isEqualTo(URI.create("http://127.0.0.1:8080/"));
		assertThat(seen.getRequest().getRemoteAddress().getAddress().getHostAddress()).isEqualTo("192.0.2.200");
		TrustedProxies.FORWARDING_HEADERS
			.forEach((name) -> assertThat(seen.getRequest().getHeaders().containsHeader(name)).as(name).isFalse());
		// Pages for this machine only (/dev/mail) still see that someone forwarded it.
		assertThat(seen.getRequest().getHeaders().getFirst(TrustedProxies.FORWARDED_MARK)).isEqualTo("true");
	}

	@Test
	void ignoresHeadersThatAreNoAddressOrScheme() {
		ServerWebExchange seen = through(MockServerHttpRequest.get("http://127.0.0.1:8080/")
			.header("X-Forwarded-Proto", "javascript")
			.header("X-Forwarded-For", "unknown, pinnwand.example.org"), "10.0.0.2");
		assertThat(seen.getRequest().getURI()).isEqualTo(URI.create("http://127.0.0.1:8080/"));
		assertThat(seen.getRequest().getRemoteAddress().getAddress().getHostAddress()).isEqualTo("10.0.0.2");
	}

	@Test
	void refusesASettingThatIsNoNetwork() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PortalProperties(null, List.of("proxy.local")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PortalProperties(URI.create("ftp://pinnwand.example"), List.of()));
		assertThat(new PortalProperties(URI.create("https://pinnwand.example/"), List.of()).publicUrl())
			.hasToString("https://pinnwand.example");
	}

	private ServerWebExchange through(MockServerHttpRequest.BaseBuilder<?> request, String from) {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(request.remoteAddress(new InetSocketAddress(from, 40000)));
		return exchange.mutate().request(this.proxies.apply(exchange.getRequest())).build();
	}

}
