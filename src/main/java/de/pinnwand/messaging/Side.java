package de.pinnwand.messaging;

/** The two sides of a conversation: the listing's, and the one who answered it. */
public enum Side {

	/** The listing's poster, or every member of the organisation it was posted for. */
	OWNER,

	/**
	 * Who answered: one member, or every member of the organisation they answered for.
	 */
	ANSWERER;

	public Side other() {
		return (this == OWNER) ? ANSWERER : OWNER;
	}

}
