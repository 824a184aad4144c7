package de.pinnwand.listings;

import java.util.UUID;

/** A new listing went public; published after its transaction committed. */
public record ListingPublished(UUID listingId) {

}
