package de.pinnwand.messaging;

import de.pinnwand.web.NotFound;

/**
 * No conversation with that id that the one asking takes part in; someone else's answers
 * exactly the same.
 */
public class ConversationNotFound extends NotFound {

	public ConversationNotFound() {
		super("No such conversation");
	}

}
