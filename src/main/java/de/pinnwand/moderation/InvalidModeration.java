package de.pinnwand.moderation;

import java.util.List;

import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.InvalidInput;

/**
 * A decision or report with wrong fields (an unknown reason, a missing version); nothing
 * was changed.
 */
public class InvalidModeration extends InvalidInput {

	public InvalidModeration(List<FieldProblem> problems) {
		super("moderation", problems);
	}

}
