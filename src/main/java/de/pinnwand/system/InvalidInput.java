package de.pinnwand.system;

import java.util.List;

/**
 * Something a person or client sent was not stored because some of its fields are wrong;
 * nothing of it was written. Pages show the problems next to the fields, the API answers
 * 422 with them.
 */
public abstract class InvalidInput extends RuntimeException {

	private final transient List<FieldProblem> problems;

	protected InvalidInput(String what, List<FieldProblem> problems) {
		super("Invalid " + what + ": " + problems.stream().map(FieldProblem::field).toList());
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
