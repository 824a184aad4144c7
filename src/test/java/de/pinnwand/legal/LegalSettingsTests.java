package de.pinnwand.legal;

import de.pinnwand.PinnwandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sets shows on the legal pages: who they are in the Impressum, and on
 * the privacy notice the retention, session and mail settings the app itself runs with,
 * so the notice follows a changed setting.
 */
@PinnwandTest
@TestPropertySource(properties = { "pinnwand.legal.operator-name=Landratsamt Musterkreis",
		"pinnwand.legal.operator-address=Hauptstraße 1,71634 Musterstadt",
		"pinnwand.legal.representative=Landrätin Erika Beispiel", "pinnwand.legal.email=pinnwand@musterkreis.example",
		"pinnwand.legal.phone=+49 7141 0000",
		"pinnwand.legal.data-protection-officer=Datenschutz Musterkreis,datenschutz@musterkreis.example",
		"pinnwand.legal.conciliation-name=Ombudsstelle Musterland",
		"pinnwand.legal.conciliation-address=Amtsweg 2,70000 Landeshauptstadt",
		"pinnwand.legal.conciliation-url=https://ombudsstelle.example",
		"pinnwand.legal.accessibility-reviewed=2026-11-30",
		"pinnwand.legal.sign-language-video=https://video.musterkreis.example/dgs?v=1&t=0",
		"pinnwand.retention.purge-after=97d", "pinnwand.messaging.purge-after=30d", "pinnwand.sessions.member-idle=2h",
		"pinnwand.sessions.visitor-idle=1m", "pinnwand.notifications.digest-time=06:30" })
class LegalSettingsTests {

	@Autowired
	private WebTestClient web;

	@Test
	void theImpressumNamesTheConfiguredOperator() {
		assertThat(page("/impressum?ui=de"))
			.contains("Landratsamt Musterkreis<br>", "Hauptstraße 1<br>", "71634 Musterstadt<br>",
					"Landrätin Erika Beispiel", "mailto:pinnwand@musterkreis.example", "+49 7141 0000")
			.doesNotContain("noch nicht eingetragen");
	}

	@Test
	void thePrivacyNoticeFollowsTheRetentionSessionAndMailSettings() {
		assertThat(page("/privacy?ui=de"))
			.contains("Landratsamt Musterkreis", "datenschutz@musterkreis.example",
					"löschen wir 97 Tage nach ihrem Ende", "für beide Seiten 30 Tage nach", "endet nach 1 Minute.",
					"wenn Sie 2 Stunden lang nichts tun", "gegen 06:30 Uhr")
			.doesNotContain("180 Tage", "365 Tage");
		assertThat(page("/privacy?ui=tr")).contains("bitişlerinden 97 gün sonra", "06:30");
	}

	@Test
	void theAccessibilityStatementNamesTheConfiguredConciliationBodyAndDate() {
		assertThat(page("/accessibility?ui=de"))
			.contains("Ombudsstelle Musterland", "Amtsweg 2<br>", "href=\"https://ombudsstelle.example\"",
					"am 30. November 2026 zuletzt geprüft")
			.doesNotContain("Mauerstraße");
	}

	@Test
	void theEasyPageLinksTheSignLanguageVideoEscaped() {
		String raw = this.web.get()
			.uri("/easy?ui=de")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(raw).contains("href=\"https://video.musterkreis.example/dgs?v&#x3D;1&amp;t&#x3D;0\"");
		assertThat(page("/easy?ui=de")).contains("Video in Deutscher Gebärdensprache (DGS) ansehen")
			.doesNotContain("gibt es noch nicht");
	}

	/** The page as a reader sees its text: entities such as {@code &auml;} unescaped. */
	private String page(String path) {
		return org.springframework.web.util.HtmlUtils.htmlUnescape(this.web.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

}
