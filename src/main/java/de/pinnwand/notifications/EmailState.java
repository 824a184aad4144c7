package de.pinnwand.notifications;

/** Where a notice stands on its way to the member's inbox. */
public enum EmailState {

	/** In the portal only: the member wants no mails, or gave no address. */
	NONE,

	/** An immediate mail waits in the outbox. */
	QUEUED,

	/** Waits for the member's next daily digest. */
	DIGEST,

	SENT,

	/** Every attempt failed; the error is kept with the outbox row. */
	FAILED

}
