package de.pinnwand.browser;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import de.pinnwand.system.Languages;
import de.pinnwand.web.Messages;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A newcomer on a small phone finds help nearby in their language, asks for help, finds
 * the notice on the board again, renews it and marks it fulfilled: real clicks and
 * typing, finding every control by the text a reader sees.
 */
@PinnwandTest
class NoticeBoardJourneyTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	private int port;

	@Autowired
	private Messages messages;

	@Autowired
	private WebTestClient web;

	static Stream<Arguments> newcomers() {
		return Stream.of(
				Arguments.of("de", "Begleitung zum Jobcenter gesucht",
						"Wer kann mich am Dienstag zum Jobcenter begleiten?", "accompaniment", "en",
						"abcdefghijklmnopqrstuvwxyz"),
				Arguments.of("ar", "أبحث عن مساعدة في تعلم اللغة الألمانية",
						"أريد شخصا يتحدث معي بالألمانية مرة في الأسبوع.", "language-learning", "de", "بجدرزسشصطعغقكم"),
				Arguments.of("uk", "Шукаю допомогу з документами",
						"Потрібна допомога із заповненням заяви до відомства.", "counselling", "de",
						"бвгджзклмнпрстфхцчшщ"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("newcomers")
	void asksForHelpAndFindsTheNoticeBySearching(String lang, String title, String description, String topic,
			String otherLanguage, String alphabet) {
		Locale locale = Locale.forLanguageTag(lang);
		String word = randomWord(alphabet);
		String fullTitle = title + " " + word;

		// Someone nearby offers help in the reader's language; the reader finds it first.
		String offerWord = randomWord(alphabet);
		String offerTitle = "Angebot " + offerWord + " " + title;
		Map<String, Object> offer = TestListings.offer(offerTitle);
		offer.put("languages", List.of(lang));
		offer.put("textLanguage", lang);
		offer.put("topics", List.of(topic));
		offer.put("place", "71636");
		this.web.post()
			.uri("/api/v1/listings")
			.headers(de.pinnwand.TestMembers.bearer("tester"))
			.bodyValue(offer)
			.exchange()
			.expectStatus()
			.isCreated();
		driver().get("http://localhost:" + this.port + "/?ui=" + lang);
		WebElement homeSearch = waitFor(By.cssSelector("form[role=search]"));
		field(text(locale, "search.query")).sendKeys(offerWord);
		field(text(locale, "search.near")).sendKeys("71634");
		click(button(homeSearch, text(locale, "search.submit")));
		new WebDriverWait(driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("near="));
		click(awaitFacet(Languages.endonym(lang)));
		new WebDriverWait(driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("lang=" + lang));
		assertThat(awaitHit(offerTitle).isDisplayed()).isTrue();
		assertThat(driver().findElement(By.tagName("html")).getDomAttribute("lang"))
			.as("the language facet filters; it does not switch the interface")
			.isEqualTo(lang);
		driver().get("http://localhost:" + this.port + "/?ui=" + lang);

		click(link(driver().findElement(By.tagName("main")), text(locale, "home.need-help")));
		// Posting needs an account: a visitor signs in at the provider and comes back to
		// the form.
		browser.signInIfAsked("journey-" + lang, "/listings/new");
		WebElement form = waitFor(By.cssSelector("form.listing-form"));
		assertThat(form.findElement(By.cssSelector("input[name=kind][value=REQUEST]")).isSelected())
			.as("the request entry chooses 'I need help'")
			.isTrue();
		field(text(locale, "form.title")).sendKeys(fullTitle);
		field(text(locale, "form.description")).sendKeys(description);
		tick(text(locale, "topic." + topic));
		tick(Languages.endonym(otherLanguage));
		assertThat(checkbox(Languages.endonym(lang)).isSelected()).as("the reader's language is ticked already")
			.isTrue();
		field(text(locale, "form.place")).sendKeys("71634");
		click(button(form, text(locale, "form.submit")));

		new WebDriverWait(driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.urlMatches("/listings/[0-9a-f-]{36}"));
		String detail = driver().getCurrentUrl().replaceFirst("\\?.*", "");
		assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo(fullTitle);
		assertThat(driver().findElement(By.cssSelector("[role=status]")).getText())
			.isEqualTo(text(locale, "listing.posted"));

		openMenu();
		click(link(driver().findElement(By.cssSelector("header nav")), text(locale, "layout.search")));
		WebElement searchForm = waitFor(By.cssSelector("form[role=search]"));
		field(text(locale, "search.query")).sendKeys(word);
		click(button(searchForm, text(locale, "search.submit")));
		new WebDriverWait(driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("q="));
		WebElement hit = awaitHit(fullTitle);
		click(hit);
		new WebDriverWait(driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(detail));
		assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo(fullTitle);

		// Later: renew it, then mark it fulfilled, from 'my listings'.
		openMenu();
		click(link(driver().findElement(By.cssSelector("header nav")), text(locale, "layout.mine")));
		click(button(mine(fullTitle), text(locale, "mine.renew")));
		new WebDriverWait(driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("done=renewed"));
		assertThat(waitFor(By.cssSelector("[role=status]")).getText()).isEqualTo(text(locale, "mine.done.renewed"));
		// Ending it is asked once more: the first tap only opens the question.
		click(only(mine(fullTitle).findElements(By.tagName("summary")), text(locale, "mine.fulfil"), "summary"));
		click(button(mine(fullTitle), text(locale, "mine.confirm.fulfil-yes")));
		new WebDriverWait(driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("done=fulfilled"));
		assertThat(waitFor(By.cssSelector("[role=status]")).getText()).isEqualTo(text(locale, "mine.done.fulfilled"));
		assertThat(mine(fullTitle).getText()).contains(text(locale, "status.fulfilled"));
	}

	/** A facet value appears once the offer is indexed; until then the reader reloads. */
	private WebElement awaitFacet(String label) {
		long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
		while (true) {
			// On a phone the facets wait behind "Eingrenzen", above the results: the
			// reader opens it.
			WebElement narrow = waitFor(By.cssSelector("details.narrow"));
			if (narrow.getDomAttribute("open") == null) {
				click(narrow.findElement(By.tagName("summary")));
			}
			List<WebElement> links = waitFor(By.cssSelector("aside.facets")).findElements(By.tagName("a"))
				.stream()
				.filter((link) -> link.getText().strip().equals(label))
				.toList();
			if (!links.isEmpty()) {
				return links.get(0);
			}
			if (System.nanoTime() > deadline) {
				return fail("No facet '%s' on %s", label, driver().getCurrentUrl());
			}
			sleep(500);
			driver().navigate().refresh();
		}
	}

	/** The header's menu holds the links; on a phone it opens with a tap. */
	private static void openMenu() {
		WebElement menu = waitFor(By.cssSelector("header details.menu"));
		if (menu.getDomAttribute("open") == null) {
			click(menu.findElement(By.tagName("summary")));
		}
	}

	/** The entry of 'my listings' with this title. */
	private WebElement mine(String title) {
		return only(waitFor(By.cssSelector("ul.mine")).findElements(By.cssSelector("li.mine-item"))
			.stream()
			.filter((item) -> item.getText().contains(title))
			.toList(), null, "entry for " + title);
	}

	/**
	 * The index refreshes every second; a reader who does not see it yet reloads the
	 * page.
	 */
	private WebElement awaitHit(String title) {
		long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
		while (true) {
			waitFor(By.cssSelector("form[role=search]"));
			for (WebElement link : driver().findElements(By.cssSelector(".hits a"))) {
				if (link.getText().equals(title)) {
					return link;
				}
			}
			if (System.nanoTime() > deadline) {
				return fail("'%s' not among the results of %s: %s", title, driver().getCurrentUrl(),
						driver().findElements(By.cssSelector(".hits a")).stream().map(WebElement::getText).toList());
			}
			sleep(500);
			driver().navigate().refresh();
		}
	}

	private String text(Locale locale, String key) {
		return this.messages.get(locale, key);
	}

	/** The form control a label with exactly this text names. */
	private WebElement field(String label) {
		WebElement found = only(driver().findElements(By.tagName("label")), label, "label");
		return driver().findElement(By.id(found.getDomAttribute("for")));
	}

	private WebElement checkbox(String label) {
		return only(driver().findElements(By.cssSelector("label.choice")), label, "choice")
			.findElement(By.cssSelector("input[type=checkbox]"));
	}

	/** Taps a checkbox's label, as a thumb does, and checks that it took. */
	private void tick(String label) {
		click(only(driver().findElements(By.cssSelector("label.choice")), label, "choice"));
		assertThat(checkbox(label).isSelected()).as("'%s' ticked", label).isTrue();
	}

	private static WebElement link(SearchContext within, String text) {
		return only(within.findElements(By.tagName("a")), text, "link");
	}

	private static WebElement button(SearchContext within, String text) {
		return only(within.findElements(By.tagName("button")), text, "button");
	}

	private static WebElement only(List<WebElement> candidates, String text, String what) {
		List<WebElement> matching = candidates.stream()
			.filter((e) -> text == null || e.getText().strip().equals(text))
			.toList();
		assertThat(matching)
			.as("one %s saying '%s' among %s", what, text, candidates.stream().map(WebElement::getText).toList())
			.hasSize(1);
		return matching.get(0);
	}

	private static void click(WebElement element) {
		new WebDriverWait(driver(), Duration.ofSeconds(5)).until(ExpectedConditions.elementToBeClickable(element))
			.click();
	}

	private static WebElement waitFor(By locator) {
		return new WebDriverWait(driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(locator));
	}

	private static WebDriver driver() {
		return browser.driver();
	}

	private static String randomWord(String alphabet) {
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < 9; i++) {
			word.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
		}
		return word.toString();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
