package de.pinnwand.listings.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import de.pinnwand.listings.ListingDraft;
import de.pinnwand.listings.ListingNotFound;
import de.pinnwand.listings.ListingService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The listings JSON API; errors are problem details (RFC 9457) with field errors. */
@RestController
@RequestMapping("/api/v1/listings")
class ListingsApi {

	private final ListingService listings;

	ListingsApi(ListingService listings) {
		this.listings = listings;
	}

	/**
	 * A listing as a client posts it. {@code place} takes a postcode or a place name; {@code postcode} is
	 * accepted as its synonym.
	 */
	record NewListing(String kind, String title, String description, List<String> topics, List<String> languages,
			String textLanguage, String place, String postcode, Integer reachKm) {

		ListingDraft toDraft(UUID submissionKey) {
			return new ListingDraft(this.kind, this.title, this.description, this.topics, this.languages,
					this.textLanguage, (this.place != null) ? this.place : this.postcode, this.reachKm, submissionKey);
		}

	}

	/** Posts a listing. A repeated request with the same {@code Idempotency-Key} (a UUID) stores it once. */
	@PostMapping
	Mono<ResponseEntity<ListingJson>> post(@RequestBody NewListing body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		return this.listings.publish(body.toDraft(uuidOrNull(idempotencyKey)))
			.map((listing) -> ResponseEntity.created(URI.create("/api/v1/listings/" + listing.id()))
				.body(ListingJson.of(listing)));
	}

	@GetMapping("/{id}")
	Mono<ListingJson> get(@PathVariable String id) {
		UUID uuid = uuidOrNull(id);
		if (uuid == null) {
			return Mono.error(new ListingNotFound(null));
		}
		return this.listings.findPublic(uuid).map(ListingJson::of);
	}

	static UUID uuidOrNull(String value) {
		if (value == null || value.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
