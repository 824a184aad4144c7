package de.pinnwand.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the page sessions, in this JVM's memory or, with Redis configured, in Redis
 * for all instances.
 *
 * @param maxSessions the most sessions kept at once; beyond it new sign-ins are refused
 * with a 503 page
 * @param visitorIdle how long a session without a sign-in (one that only started a
 * sign-in) lives unused
 * @param memberIdle how long a signed-in member's session lives unused
 */
@ConfigurationProperties("pinnwand.sessions")
public record SessionsProperties(@DefaultValue("50000") int maxSessions, @DefaultValue("5m") Duration visitorIdle,
		@DefaultValue("8h") Duration memberIdle) {

}
