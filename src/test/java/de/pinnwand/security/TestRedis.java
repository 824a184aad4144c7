package de.pinnwand.security;

import java.time.Duration;

import de.pinnwand.testing.RedisServer;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.ClientResources;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.util.retry.Retry;

/**
 * A real Redis and the connections an instance of the app makes to it (with the app's
 * fail-fast options).
 */
final class TestRedis implements AutoCloseable {

	final RedisServer server;

	final LettuceConnectionFactory connections;

	private TestRedis(RedisServer server) {
		this.server = server;
		this.connections = connectionsTo(server.port());
	}

	/** Starts Redis; skips the calling test when it cannot be had. */
	static TestRedis start() {
		return new TestRedis(RedisServer.start());
	}

	/**
	 * Redis up and empty; after a test that stopped it, the connection comes back within
	 * the reconnect delay.
	 */
	void empty() {
		this.server.resume();
		new ReactiveStringRedisTemplate(this.connections)
			.execute((connection) -> connection.serverCommands().flushAll())
			.retryWhen(Retry.fixedDelay(50, Duration.ofMillis(100)))
			.blockLast();
	}

	@Override
	public void close() {
		this.connections.destroy();
		this.server.close();
	}

	/** As Boot builds it from spring.data.redis.*, with the app's fail-fast options. */
	private static LettuceConnectionFactory connectionsTo(int port) {
		ClientOptions.Builder options = ClientOptions.builder();
		RedisClientConfiguration configuration = new RedisClientConfiguration();
		configuration.failFastWhileRedisIsAway().customize(options);
		ClientResources.Builder resources = ClientResources.builder();
		configuration.reconnectSoon().customize(resources);
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", port),
				LettuceClientConfiguration.builder()
					.clientOptions(options.build())
					.clientResources(resources.build())
					.commandTimeout(Duration.ofSeconds(2))
					.build());
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

}
