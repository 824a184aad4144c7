package de.pinnwand.messaging;

import java.time.Duration;

import de.pinnwand.system.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes conversations nobody wrote in for {@code pinnwand.messaging.purge-after}: a
 * conversation is kept while it is of use, not for ever.
 */
@Component
class ConversationPurge extends BackgroundLoop {

	private static final Logger logger = LoggerFactory.getLogger(ConversationPurge.class);

	private final ConversationService conversations;

	private final MessagingProperties properties;

	ConversationPurge(ConversationService conversations, MessagingProperties properties) {
		this.conversations = conversations;
		this.properties = properties;
	}

	@Override
	protected Flux<?> loop() {
		return Flux.interval(Duration.ofSeconds(45), this.properties.sweepInterval())
			.concatMap((tick) -> this.conversations.purgeQuiet(this.properties.purgeAfter()).onErrorResume((ex) -> {
				logger.warn("Purging quiet conversations failed, will retry: " + ex.getMessage());
				return Mono.just(0L);
			}))
			.filter((count) -> count > 0)
			.doOnNext((count) -> logger.info(count + " quiet conversation(s) purged after the retention period"));
	}

}
