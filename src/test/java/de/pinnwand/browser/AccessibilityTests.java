package de.pinnwand.browser;

import de.pinnwand.TestMembers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of page, in German and in right-to-left Arabic, on a phone's screen:
 * axe-core finds no WCAG 2.1 A/AA violation, and nothing makes the reader scroll
 * sideways. A new page type is one line in {@link #pages}.
 */
@PinnwandTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	private static final List<String> LANGUAGES = List.of("de", "ar");

	private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	/**
	 * More than one page of results, so that paging shows too (one more comes through the
	 * form).
	 */
	private static final int LISTINGS = 21;

	/** A word only this class's listings carry, so the results pages show only them. */
	private final String word = "Rampe" + randomLetters(8);

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient web;

	@Autowired
	private de.pinnwand.accounts.AccountService accounts;

	private String listingId;

	/** The tester answered the first listing; its poster replied. */
	private String conversationId;

	/** Posted through the form by this browser, which may therefore manage it. */
	private String ownListingId;

	/**
	 * Every page type, as a reader reaches it with {@code lang} as the interface
	 * language.
	 */
	private final Map<String, Consumer<String>> pages = new LinkedHashMap<>();

	{
		this.pages.put("home", (lang) -> open("/", lang));
		this.pages.put("search with results", (lang) -> open("/search?q=" + this.word, lang));
		this.pages.put("search by topic with sub-topics",
				(lang) -> open("/search?q=" + this.word + "&topic=housing", lang));
		this.pages.put("search without results", (lang) -> open("/search?q=Nirgendwo" + randomLetters(8), lang));
		this.pages.put("listing", (lang) -> open("/listings/" + this.listingId, lang));
		this.pages.put("listing just posted", (lang) -> open("/listings/" + this.listingId + "?posted", lang));
		this.pages.put("new listing form", (lang) -> open("/listings/new?kind=OFFER", lang));
		this.pages.put("form with errors", (lang) -> {
			open("/listings/new?kind=REQUEST", lang);
			driver().findElement(By.cssSelector("form.listing-form button[type=submit]")).click();
			new WebDriverWait(driver(), Duration.ofSeconds(10))
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[aria-invalid=true]")));
		});
		this.pages.put("page not found", (lang) -> open("/nope", lang));
		this.pages.put("about", (lang) -> open("/about", lang));
		this.pages.put("printable notice", (lang) -> open("/listings/" + this.listingId + "/print", lang));
		this.pages.put("my listings", (lang) -> open("/my/listings", lang));
		this.pages.put("my listing", (lang) -> open("/listings/" + this.ownListingId, lang));
		this.pages.put("edit form", (lang) -> open("/listings/" + this.ownListingId + "/edit", lang));
		this.pages.put("my account", (lang) -> open("/my/account", lang));
		this.pages.put("messages", (lang) -> open("/conversations", lang));
		this.pages.put("answer form", (lang) -> open("/conversations/new?listing=" + this.listingId, lang));
		this.pages.put("conversation", (lang) -> open("/conversations/" + this.conversationId, lang));
		this.pages.put("my notifications", (lang) -> open("/my/notifications", lang));
		this.pages.put("unsubscribe link that is not valid",
				(lang) -> open("/notifications/unsubscribe?token=x", lang));
		this.pages.put("council figures", (lang) -> {
			String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).toString();
			open("/stats?from=" + today + "&to=" + today, lang);
			assertThat(driver().findElements(By.cssSelector("svg.chart[role=img] rect"))).as("bars of both charts")
				.hasSizeGreaterThanOrEqualTo(2);
		});
		this.pages.put("council figures, wrong date", (lang) -> open("/stats?from=gestern", lang));
		this.pages.put("council figures to print", (lang) -> open("/stats/print", lang));
		this.pages.put("impressum", (lang) -> open("/impressum", lang));
		this.pages.put("privacy notice", (lang) -> open("/privacy", lang));
		this.pages.put("accessibility statement", (lang) -> open("/accessibility", lang));
		this.pages.put("accessibility feedback with errors", (lang) -> {
			open("/accessibility", lang);
			driver().findElement(By.id("feedback-message")).sendKeys(" ");
			driver().findElement(By.id("feedback-email")).sendKeys("keine-adresse");
			// The browser's own checks would stop the form before the server's: the
			// server's answer is under test.
			browser.measure("document.querySelector('form.feedback-form').noValidate = true; return 0;");
			driver().findElement(By.cssSelector("form.feedback-form button[type=submit]")).click();
			new WebDriverWait(driver(), Duration.ofSeconds(10))
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[aria-invalid=true]")));
		});
		this.pages.put("accessibility feedback sent", (lang) -> open("/accessibility?sent", lang));
		this.pages.put("accessibility feedback received", (lang) -> open("/moderation/accessibility-feedback", lang));
		this.pages.put("easy to read", (lang) -> open("/easy", lang));
		this.pages.put("text editor", (lang) -> open("/admin/texts/" + lang, lang));
	}

	@BeforeAll
	void postListings() throws InterruptedException {
		for (int i = 0; i < LISTINGS; i++) {
			Map<String, Object> body = TestListings
				.offer(this.word + " Fahrradanhängerkupplungsreparaturwerkstatt " + i);
			if (i % 3 == 1) {
				body = TestListings.with(
						TestListings.with(TestListings.with(body, "kind", "REQUEST"), "textLanguage", "ar"), "title",
						"أحتاج إلى مساعدة في ملء الاستمارات " + this.word);
				body = TestListings.with(body, "description", "أحتاج إلى شخص يساعدني في فهم الرسائل من المكتب.");
			}
			else if (i % 3 == 2) {
				body = TestListings.with(TestListings.with(body, "textLanguage", "uk"), "title",
						"Допомога з переїздом і меблями " + this.word);
				body = TestListings.with(
						TestListings.with(body, "topics",
								List.of("housing", "housing/moving-help", "donations", "donations/furniture")),
						"languages", List.of("uk", "ru", "de"));
			}
			String id = this.web.post()
				.uri("/api/v1/listings")
				.headers(de.pinnwand.TestMembers.bearer("tester"))
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody()
				.get("id")
				.toString();
			if (this.listingId == null) {
				this.listingId = id;
			}
		}
		// The tester is a coordinator, to see the council figures too.
		this.accounts
			.prepare(TestMembers.subject("accessibility-tester"), "Barrierefrei", List.of("de"),
					java.util.Set.of(de.pinnwand.accounts.Role.COORDINATOR))
			.block();
		// ... and a translator, to see the text editor (an admin makes them one, as in
		// production).
		de.pinnwand.accounts.Member admin = this.accounts
			.prepare(TestMembers.subject("accessibility-admin"), "Barrierefrei Admin", List.of("de"),
					java.util.Set.of(de.pinnwand.accounts.Role.ADMIN))
			.block();
		this.accounts
			.grant(admin, this.accounts.bySubject(TestMembers.subject("accessibility-tester")).block().accountId(),
					de.pinnwand.accounts.Role.TRANSLATOR, "accessibility test")
			.block();
		this.ownListingId = postThroughTheForm();
		this.conversationId = (String) this.web.post()
			.uri("/api/v1/conversations")
			.headers(de.pinnwand.TestMembers.bearer("accessibility-tester"))
			.bodyValue(Map.of("listing", this.listingId, "text", "Ist das noch zu haben? https://example.org/info"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		this.web.post()
			.uri("/api/v1/conversations/" + this.conversationId + "/messages")
			.headers(de.pinnwand.TestMembers.bearer("tester"))
			.bodyValue(Map.of("text", "Ja, melden Sie sich gern."))
			.exchange()
			.expectStatus()
			.isCreated();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (searchTotal() < LISTINGS + 1) {
			assertThat(System.nanoTime()).as("all listings searchable within 10 s").isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	private String postThroughTheForm() {
		open("/listings/new?kind=OFFER", "de");
		browser.signInIfAsked("accessibility-tester", "/listings/new");
		driver().findElement(By.id("title")).sendKeys("Fahrräder zu verschenken " + this.word);
		driver().findElement(By.id("description")).sendKeys("Zwei Kinderfahrräder, abzuholen am Wochenende.");
		driver().findElement(By.cssSelector("input[name=topics][value=mobility]")).click();
		driver().findElement(By.id("place")).sendKeys("71634");
		driver().findElement(By.cssSelector("form.listing-form button[type=submit]")).click();
		new WebDriverWait(driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("?posted"));
		return driver().getCurrentUrl().replaceFirst(".*/listings/([^/?]+).*", "$1");
	}

	Stream<Arguments> pagesInLanguages() {
		return this.pages.keySet()
			.stream()
			.flatMap((page) -> LANGUAGES.stream().map((lang) -> Arguments.of(page, lang)));
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("pagesInLanguages")
	void hasNoAccessibilityViolationsAndFitsAPhone(String page, String lang) {
		this.pages.get(page).accept(lang);
		assertThat(driver().findElement(By.tagName("html")).getDomAttribute("lang")).as("interface language")
			.isEqualTo(lang);
		Results axe = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver());
		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(axe.isErrored()).as("axe-core ran: %s", axe.getErrorMessage()).isFalse();
		softly.assertThat(axe.getViolations())
			.as("axe-core violations on %s", driver().getCurrentUrl())
			.withFailMessage(() -> describe(axe.getViolations()))
			.isEmpty();
		List<String> tooWide = browser.elementsWiderThanTheScreen();
		softly.assertThat(browser.viewportWidth())
			.as("viewport width; wider when the page needs zooming out: %s", tooWide)
			.isEqualTo(Browser.WIDTH);
		softly.assertThat(browser.contentWidth())
			.as("page width, more means sideways scrolling: %s", tooWide)
			.isLessThanOrEqualTo(browser.viewportWidth());
		softly.assertAll();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("languages")
	void showsTheSkipLinkOnTheScreenWhenTabbedTo(String lang) {
		open("/", lang);
		new Actions(driver()).sendKeys(Keys.TAB).perform();
		WebElement focused = driver().switchTo().activeElement();
		assertThat(focused.getDomAttribute("href")).as("the first stop of the keyboard").isEqualTo("#main");
		Rectangle box = focused.getRect();
		assertThat(box.getWidth()).as("visible when focused").isGreaterThan(50);
		assertThat(box.getX()).as("on the screen").isGreaterThanOrEqualTo(0);
		assertThat(box.getX() + box.getWidth()).as("on the screen").isLessThanOrEqualTo(Browser.WIDTH);
		assertThat(browser.viewportWidth()).isEqualTo(Browser.WIDTH);
	}

	static Stream<String> languages() {
		return LANGUAGES.stream();
	}

	/** Guards the guard: a page with known faults must fail the same check. */
	@Test
	void findsTheViolationsOfABrokenPage() {
		driver().get("data:text/html;charset=utf-8,<!DOCTYPE html><html><title>x</title><body><main>"
				+ "<p style='color:%23aaa'>pale</p><input type=text><img src=x.png></main></body></html>");
		Results axe = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver());
		assertThat(axe.getViolations()).extracting(Rule::getId)
			.contains("html-has-lang", "color-contrast", "label", "image-alt");
	}

	@Test
	void mirrorsTheSearchPageInArabic() {
		open("/search?q=" + this.word, "ar");
		browser.screenshot(Path.of("target", "screenshots", "search-ar-360.png"));
		assertThat(gapToTheRight(".top", ".brand")).as("the brand starts at the right").isLessThan(40);
		assertThat(gapToTheRight("main", ".hit")).as("results start at the right").isLessThan(60);
		assertThat(gapToTheRight("main", "h1")).as("the heading starts at the right").isLessThan(40);
	}

	/**
	 * How far the text of {@code inner} ends from the right edge of {@code outer}, in CSS
	 * pixels.
	 */
	private long gapToTheRight(String outer, String inner) {
		return ((Number) browser.measure("""
				const range = document.createRange();
				range.selectNodeContents(document.querySelector('%s'));
				return document.querySelector('%s').getBoundingClientRect().right - range.getBoundingClientRect().right;
				""".formatted(inner, outer))).longValue();
	}

	@Test
	void keepsTheSearchPageWithTwentyResultsUnderFourteenKilobytesGzipped() throws IOException {
		byte[] html = this.web.get()
			.uri("/search?q=" + this.word + "&ui=de")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(html).asString().contains("rel=\"next\"");
		assertThat(gzipped(html)).as("gzipped bytes of the first page of 20 results").isLessThan(14 * 1024);
	}

	private void open(String path, String lang) {
		driver().get("http://localhost:" + this.port + path + (path.contains("?") ? "&" : "?") + "ui=" + lang);
	}

	private static WebDriver driver() {
		return browser.driver();
	}

	private long searchTotal() {
		Map<?, ?> page = this.web.get()
			.uri("/api/v1/listings?q=" + this.word)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((Number) page.get("total")).longValue();
	}

	private static String describe(List<Rule> violations) {
		return violations.stream()
			.map((rule) -> String.format(Locale.ROOT, "%s (%s): %s%n%s", rule.getId(), rule.getImpact(), rule.getHelp(),
					rule.getNodes()
						.stream()
						.map((node) -> "    " + node.getTarget() + "  " + node.getHtml())
						.collect(Collectors.joining(System.lineSeparator()))))
			.collect(Collectors.joining(System.lineSeparator(),
					violations.size() + " violation(s):" + System.lineSeparator(), ""));
	}

	private static int gzipped(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		return out.size();
	}

	private static String randomLetters(int count) {
		return ThreadLocalRandom.current()
			.ints(count, 'a', 'z' + 1)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

}
