package de.pinnwand.texts;

import de.pinnwand.web.NotFound;

/**
 * The text editor, for anyone who is neither admin nor translator, or a language the
 * interface does not have.
 */
public class TextsNotFound extends NotFound {

	public TextsNotFound() {
		super("No text editor for this member or language");
	}

}
