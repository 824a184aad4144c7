package de.pinnwand.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether a Redis server is configured ({@code spring.data.redis.host}, {@code .url}, a
 * sentinel or a cluster): then several instances share sessions and rate limits through
 * it. Without one (the local run, a single instance) they stay in this JVM's memory and
 * nothing tries to reach Redis.
 */
public final class RedisConfigured implements Condition {

	private static final String[] ANY_OF = { "spring.data.redis.host", "spring.data.redis.url",
			"spring.data.redis.sentinel.master", "spring.data.redis.cluster.nodes" };

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return in(context.getEnvironment());
	}

	static boolean in(Environment environment) {
		for (String property : ANY_OF) {
			String value = environment.getProperty(property);
			if (value != null && !value.isBlank()) {
				return true;
			}
		}
		return false;
	}

	/** The opposite: no Redis, so this JVM keeps the state itself. */
	public static final class Absent implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !in(context.getEnvironment());
		}

	}

}
