package de.pinnwand.listings;

import java.util.UUID;

import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** All listings, in PostgreSQL. */
public interface Listings extends ReactiveCrudRepository<Listing, UUID> {

	Mono<Listing> findBySubmissionKeyHash(String submissionKeyHash);

	Flux<Listing> findByOwnerAccountIdOrderByCreatedAtDesc(UUID ownerAccountId);

	Flux<Listing> findByStatusOrderByUpdatedAt(ListingStatus status);

	/**
	 * Listings waiting for review, longest-waiting first, filtered in the database: an
	 * empty filter value (or no areas) does not filter; {@code topicPrefix} is the
	 * topic's LIKE pattern for its subtopics.
	 */
	@Query("select * from listing where status = 'PENDING_REVIEW' "
			+ "and (:district = '' or lower(district) = lower(:district)) "
			+ "and (:topic = '' or exists (select 1 from unnest(topics) t where t = :topic or t like :topicPrefix escape '\\')) "
			+ "and (:language = '' or :language = any(languages) or text_language = :language) "
			+ "and (cardinality(:areas::varchar[]) = 0 or lower(place_name) = any(:areas::varchar[]) "
			+ "or lower(district) = any(:areas::varchar[])) " + "order by updated_at, id")
	Flux<Listing> findInReview(String district, String topic, String topicPrefix, String language, String[] areas);

	@Query("select * from listing where status = 'PUBLISHED' and expires_at <= :now order by expires_at limit 1000")
	Flux<Listing> findExpiredPublished(java.time.Instant now);

	/**
	 * The next listings after {@code after} in id order, for rebuilding the search index
	 * page by page: one statement over every listing outlasts the statement timeout on a
	 * large board (100,000 listings on a busy machine).
	 */
	@Query("select * from listing where id > :after order by id limit :limit")
	Flux<Listing> findPageAfter(UUID after, int limit);

	/**
	 * The newest public listings of a kind, those in one of the reader's languages first:
	 * the Arabic home page shows what an Arabic speaker can answer before anything else.
	 */
	@Query("select * from listing where status = 'PUBLISHED' and kind = :kind and expires_at > now() "
			+ "order by (languages && cast(:languages as varchar(8)[])) desc, created_at desc limit :limit")
	Flux<Listing> findNewestPublishedIn(String kind, String[] languages, int limit);

	/** An organisation's public listings, newest first. */
	@Query("select * from listing where organisation_id = :organisationId and status = 'PUBLISHED' "
			+ "and expires_at > :now order by created_at desc limit 200")
	Flux<Listing> findPublishedByOrganisation(UUID organisationId, java.time.Instant now);

	/** A member's own listings and those of the given organisations, newest first. */
	@Query("select * from listing where owner_account_id = :accountId or organisation_id in (:organisationIds) "
			+ "order by created_at desc")
	Flux<Listing> findByOwnerOrOrganisations(UUID accountId, java.util.Collection<UUID> organisationIds);

	/** A member's own listings, not those posted on behalf of an organisation. */
	@Query("select id from listing where owner_account_id = :accountId and organisation_id is null")
	Flux<UUID> findPersonalIdsOf(UUID accountId);

	/**
	 * Expired and withdrawn listings that ended before the cutoff, for the retention
	 * sweep.
	 */
	@Query("select id from listing where status in ('EXPIRED', 'WITHDRAWN') and updated_at < :cutoff "
			+ "order by updated_at limit 1000")
	Flux<UUID> findEndedIdsBefore(java.time.Instant cutoff);

}
