package de.pinnwand.listings.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import de.pinnwand.listings.FieldProblem;
import de.pinnwand.listings.InvalidListing;
import de.pinnwand.listings.ListingDraft;
import de.pinnwand.listings.ListingIds;
import de.pinnwand.listings.ListingService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The listings JSON API; errors are problem details (RFC 9457) with field errors. Until sign-in exists, the
 * {@code Manage-Key} returned when a listing is posted is what changes it; a wrong key answers 404.
 */
@RestController
@RequestMapping("/api/v1/listings")
class ListingsApi {

	static final String MANAGE_KEY = "Manage-Key";

	private final ListingService listings;

	ListingsApi(ListingService listings) {
		this.listings = listings;
	}

	/**
	 * A listing as a client posts or replaces it. {@code place} takes a postcode or a place name;
	 * {@code postcode} is accepted as its synonym. {@code version} is needed to replace one.
	 */
	record NewListing(String kind, String title, String description, List<String> topics, List<String> languages,
			String textLanguage, String place, String postcode, Integer reachKm, ListingJson.TimeFrameJson timeFrame,
			Integer capacity, Long version) {

		ListingDraft toDraft(UUID submissionKey) {
			ListingJson.TimeFrameJson frame = this.timeFrame;
			return new ListingDraft(this.kind, this.title, this.description, this.topics, this.languages,
					this.textLanguage, (this.place != null) ? this.place : this.postcode, this.reachKm, submissionKey,
					(frame != null) ? frame.type() : null, (frame != null) ? frame.date() : null,
					(frame != null && frame.weekday() != null) ? frame.weekday().toString() : null,
					(frame != null) ? frame.from() : null, (frame != null) ? frame.to() : null, this.capacity);
		}

	}

	/**
	 * Posts a listing. A repeated request with the same {@code Idempotency-Key} (a UUID) stores it once; that key
	 * (or a new one) comes back as {@code Manage-Key}, the poster's private key to change the listing.
	 */
	@PostMapping
	Mono<ResponseEntity<ListingJson>> post(@RequestBody NewListing body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		UUID given = ListingIds.parse(idempotencyKey);
		UUID key = (given != null) ? given : UUID.randomUUID();
		return this.listings.publish(body.toDraft(key))
			.map((listing) -> ResponseEntity.created(URI.create("/api/v1/listings/" + listing.id()))
				.header(MANAGE_KEY, key.toString())
				.body(ListingJson.of(listing)));
	}

	@GetMapping("/{id}")
	Mono<ListingJson> get(@PathVariable String id) {
		return id(id).flatMap(this.listings::findPublic).map(ListingJson::of);
	}

	/** Replaces a listing; {@code version} must be the one last read, or the answer is 409. */
	@PutMapping("/{id}")
	Mono<ListingJson> put(@PathVariable String id, @RequestHeader(name = MANAGE_KEY, required = false) String key,
			@RequestBody NewListing body) {
		if (body.version() == null) {
			return Mono.error(new InvalidListing(List.of(new FieldProblem("version", "version.missing"))));
		}
		return id(id).flatMap((uuid) -> this.listings.update(uuid, ListingIds.parse(key), body.version(), body.toDraft(null)))
			.map(ListingJson::of);
	}

	/** Withdraws a listing: it leaves the board and search. */
	@DeleteMapping("/{id}")
	Mono<ResponseEntity<Void>> delete(@PathVariable String id,
			@RequestHeader(name = MANAGE_KEY, required = false) String key) {
		return id(id).flatMap((uuid) -> this.listings.withdraw(uuid, ListingIds.parse(key)))
			.thenReturn(ResponseEntity.noContent().build());
	}

	@PostMapping("/{id}/renewal")
	Mono<ListingJson> renew(@PathVariable String id, @RequestHeader(name = MANAGE_KEY, required = false) String key) {
		return id(id).flatMap((uuid) -> this.listings.renew(uuid, ListingIds.parse(key))).map(ListingJson::of);
	}

	@PostMapping("/{id}/fulfilment")
	Mono<ListingJson> fulfil(@PathVariable String id, @RequestHeader(name = MANAGE_KEY, required = false) String key) {
		return id(id).flatMap((uuid) -> this.listings.fulfil(uuid, ListingIds.parse(key))).map(ListingJson::of);
	}

	private static Mono<UUID> id(String value) {
		return ListingIds.require(value);
	}


}
