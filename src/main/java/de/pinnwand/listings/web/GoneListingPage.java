package de.pinnwand.listings.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingNotFound;
import de.pinnwand.listings.ListingService;
import de.pinnwand.listings.SimilarListings;
import de.pinnwand.web.Layout;
import de.pinnwand.web.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The answer to a link to a listing that ended (fulfilled, withdrawn, expired):
 * {@code 410 Gone} with open listings of the same kind and topic, so a visitor from a
 * shared link or a printed notice finds help anyway. A listing that never was public
 * (waiting for review, refused) stays a plain 404: its existence is nobody's business but
 * its poster's.
 */
@Component
class GoneListingPage {

	static final String VIEW = "listings/gone";

	private static final int SIMILAR = 5;

	private final ListingService listings;

	private final SimilarListings similar;

	private final Layout layout;

	private final Messages messages;

	private final Clock clock;

	GoneListingPage(ListingService listings, SimilarListings similar, Layout layout, Messages messages, Clock clock) {
		this.listings = listings;
		this.similar = similar;
		this.layout = layout;
		this.messages = messages;
		this.clock = clock;
	}

	/** An open listing like the one that ended, as the page links it. */
	record Similar(String href, String title, String textLanguage, String place) {
	}

	/**
	 * The 410 page when the listing ended; otherwise the not-found error the detail page
	 * had.
	 */
	Mono<Rendering> orNotFound(UUID id, ServerWebExchange exchange) {
		return this.listings.find(id)
			.filter(this::ended)
			.switchIfEmpty(Mono.error(() -> new ListingNotFound(id)))
			.flatMap((listing) -> this.similar.openLike(listing, SIMILAR)
				.map((found) -> page(listing,
						found.stream()
							.map((each) -> new Similar("/listings/" + each.listingId(), each.title(),
									each.textLanguage(), each.place()))
							.toList(),
						exchange)));
	}

	private boolean ended(Listing listing) {
		return switch (listing.status()) {
			case FULFILLED, WITHDRAWN, EXPIRED -> true;
			case PUBLISHED -> !listing.isPublic(this.clock.instant());
			default -> false;
		};
	}

	/** The main topics of a listing, for the link to search on. */
	private static List<String> topLevel(List<String> topics) {
		return topics.stream()
			.map((topic) -> topic.contains("/") ? topic.substring(0, topic.indexOf('/')) : topic)
			.distinct()
			.toList();
	}

	private Rendering page(Listing listing, List<Similar> similar, ServerWebExchange exchange) {
		Locale locale = Messages.localeOf(exchange);
		Map<String, Object> model = this.layout.model(exchange, "gone.title");
		model.put("similar", similar);
		model.put("hasSimilar", !similar.isEmpty());
		UriComponentsBuilder more = UriComponentsBuilder.fromPath("/search")
			.queryParam("kind", listing.kind().name().toLowerCase(Locale.ROOT));
		topLevel(listing.topics()).forEach((topic) -> more.queryParam("topic", topic));
		model.put("searchHref", more.encode().build().toUriString());
		model.put("kindLabel", this.messages.get(locale, "kind." + listing.kind().name().toLowerCase(Locale.ROOT)));
		return Rendering.view(VIEW).model(model).status(HttpStatus.GONE).build();
	}

}
