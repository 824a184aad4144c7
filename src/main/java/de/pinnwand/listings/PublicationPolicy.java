package de.pinnwand.listings;

import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Whether a new listing goes up at once or waits for review; the moderation feature
 * answers. Without it, every listing is published directly.
 */
public interface PublicationPolicy {

	/** No review: everything is published at once. */
	PublicationPolicy PUBLISH_DIRECTLY = (posterAccountId, organisationId) -> Mono.just(ListingStatus.PUBLISHED);

	/**
	 * The status a new listing starts in: {@link ListingStatus#PUBLISHED} or
	 * {@link ListingStatus#PENDING_REVIEW}.
	 * @param organisationId the organisation it is posted for (the poster may post for
	 * it); null for none
	 */
	Mono<ListingStatus> statusOfNew(UUID posterAccountId, UUID organisationId);

}
