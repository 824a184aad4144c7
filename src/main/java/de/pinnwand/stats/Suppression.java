package de.pinnwand.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Small counts could point at a person ("the one Dari speaker in Kornwestheim who asked
 * for help with the asylum procedure"), so counts from 1 to 4 are shown as "&lt;5"
 * everywhere figures leave the app: page, print view and CSV. Zero is shown: it says that
 * nobody is concerned, and so points at no one. Where a total stands next to its parts,
 * {@link #shownWithTotal} also hides a second part when only one is suppressed.
 */
public final class Suppression {

	/**
	 * A count of at least five hidden only so that a suppressed one next to it cannot be
	 * worked out from the total (secondary suppression).
	 */
	public static final String HIDDEN = "*";

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

	/**
	 * Parts shown next to their total: each part as {@link #shown(long)}, and when
	 * exactly one part is suppressed while the total is shown, also the next-smallest
	 * part (as {@link #HIDDEN}), so that the suppressed one cannot be computed by
	 * subtracting the others from the total. With two or more suppressed parts only their
	 * sum can be computed, which is what the rule allows.
	 */
	public static List<String> shownWithTotal(long total, List<Long> parts) {
		List<String> shown = new ArrayList<>(parts.stream().map(Suppression::shown).toList());
		long suppressedParts = parts.stream().filter(Suppression::suppressed).count();
		if (suppressedParts == 1 && !suppressed(total)) {
			int next = -1;
			for (int i = 0; i < parts.size(); i++) {
				long part = parts.get(i);
				if (part >= THRESHOLD && (next < 0 || part < parts.get(next))) {
					next = i;
				}
			}
			if (next >= 0) {
				shown.set(next, HIDDEN);
			}
		}
		return shown;
	}

}
