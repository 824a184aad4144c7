package de.pinnwand.listings;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Posting and changing listings. Each write stores the listing and its outbox row in one transaction;
 * indexing follows asynchronously, so Elasticsearch can never fail or slow a write.
 */
@Service
public class ListingService {

	private final Listings listings;

	private final SearchOutbox outbox;

	private final ListingRules rules;

	private final ListingsProperties properties;

	private final TransactionalOperator transaction;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ListingService(Listings listings, SearchOutbox outbox, ListingRules rules, ListingsProperties properties,
			TransactionalOperator transaction, ApplicationEventPublisher events, Clock clock) {
		this.listings = listings;
		this.outbox = outbox;
		this.rules = rules;
		this.properties = properties;
		this.transaction = transaction;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Checks and publishes a draft. A draft whose submission key was already used returns the listing stored
	 * the first time instead of a second one.
	 */
	public Mono<Listing> publish(ListingDraft draft) {
		ListingRules.Checked checked;
		try {
			checked = this.rules.check(draft);
		}
		catch (InvalidListing ex) {
			return Mono.error(ex);
		}
		Mono<Listing> earlier = (draft.submissionKey() != null)
				? this.listings.findBySubmissionKey(draft.submissionKey()) : Mono.empty();
		return earlier.switchIfEmpty(Mono.defer(() -> store(checked, draft.submissionKey())))
			.onErrorResume(DataIntegrityViolationException.class,
					(raced) -> (draft.submissionKey() != null)
							? this.listings.findBySubmissionKey(draft.submissionKey()) : Mono.error(raced));
	}

	private Mono<Listing> store(ListingRules.Checked checked, UUID submissionKey) {
		Instant now = this.clock.instant();
		Listing listing = new Listing(UUID.randomUUID(), checked.kind(), ListingStatus.PUBLISHED, checked.title(),
				checked.description(), checked.topics(), checked.languages(), checked.textLanguage(),
				checked.place().postcode(), checked.place().name(), checked.place().district(), checked.place().lat(),
				checked.place().lon(), checked.reachKm(), submissionKey, now, now,
				now.plus(this.properties.lifetimeOf(checked.kind())), null);
		return write(listing);
	}

	/** Replaces a listing's content; a concurrent change in between makes this fail, never overwrite. */
	public Mono<Listing> update(UUID id, long expectedVersion, ListingDraft draft) {
		ListingRules.Checked checked;
		try {
			checked = this.rules.check(draft);
		}
		catch (InvalidListing ex) {
			return Mono.error(ex);
		}
		return this.listings.findById(id)
			.switchIfEmpty(Mono.error(() -> new ListingNotFound(id)))
			.map((current) -> new Listing(current.id(), checked.kind(), current.status(), checked.title(),
					checked.description(), checked.topics(), checked.languages(), checked.textLanguage(),
					checked.place().postcode(), checked.place().name(), checked.place().district(),
					checked.place().lat(), checked.place().lon(), checked.reachKm(), current.submissionKey(),
					current.createdAt(), this.clock.instant(), current.expiresAt(), expectedVersion))
			.flatMap(this::write);
	}

	/** Changes only the status, e.g. withdrawn or fulfilled; the listing leaves search. */
	public Mono<Listing> changeStatus(UUID id, ListingStatus status) {
		return this.listings.findById(id)
			.switchIfEmpty(Mono.error(() -> new ListingNotFound(id)))
			.map((current) -> new Listing(current.id(), current.kind(), status, current.title(),
					current.description(), current.topics(), current.languages(), current.textLanguage(),
					current.postcode(), current.placeName(), current.district(), current.latitude(),
					current.longitude(), current.reachKm(), current.submissionKey(), current.createdAt(),
					this.clock.instant(), current.expiresAt(), current.version()))
			.flatMap(this::write);
	}

	private Mono<Listing> write(Listing listing) {
		return this.listings.save(listing)
			.flatMap((saved) -> this.outbox.enqueue(saved.id()).thenReturn(saved))
			.as(this.transaction::transactional)
			.doOnSuccess((saved) -> this.events.publishEvent(new ListingChanged(saved.id())));
	}

	/** A listing that the public may see; anything else answers exactly like a missing one. */
	public Mono<Listing> findPublic(UUID id) {
		Instant now = this.clock.instant();
		return this.listings.findById(id)
			.filter((listing) -> listing.isPublic(now))
			.switchIfEmpty(Mono.error(() -> new ListingNotFound(id)));
	}

}
