package de.pinnwand.browser;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import de.pinnwand.TestMembers;
import de.pinnwand.activities.Activity;
import de.pinnwand.organisations.Organisation;
import de.pinnwand.organisations.OrganisationMemberships;
import de.pinnwand.organisations.OrganisationRole;
import de.pinnwand.organisations.OrganisationType;
import de.pinnwand.organisations.Organisations;
import de.pinnwand.web.Messages;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refugee on a 360 × 740 phone, in Arabic and in Persian, searches: the header is
 * small, the first result is on the first screen, the filters are reachable above the
 * results and kept when the place changes, and each active filter is a chip that removes
 * it; every number on the page is written in one kind of digits.
 */
@PinnwandTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneFirstJourneyTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	/**
	 * Arabic-Indic and Persian digits: the pages write Latin digits in every language.
	 */
	private static final Pattern EASTERN_DIGITS = Pattern.compile("[\\u0660-\\u0669\\u06F0-\\u06F9]");

	private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private final String word = "Sprachcafe" + Browser.letters(8);

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient web;

	@Autowired
	private Messages messages;

	@Autowired
	private Organisations organisations;

	@Autowired
	private OrganisationMemberships memberships;

	private String activityId;

	@BeforeAll
	void postListings() throws InterruptedException {
		for (int i = 0; i < 4; i++) {
			Map<String, Object> body = TestListings.offer("تعلم اللغة الألمانية " + this.word + " " + i);
			body.put("textLanguage", "ar");
			body.put("languages", List.of("ar", "fa", "de"));
			body.put("topics", List.of((i % 2 == 0) ? "language-learning" : "leisure"));
			this.web.post()
				.uri("/api/v1/listings")
				.headers(TestMembers.bearer("phone-poster"))
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isCreated();
		}
		// An organisation with a long name (the activity form's select holds it) and one
		// of its activities.
		Instant now = Instant.now();
		UUID organisation = UUID.randomUUID();
		this.organisations
			.save(new Organisation(organisation,
					"Arbeitsgemeinschaft der Begegnungscafés und Nachbarschaftshilfen im Landkreis Ludwigsburg e. V. "
							+ organisation.toString().substring(0, 8),
					OrganisationType.ASSOCIATION, "", List.of("de"), null, "71634", null, null, null, null, null, null,
					null, null, now, now, null))
			.block();
		UUID reader = UUID.fromString((String) this.web.get()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer("phone-reader"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id"));
		this.memberships.put(organisation, reader, OrganisationRole.ADMIN).block();
		LocalDate thursday = LocalDate.now(Activity.ZONE)
			.plusDays(2)
			.with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
		Map<String, Object> activity = new LinkedHashMap<>();
		activity.put("organisation", organisation.toString());
		activity.put("title", "Begegnungscafé Weststadt mit Hausaufgabenhilfe und Spielenachmittag");
		activity.put("description", "Kaffee, Kuchen und Gespräche auf Deutsch, Arabisch und Ukrainisch.");
		activity.put("languages", List.of("de", "ar", "uk"));
		activity.put("place", "71634");
		activity.put("date", thursday.toString());
		activity.put("startTime", "15:00");
		activity.put("endTime", "17:00");
		activity.put("recurrence", "WEEKLY");
		activity.put("repeatUntil", thursday.plusWeeks(4).toString());
		activity.put("capacity", 12);
		this.activityId = String.valueOf(this.web.post()
			.uri("/api/v1/activities")
			.headers(TestMembers.bearer("phone-reader"))
			.bodyValue(activity)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id"));
		this.web.post()
			.uri("/api/v1/activities/" + this.activityId + "/signups")
			.headers(TestMembers.bearer("phone-guest"))
			.bodyValue(Map.of("occurrence", thursday.toString(), "sharedContact", "NONE"))
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (total("/api/v1/listings?q=" + this.word) < 4) {
			assertThat(System.nanoTime()).as("listings searchable within 15 s").isLessThan(deadline);
			Thread.sleep(200);
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "ar", "fa" })
	void findsHelpOnTheFirstScreenAndKeepsTheTopicWhenThePlaceChanges(String lang) {
		Locale locale = Locale.forLanguageTag(lang);
		browser.width(Browser.WIDTH);
		browser.open(this.port, "/search?q=" + this.word + "&topic=language-learning", lang);
		browser.screenshot(Path.of("target", "screenshots", "phone-search-" + lang + "-360.png"));
		assertThat(height(".top")).as("the header's height at 360 px").isLessThanOrEqualTo(120);
		assertThat(top(".hits .hit a")).as("the first result starts on the first screen")
			.isLessThan(Browser.HEIGHT - 40);
		assertThat(top("details.narrow > summary")).as("the filters come before the results")
			.isLessThan(top(".hits .hit"));
		assertThat(driver().findElements(By.cssSelector(".hits .hit"))).as("only the topic's listings").hasSize(2);
		assertThat(EASTERN_DIGITS.matcher(driver().findElement(By.tagName("body")).getText()).find())
			.as("one kind of digits on the page: %s", driver().findElement(By.cssSelector(".summary")).getText())
			.isFalse();
		assertThat(driver().findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");

		// A new place, through the filters: the topic chosen before stays.
		driver().findElement(By.cssSelector("details.narrow > summary")).click();
		WebElement near = driver().findElement(By.id("near"));
		near.sendKeys("71634");
		WebElement radius = driver().findElement(By.id("radiusKm"));
		radius.clear();
		radius.sendKeys("15");
		driver().findElement(By.cssSelector("form[role=search] .search-row button[type=submit]")).click();
		new WebDriverWait(driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("near="));
		assertThat(driver().getCurrentUrl()).contains("topic=language-learning").contains("radiusKm=15");
		assertThat(driver().findElements(By.cssSelector(".hits .hit"))).hasSize(2);

		// Each active filter is a chip; the topic's chip removes the topic and keeps the
		// place.
		List<WebElement> chips = driver().findElements(By.cssSelector(".active-filters a"));
		assertThat(chips).extracting(WebElement::getText)
			.anySatisfy((text) -> assertThat(text).contains(text(locale, "topic.language-learning")))
			.anySatisfy((text) -> assertThat(text).contains("71634"));
		chips.stream()
			.filter((chip) -> chip.getText().contains(text(locale, "topic.language-learning")))
			.findFirst()
			.orElseThrow()
			.click();
		new WebDriverWait(driver(), Duration.ofSeconds(10))
			.until((d) -> !d.getCurrentUrl().contains("topic=") && d.getCurrentUrl().contains("near="));
		assertThat(driver().findElements(By.cssSelector(".hits .hit"))).as("all four again").hasSize(4);
		assertThat(axe().getViolations()).as("axe-core violations").isEmpty();
	}

	/**
	 * Every page type a refugee or volunteer opens, at 320 and at 360 px: nothing wider
	 * than the screen.
	 */
	@ParameterizedTest(name = "{0} px")
	@ValueSource(ints = { 320, 360 })
	void noPageIsWiderThanThePhone(int width) {
		browser.width(width);
		SoftAssertions softly = new SoftAssertions();
		for (String path : List.of("/", "/search?q=" + this.word, "/search?q=" + this.word + "&topic=language-learning",
				"/activities", "/organisations", "/about", "/listings/new?kind=REQUEST", "/my/listings",
				"/activities/new", "/activities/" + this.activityId, "/activities/" + this.activityId + "/signups")) {
			for (String lang : List.of("de", "ar")) {
				browser.open(this.port, path, lang);
				if (path.startsWith("/listings/new") || path.startsWith("/my/") || path.startsWith("/activities/")) {
					browser.signInIfAsked("phone-reader", path.replaceFirst("\\?.*", ""));
				}
				List<String> tooWide = browser.elementsWiderThanTheScreen();
				softly.assertThat(browser.contentWidth())
					.as("width of %s in %s at %d px: %s", path, lang, width, tooWide)
					.isLessThanOrEqualTo(width);
			}
		}
		browser.width(Browser.WIDTH);
		softly.assertAll();
	}

	@Test
	void theMenuOpensWithoutJavaScriptAndHoldsTheLinksAndLanguages() {
		browser.width(Browser.WIDTH);
		browser.open(this.port, "/about", "de");
		WebElement menu = driver().findElement(By.cssSelector("header details.menu"));
		assertThat(menu.findElement(By.cssSelector("nav.languages")).isDisplayed()).isFalse();
		menu.findElement(By.tagName("summary")).click();
		assertThat(menu.findElement(By.cssSelector("nav.languages")).isDisplayed()).isTrue();
		assertThat(menu.findElements(By.cssSelector("a[href='/activities']"))).hasSize(1);
		browser.screenshot(Path.of("target", "screenshots", "phone-menu-de-360.png"));
		assertThat(axe().getViolations()).as("axe-core violations with the menu open").isEmpty();
	}

	private Results axe() {
		return new AxeBuilder().withTags(WCAG_21_AA).analyze(driver());
	}

	private long height(String selector) {
		return ((Number) browser
			.measure("return document.querySelector('" + selector + "').getBoundingClientRect().height")).longValue();
	}

	private long top(String selector) {
		return ((Number) browser
			.measure("return document.querySelector('" + selector + "').getBoundingClientRect().top")).longValue();
	}

	private int total(String uri) {
		Map<?, ?> body = this.web.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((Number) body.get("total")).intValue();
	}

	private String text(Locale locale, String key) {
		return this.messages.get(locale, key);
	}

	private static WebDriver driver() {
		return browser.driver();
	}

}
