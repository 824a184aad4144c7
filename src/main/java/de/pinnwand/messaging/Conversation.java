package de.pinnwand.messaging;

import java.time.Instant;
import java.util.UUID;

import de.pinnwand.listings.ListingKind;

/**
 * A conversation about a listing, as stored.
 *
 * @param id its id
 * @param listingId the listing it is about; null once the listing is gone
 * @param listingTitle the listing's title when the conversation began
 * @param listingKind offer or request
 * @param ownerAccountId who posted the listing (null once their account is deleted)
 * @param ownerOrganisationId the organisation the listing was posted for, whose members
 * all take part
 * @param answererAccountId who answered (null once their account is deleted)
 * @param answererOrganisationId the organisation they answered for, whose members all
 * take part
 * @param status open or closed
 * @param closedBy the side that closed it
 * @param blockedBy the side that blocked the other
 * @param createdAt when it began
 * @param lastMessageAt when the latest message came
 * @param fulfilledAt when the listing's side marked the listing fulfilled from it
 * @param hiddenAt when a report took it to the coordination office, which has not yet
 * decided; null otherwise
 */
public record Conversation(UUID id, UUID listingId, String listingTitle, ListingKind listingKind, UUID ownerAccountId,
		UUID ownerOrganisationId, UUID answererAccountId, UUID answererOrganisationId, ConversationStatus status,
		Side closedBy, Side blockedBy, Instant createdAt, Instant lastMessageAt, Instant fulfilledAt,
		Instant hiddenAt) {

	/**
	 * Whether it takes messages: not closed by a side, and not waiting for the
	 * coordination office.
	 */
	public boolean isOpen() {
		return this.status == ConversationStatus.OPEN && this.hiddenAt == null;
	}

	public boolean isUnderReview() {
		return this.hiddenAt != null;
	}

	/**
	 * The organisation speaking for a side, or null when a person speaks for themselves.
	 */
	public UUID organisationOf(Side side) {
		return (side == Side.OWNER) ? this.ownerOrganisationId : this.answererOrganisationId;
	}

	/** The person of a side when no organisation speaks for it. */
	public UUID accountOf(Side side) {
		return (side == Side.OWNER) ? this.ownerAccountId : this.answererAccountId;
	}

}
