package de.pinnwand.activities;

import java.util.List;

import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.InvalidInput;

/**
 * A sign-up was refused: already signed up, a past or unknown occurrence, a cancelled
 * activity.
 */
public class InvalidSignup extends InvalidInput {

	public InvalidSignup(FieldProblem problem) {
		super("sign-up", List.of(problem));
	}

}
