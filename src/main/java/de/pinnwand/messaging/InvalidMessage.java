package de.pinnwand.messaging;

import java.util.List;

import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.InvalidInput;

/**
 * A message, answer or disclosure that was not stored because of what was sent (422);
 * nothing was written.
 */
public class InvalidMessage extends InvalidInput {

	public InvalidMessage(FieldProblem problem) {
		super("message", List.of(problem));
	}

}
