package de.pinnwand.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.deque.html.axecore.selenium.AxeBuilder;
import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import de.pinnwand.TestMembers;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.system.Languages;
import de.pinnwand.web.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Posting and ending listings on a 360 × 740 phone. A refugee in Arabic and in Persian
 * signs in from the page they are on and comes back to it, finds their own languages
 * ticked, switches the interface language and then loses the session while typing, and
 * keeps every word; going back and sending again stores one listing. A volunteer in
 * German ends a listing only after confirming it, opens it again, and a visitor's old
 * link to an ended listing answers 410 with similar help.
 */
@PinnwandTest
class PostingJourneyTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	private static final Pattern EASTERN_DIGITS = Pattern.compile("[\\u0660-\\u0669\\u06F0-\\u06F9]");

	private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient web;

	@Autowired
	private Messages messages;

	@Autowired
	private AccountService accounts;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "ar", "fa" })
	void keepsEveryWordAcrossALanguageSwitchAndAnExpiredSessionAndPostsOnce(String lang) {
		Locale locale = Locale.forLanguageTag(lang);
		String word = Browser.letters(10);
		String user = "posting-" + lang + "-" + word;
		this.accounts.prepare(TestMembers.subject(user), "Refugee " + lang, List.of(lang, "tr"), Set.of()).block();
		signOut();

		// Signing in from the header comes back to the page the person was on.
		browser.open(this.port, "/search?q=" + word, lang);
		browser.openMenu();
		driver().findElement(By.cssSelector("header nav a[href^='/oauth2/authorization/']")).click();
		browser.signInIfAsked(user, "/search");
		assertThat(driver().getCurrentUrl()).contains("/search?q=" + word);

		browser.open(this.port, "/listings/new?kind=REQUEST", lang);
		new WebDriverWait(driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("title")));
		assertThat(checkbox(lang).isSelected()).as("the interface language is ticked").isTrue();
		assertThat(checkbox("tr").isSelected()).as("the profile's other language is ticked too").isTrue();
		String title = "أحتاج مساعدة في الرسائل " + word;
		String description = "رسالة من مكتب العمل لا أفهمها، من يساعدني؟ الموعد 14:30.";
		driver().findElement(By.id("title")).sendKeys(title);
		driver().findElement(By.id("description")).sendKeys(description);

		// Another interface language on the filled form: the text stays.
		browser.openMenu();
		driver().findElement(By.cssSelector("header nav.languages button[lang=en]")).click();
		awaitLanguage("en");
		assertThat(driver().findElement(By.id("title")).getDomProperty("value")).isEqualTo(title);
		assertThat(driver().findElement(By.id("description")).getDomProperty("value")).isEqualTo(description);
		assertThat(driver().findElements(By.cssSelector("[aria-invalid=true]"))).as("no errors for a switch").isEmpty();
		browser.openMenu();
		driver().findElement(By.cssSelector("header nav.languages button[lang=" + lang + "]")).click();
		awaitLanguage(lang);
		assertThat(driver().findElement(By.id("title")).getDomProperty("value")).isEqualTo(title);
		browser.screenshot(Path.of("target", "screenshots", "posting-form-" + lang + "-360.png"));
		assertThat(new AxeBuilder().withTags(WCAG_21_AA).analyze(driver()).getViolations()).as("axe-core on the form")
			.isEmpty();

		// The session runs out while the person types on; sending goes through sign-in
		// and back to the form.
		driver().findElement(By.cssSelector("input[name=topics][value=counselling]")).click();
		driver().findElement(By.id("place")).sendKeys("71634");
		driver().manage().deleteCookieNamed("SESSION");
		driver().findElement(By.cssSelector("form.listing-form button[type=submit]")).click();
		browser.signInIfAsked(user, "/listings/new");
		new WebDriverWait(driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("title")));
		assertThat(driver().findElement(By.cssSelector("[role=status]")).getText())
			.isEqualTo(text(locale, "form.kept"));
		assertThat(driver().findElement(By.id("title")).getDomProperty("value")).isEqualTo(title);
		assertThat(driver().findElement(By.id("description")).getDomProperty("value")).isEqualTo(description);
		assertThat(driver().findElement(By.id("place")).getDomProperty("value")).isEqualTo("71634");

		driver().findElement(By.cssSelector("form.listing-form button[type=submit]")).click();
		new WebDriverWait(driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("?posted"));
		String posted = driver().getCurrentUrl().replaceFirst("\\?.*", "");
		assertThat(EASTERN_DIGITS.matcher(driver().findElement(By.tagName("body")).getText()).find())
			.as("one kind of digits on the listing's page")
			.isFalse();

		// Back to the form and sending it again shows the stored listing; no copy.
		driver().navigate().back();
		new WebDriverWait(driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("title")));
		if (driver().findElement(By.id("title")).getDomProperty("value").isEmpty()) {
			driver().findElement(By.id("title")).sendKeys(title);
			driver().findElement(By.id("description")).sendKeys(description);
			driver().findElement(By.id("place")).sendKeys("71634");
		}
		driver().findElement(By.cssSelector("form.listing-form button[type=submit]")).click();
		new WebDriverWait(driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.urlMatches("/listings/[0-9a-f-]{36}"));
		assertThat(driver().getCurrentUrl().replaceFirst("\\?.*", "")).isEqualTo(posted);
		assertThat(this.web.get()
			.uri("/api/v1/me/listings")
			.headers(TestMembers.bearer(user))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody()).hasSize(1);
	}

	@Test
	void aVolunteerConfirmsTheEndOpensItAgainAndVisitorsOfAnEndedListingFindSimilarHelp() {
		Locale german = Locale.GERMAN;
		String word = Browser.letters(10);
		String user = "volunteer-" + word;
		String similarTitle = "Fahrradreparatur im Hof " + word;
		Map<String, Object> similar = TestListings.offer(similarTitle);
		this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer("volunteer-neighbour"))
			.bodyValue(similar)
			.exchange()
			.expectStatus()
			.isCreated();
		String id = (String) this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer(user))
			.bodyValue(TestListings.offer("Ich repariere Fahrräder " + word))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		signOut();
		browser.open(this.port, "/my/listings", "de");
		browser.signInIfAsked(user, "/my/listings");
		WebElement entry = driver().findElement(By.id("listing-" + id));
		assertThat(entry.getText()).contains(text(german, "listing.expires"));

		WebElement fulfil = entry.findElements(By.tagName("summary"))
			.stream()
			.filter((summary) -> summary.getText().equals(text(german, "mine.fulfil")))
			.findFirst()
			.orElseThrow();
		assertThat(entry
			.findElements(By.xpath(".//button[normalize-space()='" + text(german, "mine.confirm.fulfil-yes") + "']"))
			.get(0)
			.isDisplayed()).as("the confirmation waits behind the first tap").isFalse();
		fulfil.click();
		browser.screenshot(Path.of("target", "screenshots", "mine-confirm-de-360.png"));
		assertThat(new AxeBuilder().withTags(WCAG_21_AA).analyze(driver()).getViolations()).as("axe-core").isEmpty();
		entry.findElement(By.xpath(".//button[normalize-space()='" + text(german, "mine.confirm.fulfil-yes") + "']"))
			.click();
		new WebDriverWait(driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("done=fulfilled"));
		entry = driver().findElement(By.id("listing-" + id));
		assertThat(entry.getText()).contains(text(german, "status.fulfilled"))
			.doesNotContain(text(german, "listing.expires"));

		// The owner still sees it, with its status; a visitor's link answers 410 with
		// open listings like it.
		browser.open(this.port, "/listings/" + id, "de");
		assertThat(driver().findElement(By.tagName("h1")).getText()).contains(word);
		assertThat(driver().findElement(By.tagName("main")).getText())
			.contains(this.messages.get(german, "listing.only-you", text(german, "status.fulfilled")))
			.doesNotContain(text(german, "listing.expires"));
		awaitIndexed(similarTitle);
		this.web.get()
			.uri("/listings/" + id + "?ui=de")
			.exchange()
			.expectStatus()
			.isEqualTo(410)
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains(text(german, "gone.title")).contains(similarTitle));

		// Undo: opened again, it is public again.
		browser.open(this.port, "/my/listings", "de");
		driver().findElement(By.id("listing-" + id))
			.findElement(By.xpath(".//button[normalize-space()='" + text(german, "mine.reopen") + "']"))
			.click();
		new WebDriverWait(driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("done=reopened"));
		assertThat(driver().findElement(By.cssSelector("[role=status]")).getText())
			.isEqualTo(text(german, "mine.done.reopened"));
		this.web.get().uri("/listings/" + id).exchange().expectStatus().isOk();
		assertThat(browser.contentWidth()).isLessThanOrEqualTo(Browser.WIDTH);
	}

	/**
	 * Waits for the page in that language; the old page's elements go stale as the new
	 * one loads.
	 */
	private static void awaitLanguage(String lang) {
		new WebDriverWait(driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until((d) -> lang.equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
	}

	private void awaitIndexed(String title) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (true) {
			Map<?, ?> page = this.web.get()
				.uri((uri) -> uri.path("/api/v1/listings").queryParam("q", title).build())
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			if (((Number) page.get("total")).longValue() > 0) {
				return;
			}
			assertThat(System.nanoTime()).as("'%s' searchable within 15 s", title).isLessThan(deadline);
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private WebElement checkbox(String language) {
		return driver().findElements(By.cssSelector("label.choice"))
			.stream()
			.filter((label) -> label.getText().strip().equals(Languages.endonym(language)))
			.findFirst()
			.orElseThrow()
			.findElement(By.cssSelector("input[type=checkbox]"));
	}

	/**
	 * Ends an earlier test's sign-in, at the portal and at the provider, so the next
	 * person signs in as themselves.
	 */
	private void signOut() {
		browser.open(this.port, "/about", "de");
		if (!driver().findElements(By.cssSelector("form.signout")).isEmpty()) {
			browser.openMenu();
			driver().findElement(By.cssSelector("form.signout button")).click();
			new WebDriverWait(driver(), Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("signed-out"));
		}
	}

	private String text(Locale locale, String key) {
		return this.messages.get(locale, key);
	}

	private static WebDriver driver() {
		return browser.driver();
	}

}
