package de.pinnwand.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Conversations on listings. How often people may start conversations and write is
 * limited by the rate limit rules {@code conversations} and {@code messages}
 * ({@code pinnwand.rate-limits.rules.*}).
 *
 * @param maxMessageLength the most characters one message may have
 * @param maxMessagesShown how many of a conversation's latest messages its page and the
 * API show
 * @param purgeAfter how long after its last message a conversation is deleted, for both
 * sides
 * @param sweepInterval how often quiet conversations are looked for
 */
@ConfigurationProperties("pinnwand.messaging")
public record MessagingProperties(@DefaultValue("2000") int maxMessageLength, @DefaultValue("500") int maxMessagesShown,
		@DefaultValue("365d") Duration purgeAfter, @DefaultValue("1h") Duration sweepInterval) {

	public MessagingProperties {
		if (maxMessageLength < 1 || maxMessageLength > 4000) {
			throw new IllegalArgumentException("pinnwand.messaging.max-message-length must be between 1 and 4000");
		}
	}

}
