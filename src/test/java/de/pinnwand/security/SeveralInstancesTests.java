package de.pinnwand.security;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.PinnwandApplication;
import de.pinnwand.TestMembers;
import de.pinnwand.testing.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.session.WebSessionStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two whole instances of the app in one JVM, sharing the embedded PostgreSQL,
 * Elasticsearch and Keycloak and a real Redis: a person signed in on one is signed in on
 * the other; the sign-in limit counts both together; an unknown session id is a fresh
 * anonymous visit; with Redis away, browsing and searching go on and signed-in pages
 * answer 503, and sign-in works again once Redis is back, without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pinnwand.trusted-proxies=127.0.0.1,::1", "spring.test.webtestclient.timeout=30s",
				"spring.data.redis.host=127.0.0.1" })
@AutoConfigureWebTestClient
@DirtiesContext
class SeveralInstancesTests {

	private static final ParameterizedTypeReference<Map<String, Object>> PROBLEM = new ParameterizedTypeReference<>() {
	};

	private static RedisServer redis;

	private static ConfigurableApplicationContext second;

	@Autowired
	private WebTestClient first;

	@Autowired
	private WebSessionStore sessions;

	@Value("${local.server.port}")
	private int firstPort;

	@BeforeAll
	static void startRedis() {
		redis = RedisServer.start();
	}

	@DynamicPropertySource
	static void redisPort(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.port", () -> redis.port());
	}

	@AfterAll
	static void stop() {
		if (second != null) {
			second.close();
		}
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	void aPersonSignedInOnOneInstanceIsSignedInOnTheOther() {
		assertThat(this.sessions.getClass().getSimpleName()).isEqualTo("SpringSessionWebSessionStore");
		String session = TestMembers.signIn(this.first, "several-" + UUID.randomUUID());
		second().get().uri("/my/listings").cookie("SESSION", session).exchange().expectStatus().isOk();
		this.first.get().uri("/my/listings").cookie("SESSION", session).exchange().expectStatus().isOk();
	}

	@Test
	void anUnknownSessionIdIsAFreshAnonymousVisit() {
		second().get()
			.uri("/my/listings")
			.cookie("SESSION", UUID.randomUUID().toString())
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.valueMatches("Location", ".*/oauth2/authorization/.*|.*/sign-in.*");
	}

	@Test
	void theSignInLimitCountsBothInstancesTogether() {
		String client = "198.51.100.77";
		WebTestClient other = second();
		long started = System.nanoTime();
		int passed = 0;
		while (passed < 40 && signInStart((passed % 2 == 0) ? this.first : other, client) != 429) {
			passed++;
		}
		// Ten a minute, one given back every 6 s: a slow machine may earn a few back
		// while the requests go.
		long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
		assertThat(passed).isBetween(10, 10 + (int) (seconds / 6) + 1);
		assertThat(signInStart((passed % 2 == 0) ? other : this.first, client)).isEqualTo(429);
	}

	private static int signInStart(WebTestClient instance, String client) {
		return instance.get()
			.uri("/oauth2/authorization/pinnwand")
			.header("X-Forwarded-For", client)
			.exchange()
			.returnResult(Void.class)
			.getStatus()
			.value();
	}

	@Test
	void withRedisAwayBrowsingGoesOnAndSignedInPagesAnswer503UntilItIsBack() {
		String session = TestMembers.signIn(this.first, "several-away-" + UUID.randomUUID());
		redis.kill();
		try {
			this.first.get().uri("/").exchange().expectStatus().isOk();
			second().get().uri("/search?q=Fahrrad").exchange().expectStatus().isOk();
			String page = this.first.get()
				.uri("/my/listings")
				.cookie("SESSION", session)
				.header("Accept-Language", "en")
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.exists("Retry-After")
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(page).contains("Not reachable right now").doesNotContain("Exception", "redis", "Redis");
			// An API client's write is counted in Redis: a problem answer, not a 500.
			Map<String, Object> problem = second().post()
				.uri("/api/v1/listings")
				.headers(TestMembers.bearer("several-api-" + UUID.randomUUID()))
				.header("X-Forwarded-For", "198.51.100.78")
				.bodyValue(Map.of("title", "Kinderwagen"))
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.contentType("application/problem+json")
				.expectBody(PROBLEM)
				.returnResult()
				.getResponseBody();
			assertThat(problem).containsEntry("status", 503);
			assertThat(problem.toString()).doesNotContain("Exception", "Redis");
		}
		finally {
			redis.resume();
		}
		// Redis here keeps nothing on disk, so the old session is gone; signing in again
		// works on both at once.
		String again = awaitSignIn("several-back-" + UUID.randomUUID());
		second().get().uri("/my/listings").cookie("SESSION", again).exchange().expectStatus().isOk();
	}

	private String awaitSignIn(String username) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (true) {
			try {
				return TestMembers.signIn(this.first, username);
			}
			catch (AssertionError ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
			}
		}
	}

	/** The second instance: the same app and settings on a port of its own. */
	private WebTestClient second() {
		synchronized (SeveralInstancesTests.class) {
			if (second == null) {
				second = new SpringApplicationBuilder(PinnwandApplication.class)
					.properties("server.port=0", "pinnwand.trusted-proxies=127.0.0.1,::1",
							"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port())
					.run();
			}
		}
		int port = second.getEnvironment().getProperty("local.server.port", Integer.class);
		assertThat(port).isNotEqualTo(this.firstPort);
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

}
