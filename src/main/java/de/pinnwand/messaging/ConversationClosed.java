package de.pinnwand.messaging;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A message for a conversation that one side closed or blocked: not stored (409). */
public class ConversationClosed extends ResponseStatusException {

	public ConversationClosed() {
		super(HttpStatus.CONFLICT, "The conversation is closed");
	}

}
