package de.pinnwand.listings.web;

import java.util.Locale;
import java.util.UUID;

import de.pinnwand.accounts.Members;
import de.pinnwand.accounts.PersonalData;
import de.pinnwand.listings.ListingService;
import de.pinnwand.listings.ReviewOutcomes;
import de.pinnwand.web.Messages;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/me/listings}: the signed-in member's listings in every status,
 * newest first.
 */
@RestController
class MyListingsApi {

	private final ListingService listings;

	private final Members members;

	private final ReviewOutcomes reviews;

	private final ReviewTexts reviewTexts;

	MyListingsApi(ListingService listings, Members members, ReviewOutcomes reviews, ReviewTexts reviewTexts) {
		this.listings = listings;
		this.members = members;
		this.reviews = reviews;
		this.reviewTexts = reviewTexts;
	}

	/**
	 * Each with why a coordinator decided as they did, where a decision stands, in the
	 * member's interface language (the request's when they stored none).
	 */
	@GetMapping("/api/v1/me/listings")
	Flux<ListingJson> mine(ServerWebExchange exchange) {
		return this.members.required(exchange)
			.flatMap((member) -> this.listings.findOwnedBy(member.accountId())
				.collectList()
				.zipWith(this.reviews.languageOf(member.accountId(), Messages.localeOf(exchange))))
			.zipWhen((owned) -> this.reviews.standing(owned.getT1()))
			.flatMapMany((found) -> Flux.fromIterable(found.getT1().getT1()).map((listing) -> {
				Locale locale = found.getT1().getT2();
				ReviewOutcomes.ReviewOutcome outcome = found.getT2().get(listing.id());
				ListingJson json = ListingJson.of(listing);
				return (outcome != null) ? json.withReview(this.reviewTexts.json(outcome, locale)) : json;
			}));
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
