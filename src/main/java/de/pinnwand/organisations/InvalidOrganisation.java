package de.pinnwand.organisations;

import java.util.List;

import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.InvalidInput;

/**
 * An organisation's profile, logo or member change was refused because of the fields
 * named; nothing was stored.
 */
public class InvalidOrganisation extends InvalidInput {

	public InvalidOrganisation(List<FieldProblem> problems) {
		super("organisation", problems);
	}

	public InvalidOrganisation(String field, String code, Object... arguments) {
		this(List.of(new FieldProblem(field, code, arguments)));
	}

}
