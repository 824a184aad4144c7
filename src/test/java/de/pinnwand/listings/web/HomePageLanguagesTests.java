package de.pinnwand.listings.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import de.pinnwand.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The home page's newest listings put those in the reader's languages first. */
@PinnwandTest
class HomePageLanguagesTests {

	@Autowired
	private WebTestClient web;

	@Test
	void theArabicHomePageShowsAnArabicOfferBeforeNewerUkrainianOnes() {
		String word = UUID.randomUUID().toString().substring(0, 8);
		String arabic = "دروس في اللغة الألمانية " + word;
		post(arabic, List.of("ar", "de"), "ar");
		for (int i = 0; i < 6; i++) {
			post("Допомога з переїздом " + word + " " + i, List.of("uk"), "uk");
		}
		assertThat(firstOffer("/?ui=ar")).isEqualTo(arabic);
		assertThat(firstOffer("/?ui=uk")).startsWith("Допомога з переїздом " + word);
	}

	@Test
	void aMembersProfileLanguagesCountToo() {
		String word = UUID.randomUUID().toString().substring(0, 8);
		String turkish = "Türkçe ev işleri yardımı " + word;
		post(turkish, List.of("tr"), "tr");
		for (int i = 0; i < 6; i++) {
			post("Umzugshilfe " + word + " " + i, List.of("uk"), "de");
		}
		String session = TestMembers.signIn(this.web, "home-reader-" + word);
		this.web.put()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer("home-reader-" + word))
			.bodyValue(Map.of("displayName", "Leser", "languages", List.of("tr")))
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
		String html = this.web.get()
			.uri("/?ui=de")
			.cookie("SESSION", session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(offers(html).get(0)).isEqualTo(turkish);
	}

	private void post(String title, List<String> languages, String textLanguage) {
		Map<String, Object> body = TestListings.offer(title);
		body.put("languages", languages);
		body.put("textLanguage", textLanguage);
		this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer("home-poster"))
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private String firstOffer(String uri) {
		return offers(this.web.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).get(0);
	}

	/** The titles of the newest offers, in the order the page shows them. */
	private static List<String> offers(String html) {
		String section = html.substring(html.indexOf("id=\"offers-heading\""), html.indexOf("id=\"requests-heading\""));
		return Pattern.compile("dir=\"auto\">([^<]+)</a>")
			.matcher(section)
			.results()
			.map((match) -> match.group(1))
			.toList();
	}

}
