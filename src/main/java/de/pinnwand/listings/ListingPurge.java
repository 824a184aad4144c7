package de.pinnwand.listings;

import java.time.Duration;

import de.pinnwand.system.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes expired and withdrawn listings once the retention period
 * ({@code pinnwand.retention.purge-after}) is over; the outbox takes them out of the
 * search index as well. Fulfilled listings are kept: they are what the council figures
 * count.
 */
@Component
class ListingPurge extends BackgroundLoop {

	private static final Logger logger = LoggerFactory.getLogger(ListingPurge.class);

	private final ListingService listings;

	private final RetentionProperties retention;

	ListingPurge(ListingService listings, RetentionProperties retention) {
		this.listings = listings;
		this.retention = retention;
	}

	@Override
	protected Flux<?> loop() {
		return Flux.interval(Duration.ofSeconds(30), this.retention.sweepInterval())
			.concatMap((tick) -> this.listings.purgeEnded(this.retention.purgeAfter()).onErrorResume((ex) -> {
				logger.warn("Purging ended listings failed, will retry: " + ex.getMessage());
				return Mono.just(0);
			}))
			.filter((count) -> count > 0)
			.doOnNext((count) -> logger.info(count + " ended listing(s) purged after the retention period"));
	}

}
