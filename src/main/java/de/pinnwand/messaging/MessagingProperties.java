package de.pinnwand.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Conversations on listings. How often people may start conversations and write is limited by the rate limit
 * rules {@code conversations} and {@code messages} ({@code pinnwand.rate-limits.rules.*}).
 *
 * @param maxMessageLength the most characters one message may have
 * @param maxMessagesShown how many of a conversation's latest messages its page and the API show
 */
@ConfigurationProperties("pinnwand.messaging")
public record MessagingProperties(@DefaultValue("2000") int maxMessageLength,
		@DefaultValue("500") int maxMessagesShown) {

	public MessagingProperties {
		if (maxMessageLength < 1 || maxMessageLength > 4000) {
			throw new IllegalArgumentException("pinnwand.messaging.max-message-length must be between 1 and 4000");
		}
	}

}
