package de.pinnwand.matching;

import java.util.UUID;

/**
 * A new match notice was stored: {@code matchedListingId} was just published and fits {@code listingId}, whose
 * owner should hear of it.
 *
 * @param listingId the listing whose owner gets the notice
 * @param matchedListingId the newly published listing
 * @param matchedTitle its title
 */
public record MatchNoticeRecorded(UUID listingId, UUID matchedListingId, String matchedTitle) {

}
