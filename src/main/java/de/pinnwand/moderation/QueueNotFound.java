package de.pinnwand.moderation;

import de.pinnwand.web.NotFound;

/**
 * The moderation queue, for anyone who is not a coordinator: it does not exist for them.
 */
public class QueueNotFound extends NotFound {

	public QueueNotFound() {
		super("No moderation queue for this member");
	}

}
