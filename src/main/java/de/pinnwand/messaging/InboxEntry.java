package de.pinnwand.messaging;

import java.time.Instant;
import java.util.UUID;

import de.pinnwand.listings.ListingKind;

/**
 * One conversation in a member's inbox.
 *
 * @param conversationId the conversation
 * @param listingId its listing
 * @param listingTitle the listing's title
 * @param listingKind offer or request
 * @param mySide the reader's side
 * @param otherName the other side's pseudonym or organisation; null once their account is
 * deleted
 * @param status open or closed
 * @param lastMessageAt when the latest message came
 * @param unread how many messages of the other side the reader has not seen
 */
public record InboxEntry(UUID conversationId, UUID listingId, String listingTitle, ListingKind listingKind, Side mySide,
		String otherName, ConversationStatus status, Instant lastMessageAt, long unread) {

}
