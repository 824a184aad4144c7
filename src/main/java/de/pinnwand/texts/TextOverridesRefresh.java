package de.pinnwand.texts;

import de.pinnwand.system.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Looks every {@code pinnwand.texts.refresh-interval} whether a text was corrected on any
 * instance, and reloads the corrections when one was. A failed look (the database away)
 * keeps the texts it had and tries again.
 */
@Component
class TextOverridesRefresh extends BackgroundLoop {

	private static final Logger log = LoggerFactory.getLogger(TextOverridesRefresh.class);

	private final TextOverrides overrides;

	private final TextsProperties properties;

	TextOverridesRefresh(TextOverrides overrides, TextsProperties properties) {
		this.overrides = overrides;
		this.properties = properties;
	}

	@Override
	protected Flux<?> loop() {
		return Flux.interval(java.time.Duration.ZERO, this.properties.refreshInterval())
			.onBackpressureDrop()
			.concatMap((tick) -> this.overrides.refresh().onErrorResume((ex) -> {
				log.debug("Text corrections not refreshed: {}", ex.toString());
				return Mono.just(false);
			}), 1);
	}

}
