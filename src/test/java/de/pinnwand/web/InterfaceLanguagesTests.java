package de.pinnwand.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import de.pinnwand.PinnwandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dari is an interface language of its own: chosen in the switcher, by cookie or by the
 * browser, right to left.
 */
@PinnwandTest
class InterfaceLanguagesTests {

	@Autowired
	private WebTestClient web;

	@Test
	void rendersDariWhenChosenInTheSwitcherAndRemembersIt() {
		this.web.get()
			.uri("/?ui=fa-AF")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches("Set-Cookie", "lang=fa-AF;.*")
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("<html lang=\"fa-AF\" dir=\"rtl\">")
				// Afghan usage where it differs from Iranian Persian
				.contains("من به کمک ضرورت دارم")
				.doesNotContain("من به کمک نیاز دارم")
				.contains("lang=\"fa-AF\" hreflang=\"fa-AF\" aria-current=\"true\">دری</a>")
				.contains("lang=\"fa\" hreflang=\"fa\">فارسی</a>"));
		this.web.get()
			.uri("/")
			.cookie("lang", "fa-AF")
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("<html lang=\"fa-AF\" dir=\"rtl\">"));
	}

	@Test
	void keepsPersianAndDariApart() {
		this.web.get()
			.uri("/?ui=fa")
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("<html lang=\"fa\" dir=\"rtl\">")
				.contains("من به کمک نیاز دارم")
				.contains("aria-current=\"true\">فارسی</a>"));
		this.web.get()
			.uri("/")
			.header("Accept-Language", "fa-IR,fa;q=0.9")
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("<html lang=\"fa\" dir=\"rtl\">"));
	}

	@Test
	void followsABrowserSetToDari() {
		for (String header : List.of("fa-AF,fa;q=0.8,de;q=0.5", "prs", "prs-AF,en;q=0.5")) {
			this.web.get()
				.uri("/")
				.header("Accept-Language", header)
				.exchange()
				.expectBody(String.class)
				.value((html) -> assertThat(html).as(header).contains("<html lang=\"fa-AF\" dir=\"rtl\">"));
		}
	}

	@Test
	void acceptsDariInAnySpellingAndNothingElse() {
		assertThat(InterfaceLanguages.known("fa-af")).contains("fa-AF");
		assertThat(InterfaceLanguages.known("fa_AF")).contains("fa-AF");
		assertThat(InterfaceLanguages.known("prs")).contains("fa-AF");
		assertThat(InterfaceLanguages.known("fa-IR")).contains("fa");
		assertThat(InterfaceLanguages.known("ar-SY")).contains("ar");
		assertThat(InterfaceLanguages.known("xx")).isEqualTo(Optional.empty());
		assertThat(InterfaceLanguages.known("<script>")).isEmpty();
		assertThat(InterfaceLanguages.codeOf(Locale.forLanguageTag("fa-AF"))).isEqualTo("fa-AF");
		assertThat(InterfaceLanguages.isRightToLeft(Locale.forLanguageTag("fa-AF"))).isTrue();
		this.web.get()
			.uri("/?ui=xx")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("<html lang=\"de\" dir=\"ltr\">"));
	}

}
