package de.pinnwand.search;

import java.util.UUID;

/**
 * A newly published listing was found by one of a member's saved searches, and the hit
 * was stored.
 *
 * @param accountId the saved search's member
 * @param savedSearchId the saved search
 * @param listingId the listing it found
 * @param listingTitle that listing's title
 */
public record SavedSearchHitRecorded(UUID accountId, UUID savedSearchId, UUID listingId, String listingTitle) {

}
