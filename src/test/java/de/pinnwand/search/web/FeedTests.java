package de.pinnwand.search.web;

import java.io.StringReader;
import java.util.Map;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import de.pinnwand.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any listing search as an Atom feed, read back with Rome: newest first, entries linking
 * to the listings.
 */
@PinnwandTest
class FeedTests {

	@Autowired
	private WebTestClient web;

	private String post(String title) {
		Map<?, ?> listing = this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer("feed-poster"))
			.bodyValue(TestListings.offer(title))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) listing.get("id");
	}

	private SyndFeed feed(String query) throws Exception {
		String xml = this.web.get()
			.uri("/search.atom?" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("application/atom+xml"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return new SyndFeedInput().build(new StringReader(xml));
	}

	@Test
	void searchFeedListsTheNewestMatchingListingsFirstWithLinksToThem() throws Exception {
		String older = post("Feedtest Kinderwagen Quokka");
		String newer = post("Feedtest Kindersitz Quokka");
		long deadline = System.nanoTime() + 10_000_000_000L;
		SyndFeed feed = feed("q=Quokka");
		while (feed.getEntries().size() < 2 && System.nanoTime() < deadline) {
			Thread.sleep(200);
			feed = feed("q=Quokka");
		}
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(feed.getTitle()).contains("Quokka");
		assertThat(feed.getEntries()).hasSize(2);
		SyndEntry first = feed.getEntries().get(0);
		assertThat(first.getTitle()).isEqualTo("Feedtest Kindersitz Quokka");
		assertThat(first.getLink()).endsWith("/listings/" + newer);
		assertThat(feed.getEntries().get(1).getLink()).endsWith("/listings/" + older);
		assertThat(first.getUri()).isEqualTo("urn:uuid:" + newer);

		this.web.get()
			.uri("/search?q=Quokka")
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("rel=\"alternate\" type=\"application/atom+xml\"")
				.contains("href=\"/search.atom?q"));
		this.web.get().uri("/search.atom?near=Atlantis").exchange().expectStatus().isEqualTo(422);
	}

}
