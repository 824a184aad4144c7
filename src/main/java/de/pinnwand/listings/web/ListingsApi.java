package de.pinnwand.listings.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import de.pinnwand.accounts.Members;
import de.pinnwand.listings.Listing;
import de.pinnwand.system.FieldProblem;
import de.pinnwand.listings.InvalidListing;
import de.pinnwand.listings.ListingDraft;
import de.pinnwand.listings.ListingIds;
import de.pinnwand.listings.ListingService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The listings JSON API; errors are problem details (RFC 9457) with field errors. Reading
 * is open; posting and changing take a bearer token, and someone else's listing answers
 * 404 to a change, as a missing one would.
 */
@RestController
@RequestMapping("/api/v1/listings")
class ListingsApi {

	private final ListingService listings;

	private final Members members;

	ListingsApi(ListingService listings, Members members) {
		this.listings = listings;
		this.members = members;
	}

	/**
	 * A listing as a client posts or replaces it. {@code place} takes a postcode or a
	 * place name; {@code postcode} is accepted as its synonym. {@code version} is needed
	 * to replace one.
	 */
	record NewListing(String kind, String title, String description, List<String> topics, List<String> languages,
			String textLanguage, PlaceInput place, String postcode, Integer reachKm,
			ListingJson.TimeFrameJson timeFrame, Integer capacity, String languageNeed, String organisation,
			Long version) {

		ListingDraft toDraft(UUID submissionKey) {
			ListingJson.TimeFrameJson frame = this.timeFrame;
			String where = (this.place != null && this.place.value() != null) ? this.place.value() : this.postcode;
			return new ListingDraft(this.kind, this.title, this.description, this.topics, this.languages,
					this.textLanguage, where, this.reachKm, submissionKey, (frame != null) ? frame.type() : null,
					(frame != null) ? frame.date() : null,
					(frame != null && frame.weekday() != null) ? frame.weekday().toString() : null,
					(frame != null) ? frame.from() : null, (frame != null) ? frame.to() : null, this.capacity,
					this.languageNeed);
		}

	}

	/**
	 * The place as a client sends it: a postcode or place name, or the object a
	 * {@code GET} answers with (its postcode counts, else its name), so that what was
	 * read can be sent back unchanged.
	 */
	record PlaceInput(String value) {

		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		static PlaceInput of(String value) {
			return new PlaceInput(value);
		}

		@JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
		static PlaceInput of(@JsonProperty("postcode") String postcode, @JsonProperty("name") String name) {
			return new PlaceInput((postcode != null && !postcode.isBlank()) ? postcode : name);
		}

	}

	/**
	 * Posts a listing as the signed-in member, or on behalf of an organisation
	 * ({@code organisation}: its id) they belong to. A repeated request with the same
	 * {@code Idempotency-Key} (a UUID) stores it once.
	 */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	Mono<ResponseEntity<ListingJson>> post(@RequestBody NewListing body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			ServerWebExchange exchange) {
		UUID given = ListingIds.parse(idempotencyKey);
		UUID key = (given != null) ? given : UUID.randomUUID();
		UUID organisation = ListingIds.parse(body.organisation());
		if (body.organisation() != null && !body.organisation().isBlank() && organisation == null) {
			return Mono.error(new InvalidListing(List.of(new FieldProblem("organisation", "organisation.not-member"))));
		}
		return this.members.required(exchange)
			.flatMap((member) -> this.listings.publish(body.toDraft(key), member.accountId(), organisation))
			.flatMap((listing) -> json(listing)
				.map((json) -> ResponseEntity.created(URI.create("/api/v1/listings/" + listing.id())).body(json)));
	}

	@GetMapping("/{id}")
	Mono<ListingJson> get(@PathVariable String id) {
		return id(id).flatMap(this.listings::findPublic).flatMap(this::json);
	}

	/**
	 * Replaces a listing; {@code version} must be the one last read, or the answer is
	 * 409.
	 */
	@PutMapping("/{id}")
	Mono<ListingJson> put(@PathVariable String id, @RequestBody NewListing body, ServerWebExchange exchange) {
		if (body.version() == null) {
			return Mono.error(new InvalidListing(List.of(new FieldProblem("version", "version.missing"))));
		}
		return id(id).zipWith(this.members.required(exchange))
			.flatMap((both) -> this.listings.update(both.getT1(), both.getT2().accountId(), body.version(),
					body.toDraft(null)))
			.flatMap(this::json);
	}

	/** Withdraws a listing: it leaves the board and search. */
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/{id}")
	Mono<ResponseEntity<Void>> delete(@PathVariable String id, ServerWebExchange exchange) {
		return act(id, exchange, this.listings::withdraw).thenReturn(ResponseEntity.noContent().build());
	}

	@PostMapping("/{id}/renewal")
	Mono<ListingJson> renew(@PathVariable String id, ServerWebExchange exchange) {
		return act(id, exchange, this.listings::renew).flatMap(this::json);
	}

	@PostMapping("/{id}/fulfilment")
	Mono<ListingJson> fulfil(@PathVariable String id, ServerWebExchange exchange) {
		return act(id, exchange, this.listings::fulfil).flatMap(this::json);
	}

	private Mono<Listing> act(String id, ServerWebExchange exchange, BiFunction<UUID, UUID, Mono<Listing>> action) {
		return id(id).zipWith(this.members.required(exchange))
			.flatMap((both) -> action.apply(both.getT1(), both.getT2().accountId()));
	}

	/** The listing with the name of the organisation it was posted for. */
	private Mono<ListingJson> json(Listing listing) {
		return this.listings.organisationNames(List.of(listing))
			.map((names) -> ListingJson.of(listing,
					(listing.organisationId() != null) ? names.get(listing.organisationId()) : null));
	}

	private static Mono<UUID> id(String value) {
		return ListingIds.require(value);
	}

}
