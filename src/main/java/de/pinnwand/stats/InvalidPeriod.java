package de.pinnwand.stats;

/**
 * The dates or the district asked for do not make a period; {@link #messageKey()} says
 * why, in every language.
 */
public class InvalidPeriod extends RuntimeException {

	private final String messageKey;

	InvalidPeriod(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
