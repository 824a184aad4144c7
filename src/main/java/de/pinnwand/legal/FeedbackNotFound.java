package de.pinnwand.legal;

import de.pinnwand.web.NotFound;

/**
 * The feedback received, for anyone who is not in the coordination office: it does not
 * exist for them.
 */
public class FeedbackNotFound extends NotFound {

	public FeedbackNotFound() {
		super("No accessibility feedback for this member");
	}

}
