package de.pinnwand;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * A full application test against the real embedded PostgreSQL and Elasticsearch on a
 * real port. Every class with this annotation shares one application context, and all of
 * them share the JVM's embedded services; each test starts once the search index is
 * ready.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// Tests post far more listings from this machine than a person may; RateLimitsTests plays
// other clients through
// X-Forwarded-For. Every test class sets the same properties here, so all of them still
// share one context.
// Tests post as ever-new members and expect their listings up at once; review of new
// members' listings (on by
// default) is off here, and the moderation tests turn it on while they run
// (Premoderation#reviewNewMembers).
// An answer may take longer than WebTestClient's default 5 s when the machine is busy;
// that is no failure.
// TokenValidationTests waits for a token to expire: a small clock skew keeps that short.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pinnwand.rate-limits.exempt-addresses=127.0.0.0/8,::1",
				"pinnwand.trusted-proxies=127.0.0.1,::1", "pinnwand.moderation.premoderate-new-members=false",
				"spring.test.webtestclient.timeout=30s", "pinnwand.accounts.clock-skew=1s" })
@AutoConfigureWebTestClient
@ExtendWith(SearchReady.class)
public @interface PinnwandTest {

}
