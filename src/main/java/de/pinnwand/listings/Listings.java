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

	@Query("select * from listing where status = 'PUBLISHED' and expires_at <= :now order by expires_at limit 1000")
	Flux<Listing> findExpiredPublished(java.time.Instant now);

	/** Every listing in a stable order, for rebuilding the search index. */
	@Query("select * from listing order by id")
	Flux<Listing> findAllInIdOrder();

	@Query("select * from listing where status = 'PUBLISHED' and kind = :kind and expires_at > now() "
			+ "order by created_at desc limit :limit")
	Flux<Listing> findNewestPublished(String kind, int limit);

}
