package de.pinnwand.security;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * How the app talks to Redis when one is configured. While Redis is away, a command fails
 * at once instead of waiting in Lettuce's queue for the connection to come back: a
 * signed-in request then answers 503 within moments (the error pages treat it like the
 * database away), and the connection reconnects by itself, so sign-in works again without
 * a restart: it tries again at least every two seconds (Lettuce's default waits up to
 * 30).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisConfigured.class)
class RedisClientConfiguration {

	@Bean
	LettuceClientOptionsBuilderCustomizer failFastWhileRedisIsAway() {
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.autoReconnect(true);
	}

	@Bean
	ClientResourcesBuilderCustomizer reconnectSoon() {
		return (resources) -> resources
			.reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS));
	}

}
