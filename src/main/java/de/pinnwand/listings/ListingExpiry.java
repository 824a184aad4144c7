package de.pinnwand.listings;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Marks listings whose time is up as expired, once a minute. Search already hides them the moment they
 * expire (it filters on the expiry time); this keeps the status and the index in step.
 */
@Component
class ListingExpiry implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ListingExpiry.class);

	private final ListingService listings;

	private volatile Disposable loop;

	ListingExpiry(ListingService listings) {
		this.listings = listings;
	}

	@Override
	public void start() {
		this.loop = Flux.interval(Duration.ofSeconds(5), Duration.ofMinutes(1))
			.concatMap((tick) -> this.listings.expireDue().onErrorResume((ex) -> {
				logger.warn("Expiring listings failed, will retry: " + ex.getMessage());
				return reactor.core.publisher.Mono.just(0L);
			}))
			.filter((count) -> count > 0)
			.subscribe((count) -> logger.info(count + " listing(s) expired"));
	}

	@Override
	public void stop() {
		Disposable running = this.loop;
		if (running != null) {
			running.dispose();
		}
		this.loop = null;
	}

	@Override
	public boolean isRunning() {
		return this.loop != null && !this.loop.isDisposed();
	}

}
