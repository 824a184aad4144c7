package de.pinnwand.activities;

import java.util.List;

import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.InvalidInput;

/**
 * An activity was not stored because some of its fields are wrong; nothing of it was
 * written.
 */
public class InvalidActivity extends InvalidInput {

	public InvalidActivity(List<FieldProblem> problems) {
		super("activity", problems);
	}

}
