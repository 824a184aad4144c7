package de.pinnwand.moderation;

import java.time.Instant;
import java.util.UUID;

/**
 * A coordinator decided about a listing; published after the decision committed, so its
 * author can be told.
 *
 * @param listingId the listing
 * @param authorAccountId who posted it; null when the account is gone
 * @param decision what was decided
 * @param at when
 */
public record ListingDecided(UUID listingId, UUID authorAccountId, Decision decision, Instant at) {

}
