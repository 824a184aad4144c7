package de.pinnwand.listings.web;

import java.util.List;
import java.util.Map;

import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingKind;
import de.pinnwand.listings.Listings;
import de.pinnwand.listings.TopicTree;
import de.pinnwand.web.Layout;
import de.pinnwand.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The home page: search, the two ways in ('I can help', 'I need help'), topics, and the newest listings.
 * It reads from PostgreSQL, so it works while search is away.
 */
@Controller
class HomePage {

	static final String VIEW = "home/home";

	private static final int NEWEST = 5;

	private final Listings listings;

	private final TopicTree topicTree;

	private final Layout layout;

	private final Messages messages;

	HomePage(Listings listings, TopicTree topicTree, Layout layout, Messages messages) {
		this.listings = listings;
		this.topicTree = topicTree;
		this.layout = layout;
		this.messages = messages;
	}

	/** A short line per listing. */
	record Teaser(String href, String title, String place, String textLanguage) {
	}

	/** A topic to browse by. */
	record Topic(String href, String label) {
	}

	@GetMapping("/")
	Mono<Rendering> home(ServerWebExchange exchange) {
		Mono<List<Teaser>> offers = newest(ListingKind.OFFER);
		Mono<List<Teaser>> requests = newest(ListingKind.REQUEST);
		return Mono.zip(offers, requests).map((newest) -> {
			Map<String, Object> model = this.layout.model(exchange, "home.page-title");
			model.put("accountDeleted", exchange.getRequest().getQueryParams().containsKey("account-deleted"));
			model.put("offers", newest.getT1());
			model.put("requests", newest.getT2());
			model.put("topics", this.topicTree.parents().stream()
				.map((code) -> new Topic("/search?topic=" + code, this.messages.get(exchange, "topic." + code)))
				.toList());
			return Rendering.view(VIEW).model(model).build();
		});
	}

	private Mono<List<Teaser>> newest(ListingKind kind) {
		return this.listings.findNewestPublished(kind.name(), NEWEST).map(HomePage::teaser).collectList();
	}

	private static Teaser teaser(Listing listing) {
		return new Teaser("/listings/" + listing.id(), listing.title(), listing.postcode() + " " + listing.placeName(),
				listing.textLanguage());
	}

}
