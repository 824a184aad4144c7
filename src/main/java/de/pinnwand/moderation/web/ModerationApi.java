package de.pinnwand.moderation.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.accounts.AccountNotFound;
import de.pinnwand.accounts.Members;
import de.pinnwand.listings.ListingIds;
import de.pinnwand.listings.web.ListingJson;
import de.pinnwand.moderation.Decision;
import de.pinnwand.moderation.ListingReport;
import de.pinnwand.moderation.ModerationService;
import de.pinnwand.moderation.ReportedItem;
import de.pinnwand.system.ClientAddresses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Moderation in the JSON API: the queue and decisions for coordinators (anyone else gets
 * 404), reports for everyone, visitors included.
 */
@RestController
class ModerationApi {

	private final ModerationService moderation;

	private final Members members;

	private final ClientAddresses addresses;

	ModerationApi(ModerationService moderation, Members members, ClientAddresses addresses) {
		this.moderation = moderation;
		this.members = members;
		this.addresses = addresses;
	}

	/**
	 * An item of the queue.
	 *
	 * @param type {@code listing}, {@code organisation}, {@code activity}, ...
	 * @param item what every type has: its id, title, page
	 * @param listing the listing; null for other types
	 * @param version what a decision about a listing must carry; null for other types
	 * @param authorHistory how many listings the author has in each status
	 */
	record QueueItemJson(String type, ItemJson item, ListingJson listing, Long version, boolean reported,
			java.time.Instant waitingSince, Map<String, Long> authorHistory, List<ListingReport> reports) {
	}

	/**
	 * An item of any type, as the queue shows it; {@code key} is what its decision's path
	 * takes: a listing's bare id, else {@code <type>:<id>} (e.g.
	 * {@code organisation:9f0c...}); {@code visible} whether the public sees it now.
	 */
	record ItemJson(String key, String type, UUID id, String title, String description, String href, String district,
			List<String> languages, boolean visible) {

		static ItemJson of(ReportedItem item) {
			return new ItemJson(ItemKeys.of(item), item.type(), item.id(), item.title(), item.description(),
					item.href(), item.district(), item.languages(), item.publiclyVisible());
		}

	}

	/**
	 * A decision. About a listing (path: its id): APPROVE, REJECT, CLOSE, BLOCK (close
	 * and stop the author posting for {@code blockDays}, 1 to 365, or 0 for good) or
	 * ASK_FOR_CHANGES (back to the author with a {@code note}), on the version seen, with
	 * a reason code (needed but to approve or ask for changes). About another item that
	 * reports took down (path: {@code <type>:<id>}, e.g. {@code activity:9f0c...}):
	 * APPROVE (put it back up) or CLOSE (with a reason; it stays hidden); no version.
	 */
	record DecisionJson(String decision, Long version, String reason, String note, Integer blockDays) {
	}

	/** The districts and municipalities a coordinator reviews; none for everywhere. */
	record AreasJson(List<String> areas) {
	}

	/** A report: a reason code and an optional text. */
	record ReportJson(String reason, String text) {
	}

	/** The queue, longest-waiting first, of every type unless {@code type} says one. */
	@GetMapping("/api/v1/moderation/queue")
	Flux<QueueItemJson> queue(@RequestParam(required = false) String district,
			@RequestParam(required = false) String topic, @RequestParam(required = false) String language,
			@RequestParam(required = false) String type, ServerWebExchange exchange) {
		return this.members.required(exchange)
			.flatMapMany((member) -> this.moderation.queue(member,
					new ModerationService.QueueFilter(district, topic, language, type)))
			.map((item) -> new QueueItemJson(item.type(), ItemJson.of(item.item()),
					(item.listing() != null) ? ListingJson.of(item.listing()) : null,
					(item.listing() != null) ? item.listing().version() : null, item.reported(), item.waitingSince(),
					item.authorHistory()
						.entrySet()
						.stream()
						.collect(java.util.stream.Collectors.toMap((entry) -> entry.getKey().name(),
								Map.Entry::getValue)),
					item.reports()));
	}

	/**
	 * Answers the decided listing as {@link ListingJson}, another item as
	 * {@link ItemJson}.
	 */
	@PostMapping("/api/v1/moderation/items/{id}/decision")
	Mono<Object> decide(@PathVariable String id, @RequestBody DecisionJson body, ServerWebExchange exchange) {
		ItemKeys.Key key = ItemKeys.parse(id);
		if (key.isItem()) {
			return this.members.required(exchange)
				.flatMap((member) -> this.moderation.decideItem(member, key.type(), key.id(), decision(body.decision()),
						body.reason(), body.note()))
				.map(ItemJson::of);
		}
		return ListingIds.require(id)
			.zipWith(this.members.required(exchange))
			.flatMap((both) -> this.moderation.decide(both.getT2(), both.getT1(), decision(body.decision()),
					body.version(), body.reason(), body.note(), body.blockDays()))
			.map(ListingJson::of);
	}

	/**
	 * Scopes a coordinator to areas (admins only); an empty list lets them review
	 * everywhere.
	 */
	@PutMapping("/api/v1/moderation/coordinators/{accountId}/areas")
	Mono<AreasJson> scope(@PathVariable String accountId, @RequestBody AreasJson body, ServerWebExchange exchange) {
		return accountId(accountId).zipWith(this.members.required(exchange))
			.flatMap((both) -> this.moderation.scope(both.getT2(), both.getT1(), body.areas()))
			.map(AreasJson::new);
	}

	private static Mono<UUID> accountId(String value) {
		try {
			return Mono.just(UUID.fromString(value));
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(AccountNotFound::new);
		}
	}

	@ResponseStatus(HttpStatus.ACCEPTED)
	@PostMapping("/api/v1/listings/{id}/reports")
	Mono<ResponseEntity<Void>> report(@PathVariable String id, @RequestBody ReportJson body,
			ServerWebExchange exchange) {
		return ListingIds.require(id)
			.flatMap((listing) -> this.members.current(exchange)
				.map((member) -> (UUID) member.accountId())
				.map(java.util.Optional::of)
				.defaultIfEmpty(java.util.Optional.empty())
				.flatMap((reporter) -> this.moderation.report(listing, reporter.orElse(null),
						this.addresses.of(exchange.getRequest()), body.reason(), body.text())))
			.thenReturn(ResponseEntity.accepted().build());
	}

	@PostMapping("/api/v1/organisations/{id}/reports")
	Mono<ResponseEntity<Void>> reportOrganisation(@PathVariable String id, @RequestBody ReportJson body,
			ServerWebExchange exchange) {
		return reportItem("organisation", id, body, exchange);
	}

	@ResponseStatus(HttpStatus.ACCEPTED)
	@PostMapping("/api/v1/activities/{id}/reports")
	Mono<ResponseEntity<Void>> reportActivity(@PathVariable String id, @RequestBody ReportJson body,
			ServerWebExchange exchange) {
		return reportItem("activity", id, body, exchange);
	}

	private Mono<ResponseEntity<Void>> reportItem(String type, String id, ReportJson body, ServerWebExchange exchange) {
		return this.members.current(exchange)
			.map((member) -> java.util.Optional.of(member.accountId()))
			.defaultIfEmpty(java.util.Optional.empty())
			.flatMap((reporter) -> this.moderation.reportItem(type, ListingIds.parse(id), reporter.orElse(null),
					this.addresses.of(exchange.getRequest()), body.reason(), body.text()))
			.thenReturn(ResponseEntity.accepted().build());
	}

	/** The decision named, or null for none or an unknown one (refused as invalid). */
	static Decision decision(String name) {
		if (name == null) {
			return null;
		}
		try {
			return Decision.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
