package de.pinnwand.moderation;

import java.time.Instant;
import java.util.UUID;

/**
 * A coordinator decided about a reported or waiting item that is not a listing (an
 * activity, an organisation, a conversation); published after the decision committed, so
 * its author can be told.
 *
 * @param type the item type, e.g. {@code activity}
 * @param itemId the item
 * @param title its title, as its author wrote it
 * @param href its page
 * @param authorAccountId who made it; null when unknown or gone
 * @param decision {@link Decision#APPROVE} (shown again) or {@link Decision#CLOSE} (stays
 * hidden)
 * @param reason the configured reason code of a closing; null otherwise
 * @param at when
 */
public record ItemDecided(String type, UUID itemId, String title, String href, UUID authorAccountId, Decision decision,
		String reason, Instant at) {

}
