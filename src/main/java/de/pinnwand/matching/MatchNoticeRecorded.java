package de.pinnwand.matching;

import java.util.List;
import java.util.UUID;

/**
 * New match notices were stored for one member: {@code matchedListingId} was just
 * published and fits the listings {@code listingIds} of theirs (best fit first). One
 * event per member and new listing, so that they hear of it once, however many of their
 * listings it fits.
 *
 * @param ownerAccountId the member who owns the matching listings
 * @param listingIds their listings that the new one fits, best fit first (never empty)
 * @param listingTitle the title of the first of them
 * @param matchedListingId the newly published listing
 * @param matchedTitle its title
 */
public record MatchNoticeRecorded(UUID ownerAccountId, List<UUID> listingIds, String listingTitle,
		UUID matchedListingId, String matchedTitle) {

	public MatchNoticeRecorded {
		listingIds = List.copyOf(listingIds);
	}

}
