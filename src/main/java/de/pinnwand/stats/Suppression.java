package de.pinnwand.stats;

/**
 * Small counts could point at a person ("the one Dari speaker in Kornwestheim who asked for help with the
 * asylum procedure"), so counts from 1 to 4 are shown as "&lt;5" everywhere figures leave the app: page, print
 * view and CSV. Zero is shown: it says that nobody is concerned, and so points at no one.
 */
public final class Suppression {

	/** The smallest count that is shown as it is. */
	public static final int THRESHOLD = 5;

	public static final String SUPPRESSED = "<5";

	private Suppression() {
	}

	public static boolean suppressed(long count) {
		return count > 0 && count < THRESHOLD;
	}

	public static String shown(long count) {
		return suppressed(count) ? SUPPRESSED : Long.toString(count);
	}

}
