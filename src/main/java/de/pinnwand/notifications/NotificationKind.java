package de.pinnwand.notifications;

/**
 * What a notice is about; each has a text {@code notifications.kind.<KIND>} in every
 * message bundle.
 */
public enum NotificationKind {

	/** Someone wrote in one of the member's conversations. */
	NEW_MESSAGE,

	/** A newly published listing fits one of the member's listings. */
	NEW_MATCH,

	/** A newly published listing fits one of the member's saved searches. */
	SAVED_SEARCH_HIT,

	/** A coordinator decided about the member's listing. */
	MODERATION_DECISION,

	/** An activity the member signed up for takes place tomorrow. */
	ACTIVITY_REMINDER,

	/** The member's listing expires in a few days. */
	LISTING_EXPIRING

}
