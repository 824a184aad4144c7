package de.pinnwand.listings.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextLinesTests {

	@Test
	void makesWebAddressesLinksAndLeavesTrailingPunctuationOutside() {
		List<TextLines.Line> lines = TextLines.of("Infos: https://example.org/cafe?tag=di. Danke!\nZweite Zeile");
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0).segments()).containsExactly(new TextLines.Segment("Infos: ", null),
				new TextLines.Segment("https://example.org/cafe?tag=di", "https://example.org/cafe?tag=di"),
				new TextLines.Segment(". Danke!", null));
		assertThat(lines.get(1).segments()).containsExactly(new TextLines.Segment("Zweite Zeile", null));
	}

	@Test
	void neverLinksOtherSchemes() {
		assertThat(TextLines.of("javascript:alert(1) data:text/html,x ftp://host/x").get(0).segments())
			.allSatisfy((segment) -> assertThat(segment.href()).isNull());
	}

	@Test
	void keepsEmptyLines() {
		assertThat(TextLines.of("a\n\nb")).hasSize(3);
	}

}
