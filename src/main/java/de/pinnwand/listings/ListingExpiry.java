package de.pinnwand.listings;

import java.time.Duration;

import de.pinnwand.system.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Marks listings whose time is up as expired, once a minute. Search already hides them
 * the moment they expire (it filters on the expiry time); this keeps the status and the
 * index in step.
 */
@Component
class ListingExpiry extends BackgroundLoop {

	private static final Logger logger = LoggerFactory.getLogger(ListingExpiry.class);

	private final ListingService listings;

	ListingExpiry(ListingService listings) {
		this.listings = listings;
	}

	@Override
	protected Flux<?> loop() {
		return Flux.interval(Duration.ofSeconds(5), Duration.ofMinutes(1))
			.concatMap((tick) -> this.listings.expireDue().onErrorResume((ex) -> {
				logger.warn("Expiring listings failed, will retry: " + ex.getMessage());
				return Mono.just(0L);
			}))
			.filter((count) -> count > 0)
			.doOnNext((count) -> logger.info(count + " listing(s) expired"));
	}

}
