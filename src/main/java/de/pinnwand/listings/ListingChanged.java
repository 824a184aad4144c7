package de.pinnwand.listings;

import java.util.UUID;

/**
 * A listing was written and its change is in the search outbox; published after the
 * transaction committed.
 */
public record ListingChanged(UUID listingId) {

}
