package de.pinnwand.legal;

import java.util.List;

import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.InvalidInput;

/**
 * Feedback on accessibility that was not stored because a field is wrong (empty, too
 * long, not an address).
 */
public class InvalidFeedback extends InvalidInput {

	InvalidFeedback(List<FieldProblem> problems) {
		super("accessibility feedback", problems);
	}

}
