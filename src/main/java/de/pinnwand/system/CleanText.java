package de.pinnwand.system;

import java.util.Set;

/**
 * Which characters a text that enters the portal may hold. PostgreSQL refuses NUL, XML
 * 1.0 has no place for other control characters, the non-characters or lone surrogates,
 * and bidi overrides let a text show something else than it says (a listing title that
 * reads backwards, a link that hides its target). Such characters are refused at the
 * door, or removed where a refusal would help nobody (search text), and taken out once
 * more wherever stored text leaves in a feed or export, for rows from before the door was
 * there.
 */
public final class CleanText {

	/**
	 * Fields whose forms and JSON take several lines: only they keep line breaks and
	 * tabs.
	 */
	public static final Set<String> MULTI_LINE_FIELDS = Set.of("description", "text", "openingHours", "areas",
			"message", "note", "reasonText");

	private CleanText() {
	}

	/** Whether the field of this name takes several lines. */
	public static boolean isMultiLine(String field) {
		return field != null && MULTI_LINE_FIELDS.contains(field);
	}

	/**
	 * The index of the first character that may not enter, or -1 when the text is clean.
	 */
	public static int firstForbidden(String text, boolean multiLine) {
		if (text == null) {
			return -1;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					if (isNonCharacter(Character.toCodePoint(c, text.charAt(i + 1)))) {
						return i;
					}
					i++;
					continue;
				}
				return i;
			}
			if (Character.isLowSurrogate(c) || isForbidden(c, multiLine)) {
				return i;
			}
		}
		return -1;
	}

	/** Whether the text holds nothing that may not enter. */
	public static boolean isClean(String text, boolean multiLine) {
		return firstForbidden(text, multiLine) < 0;
	}

	/**
	 * The text without the characters that may not enter; line breaks and tabs become
	 * spaces unless the text takes several lines. Returns the same instance when nothing
	 * had to go.
	 */
	public static String strip(String text, boolean multiLine) {
		if (text == null || isClean(text, multiLine)) {
			return text;
		}
		StringBuilder clean = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				int codePoint = Character.toCodePoint(c, text.charAt(i + 1));
				if (!isNonCharacter(codePoint)) {
					clean.append(c).append(text.charAt(i + 1));
				}
				i++;
			}
			else if (Character.isSurrogate(c)) {
				// a lone half of a pair: nothing to keep
			}
			else if (!multiLine && (c == '\n' || c == '\r' || c == '\t')) {
				clean.append(' ');
			}
			else if (!isForbidden(c, true)) {
				clean.append(c);
			}
		}
		return clean.toString();
	}

	/**
	 * Text fit for an XML writer or a CSV file, whatever was stored: multi-line text
	 * keeps its line breaks.
	 */
	public static String forOutput(String text) {
		return strip(text, true);
	}

	private static boolean isForbidden(char c, boolean multiLine) {
		if (c == '\n' || c == '\r' || c == '\t') {
			return !multiLine;
		}
		return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
				|| isNonCharacter(c);
	}

	/** U+FDD0–U+FDEF and the last two code points of every plane. */
	private static boolean isNonCharacter(int codePoint) {
		return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
	}

}
