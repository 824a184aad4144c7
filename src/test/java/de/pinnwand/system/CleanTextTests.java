package de.pinnwand.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What may enter as text, and what a feed or export writes of what was stored before. */
class CleanTextTests {

	@Test
	void refusesWhatPostgresqlXmlOrTheReaderCannotTake() {
		for (String bad : new String[] { "a\u0000", "\u0001", "\u0008", "\u001b", "\u007f", "\u0085", "\u009f",
				"\uFFFF", "\uFFFE", "\uFDD0", "\uD83F\uDFFF", "\uD800", "x\uDC00", "\u202A", "\u202E", "\u2066",
				"\u2069" }) {
			assertThat(CleanText.isClean(bad, true)).as("U+%04X", (int) bad.charAt(bad.length() - 1)).isFalse();
		}
	}

	@Test
	void keepsEveryLanguageAndLineBreaksWhereAFieldTakesSeveralLines() {
		for (String good : new String[] { "Fahrrad für Kinder", "مرحبا", "سلام", "Привіт", "Merhaba ğüşıöç", "👩‍👩‍👧",
				"\u200F\u200E", "ẞ" }) {
			assertThat(CleanText.isClean(good, false)).as(good).isTrue();
		}
		assertThat(CleanText.isClean("Zeile 1\r\nZeile 2\tEnde", true)).isTrue();
		assertThat(CleanText.isClean("Titel\nmit Umbruch", false)).isFalse();
		assertThat(CleanText.isMultiLine("description")).isTrue();
		assertThat(CleanText.isMultiLine("title")).isFalse();
	}

	@Test
	void stripsWhatCannotBeWrittenAndKeepsTheRest() {
		assertThat(CleanText.strip("Fahr\u0000rad\uFFFF \uD800zu \u202Everschenken\uD83D\uDE00", false))
			.isEqualTo("Fahrrad zu verschenken\uD83D\uDE00");
		assertThat(CleanText.strip("eins\nzwei", false)).isEqualTo("eins zwei");
		assertThat(CleanText.forOutput("eins\nzwei\u0008")).isEqualTo("eins\nzwei");
		String clean = "nichts zu tun";
		assertThat(CleanText.strip(clean, false)).isSameAs(clean);
	}

}
