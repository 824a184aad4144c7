package de.pinnwand.listings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Posting and changing listings. Each write stores the listing and its outbox row in one transaction;
 * indexing follows asynchronously, so Elasticsearch can never fail or slow a write. Until sign-in exists, a
 * listing is managed with the poster's private key (see {@link ManageKeys}).
 */
@Service
public class ListingService {

	/** Dates in forms are the county's dates. */
	static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

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
			checked = this.rules.check(draft, today());
		}
		catch (InvalidListing ex) {
			return Mono.error(ex);
		}
		UUID key = (draft.submissionKey() != null) ? draft.submissionKey() : UUID.randomUUID();
		String keyHash = ManageKeys.hash(key);
		return this.listings.findBySubmissionKeyHash(keyHash)
			.switchIfEmpty(Mono.defer(() -> store(checked, keyHash)))
			.onErrorResume(DataIntegrityViolationException.class,
					(raced) -> this.listings.findBySubmissionKeyHash(keyHash));
	}

	private Mono<Listing> store(ListingRules.Checked checked, String keyHash) {
		Instant now = this.clock.instant();
		Listing listing = new Listing(UUID.randomUUID(), checked.kind(), ListingStatus.PUBLISHED, checked.title(),
				checked.description(), checked.topics(), checked.languages(), checked.textLanguage(),
				checked.place().postcode(), checked.place().name(), checked.place().district(), checked.place().lat(),
				checked.place().lon(), checked.reachKm(), keyHash, stored(checked.timeFrame()), checked.capacity(), now,
				now, now.plus(this.properties.lifetimeOf(checked.kind())), null);
		return write(listing).doOnSuccess((saved) -> this.events.publishEvent(new ListingPublished(saved.id())));
	}

	/**
	 * Replaces a listing's content. A change made in between (another version) fails with an optimistic
	 * locking error and is never overwritten.
	 */
	public Mono<Listing> update(UUID id, UUID key, long expectedVersion, ListingDraft draft) {
		ListingRules.Checked checked;
		try {
			checked = this.rules.check(draft, today());
		}
		catch (InvalidListing ex) {
			return Mono.error(ex);
		}
		return findOwned(id, key)
			.map((current) -> new Listing(current.id(), checked.kind(), current.status(), checked.title(),
					checked.description(), checked.topics(), checked.languages(), checked.textLanguage(),
					checked.place().postcode(), checked.place().name(), checked.place().district(),
					checked.place().lat(), checked.place().lon(), checked.reachKm(), current.submissionKeyHash(),
					stored(checked.timeFrame()), checked.capacity(), current.createdAt(), this.clock.instant(),
					current.expiresAt(), expectedVersion))
			.flatMap(this::write);
	}

	/** Keeps the listing up for another lifetime from now; an expired one is published again. */
	public Mono<Listing> renew(UUID id, UUID key) {
		Instant now = this.clock.instant();
		return findOwned(id, key)
			.filter((listing) -> listing.status() == ListingStatus.PUBLISHED || listing.status() == ListingStatus.EXPIRED)
			.switchIfEmpty(Mono.error(() -> new ListingNotFound(id)))
			.map((listing) -> listing.renewedUntil(now.plus(this.properties.lifetimeOf(listing.kind())), now))
			.flatMap(this::write);
	}

	/** The help was found or given; the listing leaves search and counts as fulfilled. */
	public Mono<Listing> fulfil(UUID id, UUID key) {
		return changeStatus(id, key, ListingStatus.FULFILLED);
	}

	/** The poster takes the listing down. */
	public Mono<Listing> withdraw(UUID id, UUID key) {
		return changeStatus(id, key, ListingStatus.WITHDRAWN);
	}

	private Mono<Listing> changeStatus(UUID id, UUID key, ListingStatus status) {
		return findOwned(id, key).map((listing) -> listing.withStatus(status, this.clock.instant())).flatMap(this::write);
	}

	/** Marks every published listing whose time is up as expired; returns how many. */
	public Mono<Long> expireDue() {
		Instant now = this.clock.instant();
		return this.listings.findExpiredPublished(now)
			.map((listing) -> listing.withStatus(ListingStatus.EXPIRED, now))
			.concatMap((listing) -> write(listing).onErrorResume(
					org.springframework.dao.OptimisticLockingFailureException.class, (changed) -> Mono.empty()))
			.count();
	}

	private Mono<Listing> write(Listing listing) {
		return this.listings.save(listing)
			.flatMap((saved) -> this.outbox.enqueue(saved.id()).thenReturn(saved))
			.as(this.transaction::transactional)
			.doOnSuccess((saved) -> this.events.publishEvent(new ListingChanged(saved.id())));
	}

	/** A listing by id in any status, for the system's own work (matching, notices); never for display. */
	public Mono<Listing> find(UUID id) {
		return this.listings.findById(id);
	}

	/** A listing that the public may see; anything else answers exactly like a missing one. */
	public Mono<Listing> findPublic(UUID id) {
		Instant now = this.clock.instant();
		return this.listings.findById(id)
			.filter((listing) -> listing.isPublic(now))
			.switchIfEmpty(Mono.error(() -> new ListingNotFound(id)));
	}

	/** A listing of the poster who holds its key, in any status; a wrong key answers like a missing listing. */
	public Mono<Listing> findOwned(UUID id, UUID key) {
		return this.listings.findById(id)
			.filter((listing) -> ManageKeys.matches(key, listing.submissionKeyHash()))
			.switchIfEmpty(Mono.error(() -> new ListingNotFound(id)));
	}

	/** The listings of the keys a browser holds, newest first. */
	public Flux<Listing> findOwned(java.util.Map<UUID, UUID> keysById) {
		return this.listings.findAllById(keysById.keySet())
			.filter((listing) -> ManageKeys.matches(keysById.get(listing.id()), listing.submissionKeyHash()))
			.sort(java.util.Comparator.comparing(Listing::createdAt).reversed());
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZONE);
	}

	private static String stored(TimeFrame timeFrame) {
		return (timeFrame != null) ? timeFrame.stored() : null;
	}

}
