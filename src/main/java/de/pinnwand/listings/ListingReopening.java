package de.pinnwand.listings;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Undo for the two taps that end a listing: a poster who marked it fulfilled or withdrew
 * it by mistake opens it again, within {@code pinnwand.listings.reopen-within} of ending
 * it and while its time is not up. Later, or for an expired listing, "renew" is the way
 * back.
 */
@Service
public class ListingReopening {

	private final ListingService listings;

	private final ListingsProperties properties;

	private final Clock clock;

	ListingReopening(ListingService listings, ListingsProperties properties, Clock clock) {
		this.listings = listings;
		this.properties = properties;
		this.clock = clock;
	}

	/** Whether the poster may still open this ended listing again. */
	public boolean canReopen(Listing listing) {
		Instant now = this.clock.instant();
		return (listing.status() == ListingStatus.FULFILLED || listing.status() == ListingStatus.WITHDRAWN)
				&& listing.updatedAt().plus(this.properties.reopenWithin()).isAfter(now)
				&& listing.expiresAt().isAfter(now);
	}

	/**
	 * Publishes the listing again as it was; anything that may not be reopened answers
	 * like a missing listing.
	 */
	public Mono<Listing> reopen(UUID id, UUID accountId) {
		return this.listings.findOwned(id, accountId)
			.filter(this::canReopen)
			.switchIfEmpty(Mono.error(() -> new ListingNotFound(id)))
			.map((listing) -> listing.withStatus(ListingStatus.PUBLISHED, this.clock.instant()))
			.flatMap(this.listings::write);
	}

}
