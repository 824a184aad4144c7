package de.pinnwand.search.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search page stays light for cheap phones on slow networks: with 20 results at most
 * 14 KB of gzipped HTML, at most 40 KB with its stylesheet and script, and nothing from
 * other hosts.
 */
@PinnwandTest
class SearchPageWeightTests {

	@Autowired
	private WebTestClient web;

	private static int gzipped(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		return out.size();
	}

	private byte[] get(String path) {
		return this.web.get().uri(path).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
	}

	@Test
	void keepsTheSearchPageWithTwentyResultsUnderBudget() throws Exception {
		String description = "Wir suchen Unterstützung beim Umzug in die neue Wohnung in der Anschlussunterbringung. "
				+ "Es geht um Kisten, ein Regal und zwei Betten. Bitte mit Auto oder Transporter, gern am Wochenende.";
		for (int i = 0; i < 22; i++) {
			Map<String, Object> listing = TestListings.with(
					TestListings.with(TestListings.offer("Gewichtstest Umzug Nummer " + i), "description", description),
					"topics", List.of("housing", "mobility", "donations"));
			this.web.post()
				.uri("/api/v1/listings")
				.headers(de.pinnwand.TestMembers.bearer("tester"))
				.bodyValue(listing)
				.exchange()
				.expectStatus()
				.isCreated();
		}
		long start = System.nanoTime();
		while (true) {
			String html = new String(get("/search?q=Gewichtstest"), StandardCharsets.UTF_8);
			if (html.split("class=\"hit\"", -1).length - 1 >= 20) {
				break;
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
			Thread.sleep(200);
		}
		byte[] html = get("/search?q=Gewichtstest&ui=ar");
		String page = new String(html, StandardCharsets.UTF_8);
		assertThat(page.split("class=\"hit\"", -1).length - 1).isEqualTo(20);
		assertThat(page).doesNotContainPattern("(src|href)=\"(https?:)?//");

		int htmlSize = gzipped(html);
		int total = htmlSize + gzipped(get("/css/pinnwand.css")) + gzipped(get("/js/places.js"));
		System.out.printf("Search page with 20 results: %d bytes of HTML gzipped, %d bytes with CSS and script%n",
				htmlSize, total);
		assertThat(htmlSize).isLessThanOrEqualTo(14 * 1024);
		assertThat(total).isLessThanOrEqualTo(40 * 1024);
	}

}
