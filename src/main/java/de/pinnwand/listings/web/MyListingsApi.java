package de.pinnwand.listings.web;

import java.util.UUID;

import de.pinnwand.accounts.Members;
import de.pinnwand.accounts.PersonalData;
import de.pinnwand.listings.ListingService;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/me/listings}: the signed-in member's listings in every status, newest first. */
@RestController
class MyListingsApi {

	private final ListingService listings;

	private final Members members;

	MyListingsApi(ListingService listings, Members members) {
		this.listings = listings;
		this.members = members;
	}

	@GetMapping("/api/v1/me/listings")
	Flux<ListingJson> mine(ServerWebExchange exchange) {
		return this.members.required(exchange)
			.flatMapMany((member) -> this.listings.findOwnedBy(member.accountId()))
			.map(ListingJson::of);
	}

	/** A member's listings in their data export. */
	@Component
	static class ListingsInExport implements PersonalData {

		private final ListingService listings;

		ListingsInExport(ListingService listings) {
			this.listings = listings;
		}

		@Override
		public String name() {
			return "listings";
		}

		@Override
		public Mono<Object> of(UUID accountId) {
			return this.listings.findOwnedBy(accountId).map(ListingJson::of).collectList().map(Object.class::cast);
		}

	}

}
