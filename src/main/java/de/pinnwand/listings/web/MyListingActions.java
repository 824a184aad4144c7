package de.pinnwand.listings.web;

import java.util.UUID;
import java.util.function.BiFunction;

import de.pinnwand.accounts.Members;
import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingIds;
import de.pinnwand.listings.ListingReopening;
import de.pinnwand.listings.ListingService;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What a poster does with a listing from 'my listings': renew it, mark it fulfilled,
 * withdraw it, and open it again (undo). Fulfilling and withdrawing are confirmed first
 * on the page (a details box with the real button).
 */
@Controller
class MyListingActions {

	private final ListingService listings;

	private final ListingReopening reopening;

	private final Members members;

	MyListingActions(ListingService listings, ListingReopening reopening, Members members) {
		this.listings = listings;
		this.reopening = reopening;
		this.members = members;
	}

	@PostMapping("/listings/{id}/renewal")
	Mono<Rendering> renew(@PathVariable String id, ServerWebExchange exchange) {
		return act(id, exchange, this.listings::renew, "renewed");
	}

	@PostMapping("/listings/{id}/fulfilment")
	Mono<Rendering> fulfil(@PathVariable String id, ServerWebExchange exchange) {
		return act(id, exchange, this.listings::fulfil, "fulfilled");
	}

	@PostMapping("/listings/{id}/withdrawal")
	Mono<Rendering> withdraw(@PathVariable String id, ServerWebExchange exchange) {
		return act(id, exchange, this.listings::withdraw, "withdrawn");
	}

	@PostMapping("/listings/{id}/reopening")
	Mono<Rendering> reopen(@PathVariable String id, ServerWebExchange exchange) {
		return act(id, exchange, this.reopening::reopen, "reopened");
	}

	private Mono<Rendering> act(String id, ServerWebExchange exchange, BiFunction<UUID, UUID, Mono<Listing>> action,
			String done) {
		return ListingIds.require(id)
			.zipWith(this.members.required(exchange))
			.flatMap((both) -> action.apply(both.getT1(), both.getT2().accountId()))
			.map((listing) -> Rendering.redirectTo("/my/listings?done=" + done + "#listing-" + listing.id()).build());
	}

}
