package de.pinnwand.search.web;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import de.pinnwand.accounts.Members;
import de.pinnwand.accounts.PersonalData;
import de.pinnwand.listings.ListingIds;
import de.pinnwand.search.SavedSearches;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/me/searches}: the signed-in member's saved searches and the new listings
 * that fit them. {@code query} is a search's query string as {@code GET /api/v1/listings}
 * and the search page take it.
 */
@RestController
@RequestMapping("/api/v1/me/searches")
class SavedSearchesApi {

	private final SavedSearches saved;

	private final Members members;

	SavedSearchesApi(SavedSearches saved, Members members) {
		this.saved = saved;
		this.members = members;
	}

	record NewSavedSearch(String query, String label) {
	}

	record SavedSearchJson(String id, String query, String label, Instant createdAt, int newListings) {

		static SavedSearchJson of(SavedSearches.Saved saved) {
			return new SavedSearchJson(saved.id().toString(), saved.queryString(), saved.label(), saved.createdAt(),
					saved.unseenHits());
		}

	}

	record HitJson(String savedSearch, String listing, String title, Instant at) {
	}

	@GetMapping
	Flux<SavedSearchJson> mine(ServerWebExchange exchange) {
		return this.members.required(exchange)
			.flatMapMany((member) -> this.saved.of(member.accountId()))
			.map(SavedSearchJson::of);
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	Mono<ResponseEntity<SavedSearchJson>> save(@RequestBody NewSavedSearch body, ServerWebExchange exchange) {
		return this.members.required(exchange)
			.flatMap((member) -> this.saved.save(member.accountId(), body.query(), body.label()))
			.map((saved) -> ResponseEntity.created(URI.create("/api/v1/me/searches/" + saved.id()))
				.body(SavedSearchJson.of(saved)));
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/{id}")
	Mono<ResponseEntity<Void>> delete(@PathVariable String id, ServerWebExchange exchange) {
		UUID uuid = ListingIds.parse(id);
		if (uuid == null) {
			return Mono.error(new SavedSearches.SavedSearchNotFound());
		}
		return this.members.required(exchange)
			.flatMap((member) -> this.saved.delete(member.accountId(), uuid))
			.thenReturn(ResponseEntity.noContent().build());
	}

	/**
	 * The new listings that fit the member's saved searches since they last looked; they
	 * count as seen then.
	 */
	@GetMapping("/hits")
	Flux<HitJson> hits(ServerWebExchange exchange) {
		return this.members.required(exchange)
			.flatMapMany((member) -> this.saved.takeUnseenHits(member.accountId()))
			.map((hit) -> new HitJson(hit.savedSearchId().toString(), hit.listingId().toString(), hit.title(),
					hit.createdAt()));
	}

	/** A member's saved searches in their data export. */
	@Component
	static class SavedSearchesInExport implements PersonalData {

		private final SavedSearches saved;

		SavedSearchesInExport(SavedSearches saved) {
			this.saved = saved;
		}

		@Override
		public String name() {
			return "savedSearches";
		}

		@Override
		public Mono<Object> of(UUID accountId) {
			return this.saved.of(accountId).map(SavedSearchJson::of).collectList().map(Object.class::cast);
		}

	}

}
