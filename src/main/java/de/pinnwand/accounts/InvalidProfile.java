package de.pinnwand.accounts;

import java.util.List;

import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.InvalidInput;

/** A profile change was not stored because some of its fields are wrong. */
public class InvalidProfile extends InvalidInput {

	public InvalidProfile(List<FieldProblem> problems) {
		super("profile", problems);
	}

}
