package de.pinnwand.browser;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import de.pinnwand.TestMembers;
import de.pinnwand.web.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
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
 * Two people in two browsers: a refugee answers a volunteer's offer in Arabic, the
 * volunteer replies in German, both read the conversation, neither sees the other's
 * e-mail address until the volunteer shows his, and the volunteer marks the offer
 * fulfilled. Every control is found by the text its reader sees.
 */
@PinnwandTest
class ConversationJourneyTests {

	@RegisterExtension
	static final Browser refugee = new Browser();

	@RegisterExtension
	static final Browser volunteer = new Browser();

	private static final Locale ARABIC = Locale.forLanguageTag("ar");

	private static final Locale GERMAN = Locale.GERMAN;

	@LocalServerPort
	private int port;

	@Autowired
	private Messages messages;

	@Autowired
	private WebTestClient web;

	@Test
	void aRefugeeAnswersAnOfferAndTheVolunteerRepliesWithoutEitherExposingAnything() {
		String word = UUID.randomUUID().toString().substring(0, 8);
		String volunteerName = "reise-jonas-" + word;
		String refugeeName = "reise-amal-" + word;
		this.web.put()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer(volunteerName))
			.bodyValue(Map.of("displayName", "Jonas " + word, "languages", List.of("de", "en"), "contactEmail",
					"jonas-" + word + "@example.org", "emailNotifications", "IMMEDIATELY", "interfaceLanguage", "de"))
			.exchange()
			.expectStatus()
			.isOk();
		this.web.put()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer(refugeeName))
			.bodyValue(Map.of("displayName", "Amal " + word, "languages", List.of("ar", "de"), "contactEmail",
					"amal-" + word + "@example.org", "emailNotifications", "DAILY", "interfaceLanguage", "ar"))
			.exchange()
			.expectStatus()
			.isOk();
		String title = "Begleitung zur Ausländerbehörde " + word;
		String listing = this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer(volunteerName))
			.bodyValue(TestListings.offer(title))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();

		// The refugee answers from the listing's page, signing in on the way.
		WebDriver amal = refugee.driver();
		amal.get(url("/listings/" + listing + "?ui=ar"));
		click(link(amal, main(amal), text(ARABIC, "listing.answer")));
		refugee.signInIfAsked(refugeeName, "/conversations/new");
		String question = "مرحبا، هل يمكنك مرافقتي يوم الثلاثاء؟";
		field(amal, text(ARABIC, "conversations.your-message")).sendKeys(question);
		click(button(amal, main(amal), text(ARABIC, "conversations.send")));
		new WebDriverWait(amal, Duration.ofSeconds(10))
			.until(ExpectedConditions.urlMatches("/conversations/[0-9a-f-]{36}"));
		String conversation = amal.getCurrentUrl().replaceFirst("[?#].*", "");
		assertThat(messagesOn(amal)).containsExactly(question);
		assertThat(amal.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");

		// The volunteer sees an unread message in the header, reads it and replies.
		WebDriver jonas = volunteer.driver();
		jonas.get(url("/my/account?ui=de"));
		volunteer.signInIfAsked(volunteerName, "/my/account");
		// The menu's button shows the unread count too; the menu holds the link.
		assertThat(jonas.findElement(By.cssSelector("header details.menu summary")).getText())
			.contains(this.messages.get(GERMAN, "conversations.unread", 1));
		click(jonas.findElement(By.cssSelector("header details.menu summary")));
		WebElement inbox = link(jonas, jonas.findElement(By.cssSelector("header nav")),
				text(GERMAN, "layout.conversations") + " " + this.messages.get(GERMAN, "conversations.unread", 1));
		click(inbox);
		click(link(jonas, main(jonas), title));
		assertThat(messagesOn(jonas)).containsExactly(question);
		assertThat(jonas.getPageSource()).doesNotContain("amal-" + word + "@example.org");
		String reply = "Gern! Dienstag um 9 Uhr am Rathaus?";
		field(jonas, text(GERMAN, "conversations.reply")).sendKeys(reply);
		click(button(jonas, main(jonas), text(GERMAN, "conversations.send")));
		new WebDriverWait(jonas, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until((d) -> messagesOn(d).size() == 2);

		amal.get(conversation);
		assertThat(messagesOn(amal)).containsExactly(question, reply);
		assertThat(amal.getPageSource()).doesNotContain("jonas-" + word + "@example.org");

		// He shows his e-mail address; only then does she see it. Hers stays hidden.
		click(button(jonas, main(jonas), text(GERMAN, "conversations.show-email")));
		new WebDriverWait(jonas, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("done=shown"));
		amal.navigate().refresh();
		assertThat(amal.findElements(By.cssSelector(".contact a[href^='mailto:']"))).extracting(WebElement::getText)
			.containsExactly("jonas-" + word + "@example.org");
		assertThat(jonas.getPageSource()).doesNotContain("amal-" + word + "@example.org");

		// The help was found: he marks the offer fulfilled from the conversation.
		click(button(jonas, main(jonas), text(GERMAN, "conversations.mark-fulfilled")));
		new WebDriverWait(jonas, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("done=fulfilled"));
		assertThat(jonas.findElement(By.cssSelector("[role=status]")).getText())
			.isEqualTo(text(GERMAN, "conversations.done.fulfilled"));
		this.web.get().uri("/api/v1/listings/" + listing).exchange().expectStatus().isNotFound();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private String text(Locale locale, String key) {
		return this.messages.get(locale, key);
	}

	private static List<String> messagesOn(WebDriver driver) {
		return driver.findElements(By.cssSelector("ol.messages li .body")).stream().map(WebElement::getText).toList();
	}

	private static WebElement main(WebDriver driver) {
		return new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
	}

	private static WebElement field(WebDriver driver, String label) {
		WebElement found = only(driver.findElements(By.tagName("label")), label, "label");
		return driver.findElement(By.id(found.getDomAttribute("for")));
	}

	private static WebElement link(WebDriver driver, SearchContext within, String text) {
		return only(within.findElements(By.tagName("a")), text, "link");
	}

	private static WebElement button(WebDriver driver, SearchContext within, String text) {
		return only(within.findElements(By.tagName("button")), text, "button");
	}

	private static WebElement only(List<WebElement> candidates, String text, String what) {
		List<WebElement> matching = candidates.stream()
			.filter((element) -> element.getText().strip().equals(text))
			.toList();
		assertThat(matching)
			.as("exactly one %s '%s' among %s", what, text, candidates.stream().map(WebElement::getText).toList())
			.hasSize(1);
		return matching.get(0);
	}

	private static void click(WebElement element) {
		element.click();
	}

}
