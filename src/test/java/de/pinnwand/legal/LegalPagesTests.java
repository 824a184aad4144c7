package de.pinnwand.legal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestMembers;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.accounts.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Impressum, privacy notice, accessibility statement and the page in Leichte Sprache
 * with the app's default settings: linked from every page, in the reader's language,
 * honest about what the operator has not filled in; and the feedback form, from a visitor
 * to the coordination office's page.
 */
@PinnwandTest
class LegalPagesTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	private WebTestClient web;

	@Autowired
	private AccountService accounts;

	@Test
	void everyPageLinksTheFourLegalPagesInItsFooterAndTheStartPagePointsToEasyLanguageAndSignLanguage() {
		for (String path : List.of("/", "/search", "/about", "/activities", "/impressum")) {
			assertThat(page(path + "?ui=de")).as(path)
				.contains("<a href=\"/impressum\">Impressum</a>", "<a href=\"/privacy\">Datenschutz</a>",
						"<a href=\"/accessibility\">Barrierefreiheit</a>", "<a href=\"/easy\">Leichte Sprache</a>");
		}
		assertThat(page("/?ui=de")).contains("<a href=\"/easy\">Die Pinnwand in Leichter Sprache</a>",
				"<a href=\"/easy#dgs\">Die Pinnwand in Gebärdensprache (DGS)</a>");
		assertThat(page("/?ui=ar")).contains("<a href=\"/privacy\">حماية البيانات</a>");
	}

	@Test
	void theImpressumSaysThatTheOperatorHasToFillItInRatherThanMakingSomethingUp() {
		String german = page("/impressum?ui=de");
		assertThat(german)
			.contains("<h1>Impressum</h1>", "§ 5 Digitale-Dienste-Gesetz",
					"Der Betreiber hat seine Angaben noch nicht eingetragen")
			.doesNotContain("<address");
		String arabic = page("/impressum?ui=ar");
		assertThat(arabic).contains("<html lang=\"ar\" dir=\"rtl\">", "لم يُدخل المشغّل بياناته بعد");
	}

	@Test
	void thePrivacyNoticeStatesTheDefaultSettingsInTheReadersLanguage() {
		assertThat(page("/privacy?ui=de")).contains("Abgelaufene und zurückgezogene Anzeigen löschen wir 180 Tage nach",
				"für beide Seiten 365 Tage nach der letzten Nachricht", "endet nach 5 Minuten",
				"wenn Sie 8 Stunden lang nichts tun", "gegen 07:00 Uhr", "gesalzener Hash",
				"Aufenthaltsstatus, Ihrer Staatsangehörigkeit", "Art. 77 DSGVO",
				"Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Baden-Württemberg");
		assertThat(page("/privacy?ui=en")).contains("We delete expired and withdrawn listings 180 days after",
				"when you do nothing for 8 hours");
		assertThat(page("/privacy?ui=ru")).contains("через 180 дней после", "через 5 минут");
		// Arabic digits or Western ones, as the interface chooses for Arabic.
		assertThat(page("/privacy?ui=ar")).contains("<html lang=\"ar\" dir=\"rtl\">").containsPattern("بعد [٥5] دقائق");
	}

	@Test
	void theEasyPageUsesShortLinesNamesTheButtonsAndSaysThereIsNoSignLanguageVideoYet() {
		String easy = page("/easy?ui=de");
		assertThat(easy).contains("<li>Die Pinnwand ist eine Internet-Seite.</li>",
				"Sie brauchen Hilfe? Dann klicken Sie auf: Ich brauche Hilfe.", "id=\"dgs\"",
				"Ein Video in Gebärdensprache gibt es noch nicht.");
		assertThat(page("/easy?ui=uk")).contains("Вам потрібна допомога? Натисніть: Мені потрібна допомога.");
	}

	@Test
	void feedbackFromAVisitorReachesTheCoordinationOfficeEscapedAndOnlyIt() {
		String marker = "Rampe" + UUID.randomUUID().toString().substring(0, 8);
		Form form = form("198.51.100.61");
		EntityExchangeResult<byte[]> sent = post(form, "198.51.100.61", "ar",
				"Der Knopf <script>alert(1)</script> ist zu klein " + marker, "/listings/new", "leser@example.org");
		assertThat(sent.getStatus().is3xxRedirection()).isTrue();
		assertThat(sent.getResponseHeaders().getLocation()).hasToString("/accessibility?sent#feedback");
		assertThat(page("/accessibility?sent&ui=ar")).contains("role=\"status\">شكرًا لكم! وصلت رسالتكم.");

		this.accounts
			.prepare(TestMembers.subject("legal-coordinator"), "Koordination Barrierefrei", List.of("de"),
					Set.of(Role.COORDINATOR))
			.block();
		String coordinator = TestMembers.signIn(this.web, "legal-coordinator");
		String received = this.web.get()
			.uri("/moderation/accessibility-feedback?ui=de")
			.cookie("SESSION", coordinator)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(received)
			.contains("Der Knopf &lt;script&gt;alert(1)&lt;/script&gt; ist zu klein " + marker,
					"mailto:leser@example.org", "/listings/new", "<dd>ar</dd>")
			.doesNotContain("<script>alert(1)");
		assertThat(page("/accessibility?ui=de", coordinator)).contains("href=\"/moderation/accessibility-feedback\"");

		String member = TestMembers.signIn(this.web, "legal-plain-member");
		this.web.get()
			.uri("/moderation/accessibility-feedback")
			.cookie("SESSION", member)
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(page("/accessibility?ui=de", member)).doesNotContain("/moderation/accessibility-feedback");
		this.web.get().uri("/moderation/accessibility-feedback").exchange().expectStatus().is3xxRedirection();
	}

	@Test
	void anEmptyMessageOrAWrongAddressGetsLocalizedMessagesAndIsNotStored() {
		Form form = form("198.51.100.62");
		EntityExchangeResult<byte[]> refused = post(form, "198.51.100.62", "ar", "   ", "", "keine-adresse");
		assertThat(refused.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		String page = new String(refused.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("<html lang=\"ar\" dir=\"rtl\">", "يُرجى كتابة ما الذي لا يعمل.",
				"هذا ليس عنوان بريد إلكتروني", "aria-invalid=\"true\" aria-describedby=\"feedback-message-error\"",
				"value=\"keine-adresse\"");
		String tooLong = "x".repeat(AccessibilityFeedback.MAX_MESSAGE + 1);
		EntityExchangeResult<byte[]> long_ = post(form, "198.51.100.62", "de", tooLong, "", "");
		assertThat(long_.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(new String(long_.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8))
			.contains("Bitte schreiben Sie höchstens 2.000 Zeichen.");
	}

	@Test
	void feedbackWithoutTheFormsTokenIsRefused() {
		this.web.post()
			.uri("/accessibility/feedback")
			.header("X-Forwarded-For", "198.51.100.63")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("message=Hallo")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void oneClientMaySendFiveMessagesAnHour() {
		Form form = form("198.51.100.64");
		for (int i = 1; i <= 5; i++) {
			assertThat(post(form, "198.51.100.64", "de", "Meldung " + i, "", "").getStatus().is3xxRedirection())
				.as("message " + i)
				.isTrue();
		}
		EntityExchangeResult<byte[]> refused = post(form, "198.51.100.64", "de", "Meldung 6", "", "");
		assertThat(refused.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(new String(refused.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8))
			.contains("Zu viele Anfragen");
	}

	/**
	 * A form's CSRF cookie and token, as a visitor's browser gets them from the statement
	 * page.
	 */
	private record Form(String cookie, String token) {
	}

	private Form form(String address) {
		EntityExchangeResult<String> statement = this.web.get()
			.uri("/accessibility")
			.header("X-Forwarded-For", address)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		Matcher token = CSRF.matcher(statement.getResponseBody());
		assertThat(token.find()).isTrue();
		return new Form(statement.getResponseCookies().getFirst("XSRF-TOKEN").getValue(), token.group(1));
	}

	private EntityExchangeResult<byte[]> post(Form form, String address, String lang, String message, String location,
			String email) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("_csrf", form.token());
		fields.add("message", message);
		fields.add("location", location);
		fields.add("email", email);
		return this.web.post()
			.uri("/accessibility/feedback?ui=" + lang)
			.header("X-Forwarded-For", address)
			.cookie("XSRF-TOKEN", form.cookie())
			.body(BodyInserters.fromFormData(fields))
			.exchange()
			.expectBody()
			.returnResult();
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

	private String page(String path, String session) {
		return org.springframework.web.util.HtmlUtils.htmlUnescape(this.web.get()
			.uri(path)
			.cookie("SESSION", session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

}
