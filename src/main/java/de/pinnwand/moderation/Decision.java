package de.pinnwand.moderation;

import de.pinnwand.listings.ListingStatus;

/**
 * What a coordinator decides about a listing in the queue, and the status it leads to.
 */
public enum Decision {

	/** Publish it (or put a reported one back up). */
	APPROVE(ListingStatus.PUBLISHED),

	/** Refuse it, with a reason the poster sees. */
	REJECT(ListingStatus.REJECTED),

	/** Take it down for good, as if withdrawn. */
	CLOSE(ListingStatus.WITHDRAWN),

	/** Take it down and stop its author from posting for some days. */
	BLOCK(ListingStatus.WITHDRAWN),

	/**
	 * Send it back to its author with a note what to change; as a draft it is not public,
	 * and saving it puts it back in the queue.
	 */
	ASK_FOR_CHANGES(ListingStatus.DRAFT);

	private final ListingStatus status;

	Decision(ListingStatus status) {
		this.status = status;
	}

	ListingStatus status() {
		return this.status;
	}

	/** The action's name in the audit log. */
	String action() {
		return "moderation." + name().toLowerCase(java.util.Locale.ROOT);
	}

}
