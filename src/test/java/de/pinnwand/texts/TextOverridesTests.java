package de.pinnwand.texts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestMembers;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.accounts.Member;
import de.pinnwand.accounts.Role;
import de.pinnwand.audit.AuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Texts corrected in the app, end to end: an admin corrects an Arabic text and the page
 * shows it; the export holds it; a reviewed file's import applies and is audited, and the
 * review shows; a correction written by another instance shows here within a second;
 * members get no editor, until an admin makes them translators.
 */
@PinnwandTest
class TextOverridesTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	/**
	 * Keys only the page in Leichte Sprache shows, so other tests' pages stay as shipped.
	 */
	private static final List<String> KEYS = List.of("legal.easy.s5.l1", "legal.easy.s5.l2", "legal.easy.s4.l3");

	@Autowired
	private WebTestClient web;

	@Autowired
	private AccountService accounts;

	@Autowired
	private AuditLog audit;

	@Autowired
	private TextOverrides texts;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private org.springframework.transaction.reactive.TransactionalOperator transaction;

	private final String marker = "Marke" + UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void takeTheCorrectionsBack() {
		Member admin = admin();
		for (String key : KEYS) {
			this.texts.reset(admin, "ar", key).block();
		}
	}

	@Test
	void anAdminCorrectsAnArabicTextThePageShowsItTheExportHoldsItAndTheLogRecordsIt() {
		String session = TestMembers.signIn(this.web, "texts-admin");
		Form form = form(session, "/admin/texts/ar");
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("_csrf", form.token());
		fields.add("key", "legal.easy.s5.l2");
		fields.add("text", "مكتب التنسيق يعتني بالموقع " + this.marker);
		this.web.post()
			.uri("/admin/texts/ar")
			.cookie("SESSION", session)
			.cookie("XSRF-TOKEN", form.cookie())
			.body(BodyInserters.fromFormData(fields))
			.exchange()
			.expectStatus()
			.is3xxRedirection();

		assertThat(page("/easy?ui=ar")).contains("<li>مكتب التنسيق يعتني بالموقع " + this.marker + "</li>");
		assertThat(page("/easy?ui=de")).doesNotContain(this.marker).contains("passt auf die Pinnwand auf.");
		assertThat(page("/admin/texts/ar", session)).contains("legal.easy.s5.l2", this.marker);
		assertThat(this.audit.about("text", "ar:legal.easy.s5.l2").collectList().block()).anySatisfy((entry) -> {
			assertThat(entry.action()).isEqualTo("text.corrected");
			assertThat(entry.details()).contains(this.marker);
		});

		EntityExchangeResult<byte[]> export = this.web.get()
			.uri("/admin/texts/ar.properties")
			.cookie("SESSION", session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		assertThat(export.getResponseHeaders().getContentType().toString()).startsWith("text/plain");
		String file = new String(export.getResponseBody(), StandardCharsets.UTF_8);
		assertThat(file).contains("legal.easy.s5.l2=مكتب التنسيق يعتني بالموقع " + this.marker,
				"home.can-help=أستطيع المساعدة", "legal.easy.s1.l1=Pinnwand موقع على الإنترنت.");
	}

	@Test
	void importingAReviewedFileAppliesItRecordsTheReviewAndIsAudited() {
		String session = TestMembers.signIn(this.web, "texts-admin");
		String shipped = "legal.easy.s4.l3=تستطيعون حذف حسابكم في أي وقت.\n";
		String broken = "legal.easy.s5.l1=مكتب {0 يساعدكم\nno.such.key=x\n";
		EntityExchangeResult<byte[]> refused = importFile(session, broken, "");
		assertThat(refused.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(HtmlUtils.htmlUnescape(new String(refused.getResponseBody(), StandardCharsets.UTF_8)))
			.contains("Diesen Schlüssel gibt es nicht: no.such.key", "einen Fehler in den geschweiften Klammern");

		String reviewed = "# reviewed\nlegal.easy.s5.l1=مكتب التنسيق يساعدكم دائمًا " + this.marker + "\n" + shipped;
		assertThat(importFile(session, reviewed, "Amal").getStatus().is3xxRedirection()).isTrue();
		assertThat(page("/easy?ui=ar")).contains("مكتب التنسيق يساعدكم دائمًا " + this.marker,
				"تستطيعون حذف حسابكم في أي وقت.");
		assertThat(this.audit.about("texts", "ar").collectList().block()).extracting(AuditLog.Entry::action)
			.contains("texts.imported", "texts.reviewed");
		assertThat(page("/accessibility?ui=de")).contains("العربية: von einer muttersprachlichen Person geprüft am");
		assertThat(page("/admin/texts/ar", session)).contains("Von einer muttersprachlichen Person geprüft am");
		// The language switcher on every page says it too, in the language concerned.
		assertThat(page("/?ui=de")).contains("title=\"راجعه شخص لغته الأم هذه اللغة في");
	}

	@Test
	void theSameRoundTripWorksWithXliffAndAFileWithADocumentTypeIsRefused() {
		String session = TestMembers.signIn(this.web, "texts-admin");
		String xliff = new String(this.web.get()
			.uri("/admin/texts/ar.xlf")
			.cookie("SESSION", session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody(), StandardCharsets.UTF_8);
		assertThat(xliff).contains("<xliff version=\"1.2\"", "target-language=\"ar\"",
				"<trans-unit id=\"legal.easy.s5.l1\" xml:space=\"preserve\">",
				"<source>Die Koordinations-Stelle hilft Ihnen.</source>", "<target>مكتب التنسيق يساعدكم.</target>");
		String reviewed = xliff.replace("<target>مكتب التنسيق يساعدكم.</target>",
				"<target>مكتب التنسيق يساعدكم &amp; يجيبكم " + this.marker + "</target>");
		assertThat(upload(session, "/admin/texts/ar.xlf", reviewed, "").getStatus().is3xxRedirection()).isTrue();
		assertThat(page("/easy?ui=ar")).contains("مكتب التنسيق يساعدكم & يجيبكم " + this.marker);

		String hostile = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
				+ "<xliff version=\"1.2\"><file><body><trans-unit id=\"legal.easy.s4.l3\"><target>&e;</target>"
				+ "</trans-unit></body></file></xliff>";
		assertThat(upload(session, "/admin/texts/ar.xlf", hostile, "").getStatus())
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(page("/easy?ui=ar")).doesNotContain("root:");
	}

	@Test
	void aCorrectionAnotherInstanceWroteShowsHereWithinASecond() throws InterruptedException {
		admin();
		// What another instance's TextOverrides#set does: the row and the raised version,
		// in one transaction.
		this.database
			.sql("insert into text_override (language, key, text, changed_at) values ('ar', 'legal.easy.s4.l3', "
					+ ":text, now())")
			.bind("text", "نص من خادم آخر " + this.marker)
			.then()
			.then(this.database.sql("update text_override_version set version = version + 1 where id = 1").then())
			.as(this.transaction::transactional)
			.block();
		long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
		while (!page("/easy?ui=ar").contains(this.marker)) {
			assertThat(System.nanoTime()).as("shown within a second").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	@Test
	void aMemberGetsNoEditorUntilAnAdminMakesThemATranslatorWhichIsAudited() {
		String member = TestMembers.signIn(this.web, "texts-member");
		this.web.get().uri("/admin/texts/ar").cookie("SESSION", member).exchange().expectStatus().isNotFound();
		this.web.get()
			.uri("/admin/texts/ar.properties")
			.cookie("SESSION", member)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.get().uri("/admin/texts/ar").exchange().expectStatus().is3xxRedirection();

		UUID memberId = this.accounts.bySubject(TestMembers.subject("texts-member")).block().accountId();
		String admin = TestMembers.signIn(this.web, "texts-admin");
		Form form = form(admin, "/admin/texts/de");
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("_csrf", form.token());
		fields.add("accountId", memberId.toString());
		fields.add("action", "grant");
		this.web.post()
			.uri("/admin/texts/translators")
			.cookie("SESSION", admin)
			.cookie("XSRF-TOKEN", form.cookie())
			.body(BodyInserters.fromFormData(fields))
			.exchange()
			.expectStatus()
			.is3xxRedirection();
		assertThat(this.audit.about("account", memberId.toString()).collectList().block()).anySatisfy(
				(entry) -> assertThat(entry.action() + " " + entry.details()).isEqualTo("role.granted TRANSLATOR"));

		assertThat(page("/admin/texts/ar", member)).contains("<h1>Texte der Oberfläche", "/admin/texts/ar.properties")
			.doesNotContain("/admin/texts/translators");
	}

	private Member admin() {
		return this.accounts
			.prepare(TestMembers.subject("texts-admin"), "Texte Admin", List.of("de"), Set.of(Role.ADMIN))
			.block();
	}

	/** A form's CSRF cookie and token, from a page the session reads. */
	private record Form(String cookie, String token) {
	}

	private Form form(String session, String path) {
		admin();
		EntityExchangeResult<String> page = this.web.get()
			.uri(path)
			.cookie("SESSION", session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		Matcher token = CSRF.matcher(page.getResponseBody());
		assertThat(token.find()).isTrue();
		return new Form(page.getResponseCookies().getFirst("XSRF-TOKEN").getValue(), token.group(1));
	}

	private EntityExchangeResult<byte[]> importFile(String session, String content, String reviewer) {
		return upload(session, "/admin/texts/ar.properties", content, reviewer);
	}

	private EntityExchangeResult<byte[]> upload(String session, String path, String content, String reviewer) {
		Form form = form(session, "/admin/texts/ar");
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("_csrf", form.token());
		body.part("reviewer", reviewer);
		body.part("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8))).filename("ar.properties");
		return this.web.post()
			.uri(path)
			.cookie("SESSION", session)
			.cookie("XSRF-TOKEN", form.cookie())
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectBody()
			.returnResult();
	}

	private String page(String path) {
		return HtmlUtils.htmlUnescape(this.web.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

	private String page(String path, String session) {
		return HtmlUtils.htmlUnescape(this.web.get()
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
