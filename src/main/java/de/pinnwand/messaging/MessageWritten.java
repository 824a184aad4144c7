package de.pinnwand.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Someone wrote in a conversation; published after the message was stored.
 *
 * @param conversationId the conversation, whose page is {@code /conversations/{id}}
 * @param listingId the listing the conversation is about
 * @param listingTitle the listing's title, for the notice
 * @param recipientAccountIds the accounts of the other side (the owner, or every member
 * of the organisation)
 * @param at when it was written
 */
public record MessageWritten(UUID conversationId, UUID listingId, String listingTitle, List<UUID> recipientAccountIds,
		Instant at) {

}
