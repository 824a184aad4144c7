package de.pinnwand.listings;

import java.util.List;

/** A listing was not stored because some of its fields are wrong; nothing of it was written. */
public class InvalidListing extends RuntimeException {

	private final transient List<FieldProblem> problems;

	public InvalidListing(List<FieldProblem> problems) {
		super("Invalid listing: " + problems.stream().map(FieldProblem::field).toList());
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
