package de.pinnwand.moderation;

import de.pinnwand.system.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the reasons' texts again every {@code pinnwand.moderation.reason-texts-refresh},
 * so that a coordinator's edit on one instance shows on every instance within a second.
 * The table holds a few dozen short rows, so reading it whole costs no more than asking
 * whether it changed. A failed read (the database away) keeps the texts it had.
 */
@Component
class ReasonTextsRefresh extends BackgroundLoop {

	private static final Logger log = LoggerFactory.getLogger(ReasonTextsRefresh.class);

	private final ReasonTexts texts;

	private final ModerationProperties properties;

	ReasonTextsRefresh(ReasonTexts texts, ModerationProperties properties) {
		this.texts = texts;
		this.properties = properties;
	}

	@Override
	protected Flux<?> loop() {
		return Flux.interval(this.properties.reasonTextsRefresh())
			.onBackpressureDrop()
			.concatMap((tick) -> this.texts.reload().onErrorResume((ex) -> {
				log.debug("Reason texts not refreshed: {}", ex.toString());
				return Mono.empty();
			}), 1);
	}

}
