package de.pinnwand.search.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import de.pinnwand.listings.InvalidListing;
import de.pinnwand.search.ListingDocument;
import de.pinnwand.search.ListingSearch;
import de.pinnwand.search.SearchParameters;
import de.pinnwand.search.SearchResult;
import de.pinnwand.system.CleanText;
import de.pinnwand.system.PublicAddress;
import de.pinnwand.web.Messages;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * {@code GET /search.atom?…}: any listing search as an Atom feed to subscribe to, with
 * the parameters of {@code /search}, newest first. Entries link to the listings' pages.
 */
@RestController
class SearchFeed {

	static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	static final int ENTRIES = 50;

	private final ListingSearch search;

	private final SearchParameters parameters;

	private final Messages messages;

	private final PublicAddress publicAddress;

	SearchFeed(ListingSearch search, SearchParameters parameters, Messages messages, PublicAddress publicAddress) {
		this.search = search;
		this.parameters = parameters;
		this.messages = messages;
		this.publicAddress = publicAddress;
	}

	@GetMapping("/search.atom")
	Mono<ResponseEntity<String>> feed(ServerWebExchange exchange) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>(exchange.getRequest().getQueryParams());
		// A feed reader wants what is new, not the best match of a moment ago.
		params.set("sort", "newest");
		params.set("page", "1");
		params.set("size", Integer.toString(ENTRIES));
		params.remove("after");
		SearchParameters.Parsed parsed = this.parameters.parse(params);
		if (!parsed.problems().isEmpty()) {
			return Mono.error(new InvalidListing(parsed.problems()));
		}
		String base = this.publicAddress.base(exchange);
		String query = exchange.getRequest().getURI().getRawQuery();
		String text = CleanText.forOutput(parsed.query().text());
		String title = text.isEmpty() ? this.messages.get(exchange, "feed.search.title")
				: this.messages.get(exchange, "feed.search.title-for", text);
		return this.search.search(parsed.query())
			.map((result) -> ResponseEntity.ok()
				.contentType(ATOM)
				.body(atom(result, title, base, (query != null) ? "?" + query : "")));
	}

	private String atom(SearchResult result, String title, String base, String query) {
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType("atom_1.0");
		feed.setTitle(CleanText.forOutput(title));
		feed.setUri(base + "/search.atom" + query);
		feed.setLink(base + "/search" + query);
		feed.setLinks(List.of(link(base + "/search" + query, "alternate", "text/html"),
				link(base + "/search.atom" + query, "self", "application/atom+xml")));
		List<SyndEntry> entries = new ArrayList<>();
		long newest = 0;
		for (SearchResult.Hit hit : result.items()) {
			ListingDocument listing = hit.listing();
			SyndEntry entry = new SyndEntryImpl();
			entry.setUri("urn:uuid:" + listing.id());
			// Rows stored before the door checked their text may hold what XML cannot
			// carry.
			entry.setTitle(CleanText.forOutput(listing.title()));
			entry.setLink(base + "/listings/" + listing.id());
			entry.setPublishedDate(Date.from(Instant.ofEpochMilli(listing.createdAt())));
			entry.setUpdatedDate(Date.from(Instant.ofEpochMilli(listing.createdAt())));
			SyndContent summary = new SyndContentImpl();
			summary.setType("text");
			summary.setValue(CleanText
				.forOutput(listing.description() + " — " + listing.postcode() + " " + listing.placeName()));
			entry.setDescription(summary);
			entry.setAuthor("Pinnwand");
			entries.add(entry);
			newest = Math.max(newest, listing.createdAt());
		}
		feed.setEntries(entries);
		feed.setPublishedDate(Date.from((newest > 0) ? Instant.ofEpochMilli(newest) : Instant.EPOCH));
		try {
			return new SyndFeedOutput().outputString(feed);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Atom feed not written", ex);
		}
	}

	private static SyndLink link(String href, String rel, String type) {
		SyndLink link = new SyndLinkImpl();
		link.setHref(href);
		link.setRel(rel);
		link.setType(type);
		return link;
	}

}
