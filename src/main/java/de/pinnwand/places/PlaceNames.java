package de.pinnwand.places;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;

/**
 * How the gazetteer reads names: untrusted input cleaned, names folded for matching,
 * German alphabetical order.
 */
final class PlaceNames {

	/**
	 * Far longer than any German place name with its postcode; longer input is not a
	 * place.
	 */
	private static final int MAX_INPUT_LENGTH = 200;

	private PlaceNames() {
	}

	/**
	 * Folds a name for matching: no case, no accents, umlauts and their "ae/oe/ue"
	 * spellings alike, "ß" as "ss", and any run of punctuation or spaces as one space.
	 */
	static String fold(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		StringBuilder folded = new StringBuilder(decomposed.length());
		boolean separated = true;
		for (int i = 0; i < decomposed.length(); i++) {
			char c = Character.toLowerCase(decomposed.charAt(i));
			if (Character.getType(c) == Character.NON_SPACING_MARK) {
				continue;
			}
			if (c == 'ß') {
				folded.append("ss");
				separated = false;
			}
			else if (Character.isLetterOrDigit(c)) {
				folded.append(c);
				separated = false;
			}
			else if (!separated) {
				folded.append(' ');
				separated = true;
			}
		}
		if (separated && folded.length() > 0) {
			folded.setLength(folded.length() - 1);
		}
		return folded.toString().replace("ae", "a").replace("oe", "o").replace("ue", "u");
	}

	static boolean hasWordStartingWith(String folded, String prefix) {
		return folded.startsWith(prefix) || folded.contains(' ' + prefix);
	}

	/**
	 * Trims and normalizes untrusted input; {@code null} when there is nothing worth
	 * looking up.
	 */
	static String clean(String input) {
		if (input == null || input.length() > MAX_INPUT_LENGTH) {
			return null;
		}
		String cleaned = Normalizer.normalize(input, Normalizer.Form.NFC).strip();
		return cleaned.isEmpty() ? null : cleaned;
	}

	static boolean isDigits(String text) {
		return text.chars().allMatch((c) -> c >= '0' && c <= '9');
	}

	static String lowerCase(String text) {
		return text.toLowerCase(Locale.ROOT);
	}

	/** The key of the places sharing a name in one district. */
	static String groupKey(String name, String district) {
		return name + '\u0000' + district;
	}

	static Comparator<String> germanOrder() {
		Collator collator = Collator.getInstance(Locale.GERMAN);
		return (left, right) -> {
			int order = collator.compare(left, right);
			return (order != 0) ? order : left.compareTo(right);
		};
	}

}
