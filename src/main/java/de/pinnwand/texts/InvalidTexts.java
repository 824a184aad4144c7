package de.pinnwand.texts;

import java.util.List;

import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.InvalidInput;

/**
 * A text or an imported file that was not stored: an unknown key, an empty text, or a
 * broken ICU pattern.
 */
public class InvalidTexts extends InvalidInput {

	public InvalidTexts(List<FieldProblem> problems) {
		super("texts", problems);
	}

}
