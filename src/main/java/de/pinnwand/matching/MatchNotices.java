package de.pinnwand.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingPublished;
import de.pinnwand.listings.ListingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * When a listing is published, its matches are computed at once and the owners of the
 * matching listings get a notice in the portal ('a new listing matches yours'): one per
 * owner, naming which of their listings it fits. This runs after the write committed and
 * never delays or fails it; while search is away, no notices are made for that listing.
 */
@Component
public class MatchNotices {

	private static final Logger logger = LoggerFactory.getLogger(MatchNotices.class);

	private final ListingService listings;

	private final Matchmaker matchmaker;

	private final DatabaseClient database;

	private final ApplicationEventPublisher events;

	MatchNotices(ListingService listings, Matchmaker matchmaker, DatabaseClient database,
			ApplicationEventPublisher events) {
		this.listings = listings;
		this.matchmaker = matchmaker;
		this.database = database;
		this.events = events;
	}

	/**
	 * A notice for the owner of {@code listingId}: {@code matched} is new and fits it.
	 */
	public record Notice(UUID listingId, UUID matchedId, String matchedTitle, String matchedLanguage,
			Instant createdAt) {
	}

	@EventListener
	void on(ListingPublished published) {
		notifyMatchesOf(published.listingId()).subscribe(
				(count) -> logger.debug(count + " match notice(s) for " + published.listingId()),
				(ex) -> logger.warn("No match notices for " + published.listingId() + ": " + ex.getMessage()));
	}

	/**
	 * Stores a notice per pair (the new listing and each listing it fits) for 'my
	 * listings', and tells each owner once, naming their best-fitting listing and
	 * counting the others. Emits how many pairs were new.
	 */
	Mono<Long> notifyMatchesOf(UUID listingId) {
		return this.listings.find(listingId)
			.flatMap((published) -> this.matchmaker.matchesFor(published)
				.flatMapMany(Flux::fromIterable)
				.concatMap((match) -> {
					UUID owners = UUID.fromString(match.listing().id());
					return this.database
						.sql("insert into match_notice (listing_id, matched_listing_id) values (:listing, :matched) "
								+ "on conflict do nothing")
						.bind("listing", owners)
						.bind("matched", listingId)
						.fetch()
						.rowsUpdated()
						.filter((stored) -> stored > 0)
						.flatMap((stored) -> this.listings.find(owners));
				})
				// A member's own new listing fitting another of theirs is no news to
				// them.
				.filter((own) -> own.ownerAccountId() != null
						&& !own.ownerAccountId().equals(published.ownerAccountId()))
				.collectList()
				.doOnNext((matched) -> byOwner(matched).forEach((owner, theirs) -> this.events
					.publishEvent(new MatchNoticeRecorded(owner, theirs.stream().map(Listing::id).toList(),
							theirs.get(0).title(), listingId, published.title()))))
				.map((matched) -> (long) matched.size()))
			.defaultIfEmpty(0L);
	}

	/** The listings by their owner, each owner's in the order given (best fit first). */
	static Map<UUID, List<Listing>> byOwner(List<Listing> listings) {
		Map<UUID, List<Listing>> owners = new LinkedHashMap<>();
		listings.forEach(
				(listing) -> owners.computeIfAbsent(listing.ownerAccountId(), (id) -> new ArrayList<>()).add(listing));
		return owners;
	}

	/**
	 * The unseen notices of these listings whose matched listing is still public, newest
	 * first.
	 */
	public Flux<Notice> unseen(Collection<UUID> listingIds) {
		if (listingIds.isEmpty()) {
			return Flux.empty();
		}
		return this.database
			.sql("select n.listing_id, n.matched_listing_id, l.title, l.text_language, n.created_at "
					+ "from match_notice n join listing l on l.id = n.matched_listing_id "
					+ "where n.listing_id = any(:ids) and n.seen_at is null and l.status = 'PUBLISHED' "
					+ "and l.expires_at > now() order by n.created_at desc limit 50")
			.bind("ids", listingIds.toArray(UUID[]::new))
			.map((row, meta) -> new Notice(row.get("listing_id", UUID.class), row.get("matched_listing_id", UUID.class),
					row.get("title", String.class), row.get("text_language", String.class),
					row.get("created_at", Instant.class)))
			.all();
	}

	/** Marks the notices of these listings as seen, once their owner was shown them. */
	public Mono<Void> markSeen(List<UUID> listingIds) {
		if (listingIds.isEmpty()) {
			return Mono.empty();
		}
		return this.database
			.sql("update match_notice set seen_at = now() where listing_id = any(:ids) and seen_at is null")
			.bind("ids", listingIds.toArray(UUID[]::new))
			.then();
	}

}
