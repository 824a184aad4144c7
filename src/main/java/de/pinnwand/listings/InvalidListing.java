package de.pinnwand.listings;

import java.util.List;

import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.InvalidInput;

/**
 * A listing was not stored because some of its fields are wrong; nothing of it was
 * written.
 */
public class InvalidListing extends InvalidInput {

	public InvalidListing(List<FieldProblem> problems) {
		super("listing", problems);
	}

}
