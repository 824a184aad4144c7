package de.pinnwand.system;

import java.util.List;

/**
 * A request that could not be read at all: a form body with broken percent-encoding, a
 * multipart body without its boundary, JSON that does not parse or has a value of the
 * wrong type. Answered with 400, naming the field and what it expected where that is
 * known.
 */
public class UnreadableRequest extends RuntimeException {

	private final transient List<FieldProblem> problems;

	public UnreadableRequest(String what, List<FieldProblem> problems, Throwable cause) {
		super("Unreadable request: " + what, cause);
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
