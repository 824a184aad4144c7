package de.pinnwand.system;

import java.util.List;

/**
 * Text fields held characters that may not be stored (see {@link CleanText}); nothing was
 * written.
 */
public class ForbiddenCharacters extends InvalidInput {

	/** The message key under {@code error.} that explains it. */
	public static final String CODE = "text.forbidden";

	public ForbiddenCharacters(List<String> fields) {
		super("text", fields.stream().map((field) -> new FieldProblem(field, CODE)).toList());
	}

}
