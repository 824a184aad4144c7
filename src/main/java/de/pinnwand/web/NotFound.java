package de.pinnwand.web;

/**
 * The shared type of everything that is not there (or not visible to the one asking): a
 * 404.
 */
public abstract class NotFound extends RuntimeException {

	protected NotFound(String message) {
		super(message);
	}

}
