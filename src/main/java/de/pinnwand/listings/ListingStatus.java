package de.pinnwand.listings;

/**
 * Where a listing stands in its life; only {@link #PUBLISHED} listings are public and
 * searchable.
 */
public enum ListingStatus {

	DRAFT, SUBMITTED, PENDING_REVIEW, PUBLISHED, REJECTED, FULFILLED, EXPIRED, WITHDRAWN

}
