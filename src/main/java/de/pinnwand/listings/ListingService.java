package de.pinnwand.listings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.PortalZone;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Posting and changing listings. Each write stores the listing and its outbox row in one
 * transaction; indexing follows asynchronously, so Elasticsearch can never fail or slow a
 * write. A listing is managed by the member who posted it and, for one posted on behalf
 * of an organisation, by that organisation's members.
 */
@Service
public class ListingService {

	/** Dates in forms are the county's dates. */
	static final ZoneId ZONE = PortalZone.ZONE;

	private final Listings listings;

	private final SearchOutbox outbox;

	private final ListingRules rules;

	private final ListingsProperties properties;

	private final TransactionalOperator transaction;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final OrganisationStewards stewards;

	private final PublicationPolicy publication;

	ListingService(Listings listings, SearchOutbox outbox, ListingRules rules, ListingsProperties properties,
			TransactionalOperator transaction, ApplicationEventPublisher events, Clock clock,
			org.springframework.beans.factory.ObjectProvider<OrganisationStewards> stewards,
			org.springframework.beans.factory.ObjectProvider<PublicationPolicy> publication) {
		this.stewards = stewards.getIfAvailable(() -> OrganisationStewards.NONE);
		this.publication = publication.getIfAvailable(() -> PublicationPolicy.PUBLISH_DIRECTLY);
		this.listings = listings;
		this.outbox = outbox;
		this.rules = rules;
		this.properties = properties;
		this.transaction = transaction;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Checks and publishes a member's draft, on behalf of an organisation when
	 * {@code organisationId} is given (the member must be allowed to post for it). A
	 * draft whose submission key was already used returns the listing stored the first
	 * time instead of a second one.
	 */
	public Mono<Listing> publish(ListingDraft draft, UUID posterAccountId, UUID organisationId) {
		if (organisationId == null) {
			return publishChecked(draft, posterAccountId, null);
		}
		return this.stewards.canPostFor(posterAccountId, organisationId)
			.flatMap((allowed) -> allowed ? publishChecked(draft, posterAccountId, organisationId)
					: Mono.error(new InvalidListing(
							java.util.List.of(new FieldProblem("organisation", "organisation.not-member")))));
	}

	private Mono<Listing> publishChecked(ListingDraft draft, UUID posterAccountId, UUID organisationId) {
		ListingRules.Checked checked;
		try {
			checked = this.rules.check(draft, today());
		}
		catch (InvalidListing ex) {
			return Mono.error(ex);
		}
		UUID key = (draft.submissionKey() != null) ? draft.submissionKey() : UUID.randomUUID();
		String keyHash = SubmissionKeys.hash(posterAccountId, key);
		return this.listings.findBySubmissionKeyHash(keyHash)
			.switchIfEmpty(Mono.defer(() -> this.publication.statusOfNew(posterAccountId, organisationId)
				.flatMap((status) -> store(checked, keyHash, status, posterAccountId, organisationId))))
			.onErrorResume(DataIntegrityViolationException.class,
					(raced) -> this.listings.findBySubmissionKeyHash(keyHash));
	}

	private Mono<Listing> store(ListingRules.Checked checked, String keyHash, ListingStatus status,
			UUID posterAccountId, UUID organisationId) {
		Instant now = this.clock.instant();
		Listing listing = new Listing(UUID.randomUUID(), checked.kind(), status, checked.title(), checked.description(),
				checked.topics(), checked.languages(), checked.textLanguage(), checked.place().postcode(),
				checked.place().name(), checked.place().district(), checked.place().lat(), checked.place().lon(),
				checked.reachKm(), keyHash, stored(checked.timeFrame()), checked.capacity(), checked.languageNeed(),
				posterAccountId, organisationId, now, now, now.plus(this.properties.lifetimeOf(checked.kind())), null);
		return write(listing).doOnSuccess((saved) -> {
			if (saved.status() == ListingStatus.PUBLISHED) {
				this.events.publishEvent(new ListingPublished(saved.id()));
			}
		});
	}

	/** The listings waiting for review, the longest-waiting first. */
	public Flux<Listing> findInReview() {
		return this.listings.findByStatusOrderByUpdatedAt(ListingStatus.PENDING_REVIEW);
	}

	/**
	 * Listings waiting for review, longest-waiting first, filtered in the database: in a
	 * district (any case), on a topic or one of its subtopics, in a language (spoken or
	 * written in), and in one of {@code areas} (municipalities or districts, any case);
	 * null or blank values and no areas do not filter.
	 */
	public Flux<Listing> findInReview(String district, String topic, String language, java.util.List<String> areas) {
		String topicValue = (topic != null) ? topic.strip() : "";
		String prefix = topicValue.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%";
		return this.listings.findInReview((district != null) ? district.strip() : "", topicValue, prefix,
				(language != null) ? language.strip() : "",
				(areas != null)
						? areas.stream().map((area) -> area.toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new)
						: new String[0]);
	}

	/**
	 * Takes a review decision: the listing must still wait for review in exactly
	 * {@code expectedVersion}, or {@link ListingAlreadyDecided} is answered and nothing
	 * changes. Approving publishes it (and search finds it).
	 */
	public Mono<Listing> decide(UUID id, long expectedVersion, ListingStatus decided) {
		Instant now = this.clock.instant();
		return this.listings.findById(id)
			.switchIfEmpty(Mono.error(() -> new ListingNotFound(id)))
			.filter((listing) -> listing.status() == ListingStatus.PENDING_REVIEW
					&& listing.version() == expectedVersion)
			.switchIfEmpty(Mono.error(() -> new ListingAlreadyDecided(id)))
			.map((listing) -> listing.withStatus(decided, now))
			.flatMap(this::write)
			.onErrorMap(org.springframework.dao.OptimisticLockingFailureException.class,
					(raced) -> (raced instanceof ListingAlreadyDecided) ? raced : new ListingAlreadyDecided(id))
			.doOnSuccess((saved) -> {
				if (saved.status() == ListingStatus.PUBLISHED) {
					this.events.publishEvent(new ListingPublished(saved.id()));
				}
			});
	}

	/**
	 * Takes a published listing off the board until a coordinator looks at it (after
	 * reports); one in any other status stays as it is. Returns the listing as it is
	 * afterwards.
	 */
	public Mono<Listing> holdForReview(UUID id) {
		return this.listings.findById(id)
			.switchIfEmpty(Mono.error(() -> new ListingNotFound(id)))
			.flatMap((listing) -> (listing.status() == ListingStatus.PUBLISHED)
					? write(listing.withStatus(ListingStatus.PENDING_REVIEW, this.clock.instant()))
					: Mono.just(listing));
	}

	/**
	 * Replaces a listing's content. A change made in between (another version) fails with
	 * an optimistic locking error and is never overwritten. A draft (sent back by a
	 * coordinator for changes) goes back to review with the change.
	 */
	public Mono<Listing> update(UUID id, UUID accountId, long expectedVersion, ListingDraft draft) {
		ListingRules.Checked checked;
		try {
			checked = this.rules.check(draft, today());
		}
		catch (InvalidListing ex) {
			return Mono.error(ex);
		}
		return findOwned(id, accountId).map((current) -> new Listing(current.id(), checked.kind(),
				(current.status() == ListingStatus.DRAFT) ? ListingStatus.PENDING_REVIEW : current.status(),
				checked.title(), checked.description(), checked.topics(), checked.languages(), checked.textLanguage(),
				checked.place().postcode(), checked.place().name(), checked.place().district(), checked.place().lat(),
				checked.place().lon(), checked.reachKm(), current.submissionKeyHash(), stored(checked.timeFrame()),
				checked.capacity(), checked.languageNeed(), current.ownerAccountId(), current.organisationId(),
				current.createdAt(), this.clock.instant(), current.expiresAt(), expectedVersion))
			.flatMap(this::write);
	}

	/**
	 * Keeps the listing up for another lifetime from now; an expired one is published
	 * again.
	 */
	public Mono<Listing> renew(UUID id, UUID accountId) {
		Instant now = this.clock.instant();
		return findOwned(id, accountId)
			.filter((listing) -> listing.status() == ListingStatus.PUBLISHED
					|| listing.status() == ListingStatus.EXPIRED)
			.switchIfEmpty(Mono.error(() -> new ListingNotFound(id)))
			.map((listing) -> listing.renewedUntil(now.plus(this.properties.lifetimeOf(listing.kind())), now))
			.flatMap(this::write);
	}

	/** The help was found or given; the listing leaves search and counts as fulfilled. */
	public Mono<Listing> fulfil(UUID id, UUID accountId) {
		return changeStatus(id, accountId, ListingStatus.FULFILLED);
	}

	/** The poster takes the listing down. */
	public Mono<Listing> withdraw(UUID id, UUID accountId) {
		return changeStatus(id, accountId, ListingStatus.WITHDRAWN);
	}

	private Mono<Listing> changeStatus(UUID id, UUID accountId, ListingStatus status) {
		return findOwned(id, accountId).map((listing) -> listing.withStatus(status, this.clock.instant()))
			.flatMap(this::write);
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

	/**
	 * Removes a leaving member's own listings (those posted for an organisation stay with
	 * it, without their name, see V9). The outbox rows written with the deletion make the
	 * relay remove them from the index. Runs in the caller's transaction, so the caller
	 * announces the ids ({@link ListingChanged}) once it committed.
	 */
	public Mono<java.util.List<UUID>> removeAllOf(UUID accountId) {
		return deleteWithOutbox(this.listings.findPersonalIdsOf(accountId));
	}

	/**
	 * Removes expired and withdrawn listings that ended more than {@code after} ago, from
	 * the database and, through the outbox, from the index; returns how many.
	 */
	public Mono<Integer> purgeEnded(java.time.Duration after) {
		Instant cutoff = this.clock.instant().minus(after);
		return deleteWithOutbox(this.listings.findEndedIdsBefore(cutoff)).as(this.transaction::transactional)
			.doOnSuccess((ids) -> ids.forEach((id) -> this.events.publishEvent(new ListingChanged(id))))
			.map(java.util.List::size);
	}

	private Mono<java.util.List<UUID>> deleteWithOutbox(Flux<UUID> ids) {
		return ids.collectList()
			.flatMap((found) -> Flux.fromIterable(found)
				.concatMap((id) -> this.outbox.enqueue(id).then(this.listings.deleteById(id)))
				.then(Mono.just(found)));
	}

	/**
	 * Stores a change with its outbox row in one transaction, then announces it
	 * ({@link ListingReopening} too).
	 */
	Mono<Listing> write(Listing listing) {
		return this.listings.save(listing)
			.flatMap((saved) -> this.outbox.enqueue(saved.id()).thenReturn(saved))
			.as(this.transaction::transactional)
			.doOnSuccess((saved) -> this.events.publishEvent(new ListingChanged(saved.id())));
	}

	/**
	 * A listing by id in any status, for the system's own work (matching, notices); never
	 * for display.
	 */
	public Mono<Listing> find(UUID id) {
		return this.listings.findById(id);
	}

	/**
	 * A listing that the public may see; anything else answers exactly like a missing
	 * one.
	 */
	public Mono<Listing> findPublic(UUID id) {
		Instant now = this.clock.instant();
		return this.listings.findById(id)
			.filter((listing) -> listing.isPublic(now))
			.switchIfEmpty(Mono.error(() -> new ListingNotFound(id)));
	}

	/**
	 * A listing the member may manage, in any status: their own, or one of an
	 * organisation they belong to. Anyone else's answers exactly like a missing listing.
	 */
	public Mono<Listing> findOwned(UUID id, UUID accountId) {
		if (accountId == null) {
			return Mono.error(() -> new ListingNotFound(id));
		}
		return this.listings.findById(id)
			.filterWhen((listing) -> mayManage(listing, accountId))
			.switchIfEmpty(Mono.error(() -> new ListingNotFound(id)));
	}

	/** Whether the member may change this listing. */
	public Mono<Boolean> mayManage(Listing listing, UUID accountId) {
		if (accountId == null) {
			return Mono.just(false);
		}
		if (accountId.equals(listing.ownerAccountId())) {
			return Mono.just(true);
		}
		return (listing.organisationId() != null) ? this.stewards.canManage(accountId, listing.organisationId())
				: Mono.just(false);
	}

	/**
	 * The listings a member may manage, newest first: their own and those of the
	 * organisations they belong to.
	 */
	public Flux<Listing> findManagedBy(UUID accountId) {
		return this.stewards.organisationsOf(accountId)
			.map(OrganisationStewards.OrganisationName::id)
			.collectList()
			.flatMapMany((organisations) -> organisations.isEmpty()
					? this.listings.findByOwnerAccountIdOrderByCreatedAtDesc(accountId)
					: this.listings.findByOwnerOrOrganisations(accountId, organisations));
	}

	/** An organisation's public listings, newest first. */
	public Flux<Listing> findPublicByOrganisation(UUID organisationId) {
		return this.listings.findPublishedByOrganisation(organisationId, this.clock.instant());
	}

	/**
	 * The organisations the member may post for, by name, for the form's 'post as'
	 * choice.
	 */
	public Flux<OrganisationStewards.OrganisationName> postingOrganisationsOf(UUID accountId) {
		return (accountId != null) ? this.stewards.organisationsOf(accountId) : Flux.empty();
	}

	/**
	 * The names of the organisations the listings were posted for, by organisation id.
	 */
	public Mono<java.util.Map<UUID, String>> organisationNames(java.util.Collection<Listing> listings) {
		java.util.Set<UUID> ids = new java.util.HashSet<>();
		listings.forEach((listing) -> {
			if (listing.organisationId() != null) {
				ids.add(listing.organisationId());
			}
		});
		return ids.isEmpty() ? Mono.just(java.util.Map.of()) : this.stewards.names(ids);
	}

	/** The listings a member posted, newest first. */
	public Flux<Listing> findOwnedBy(UUID accountId) {
		return this.listings.findByOwnerAccountIdOrderByCreatedAtDesc(accountId);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZONE);
	}

	private static String stored(TimeFrame timeFrame) {
		return (timeFrame != null) ? timeFrame.stored() : null;
	}

}
