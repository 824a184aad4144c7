package de.pinnwand.search.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.pinnwand.accounts.Members;
import de.pinnwand.listings.ListingIds;
import de.pinnwand.search.SavedSearches;
import de.pinnwand.web.Layout;
import de.pinnwand.web.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 'My saved searches': save the search one is looking at, see the new listings that fit,
 * remove a search. The search page links here with its query, so a visitor signs in first
 * and then confirms.
 */
@Controller
class SavedSearchPages {

	static final String VIEW = "search/saved";

	private final SavedSearches saved;

	private final Members members;

	private final Layout layout;

	private final Messages messages;

	SavedSearchPages(SavedSearches saved, Members members, Layout layout, Messages messages) {
		this.saved = saved;
		this.members = members;
		this.layout = layout;
		this.messages = messages;
	}

	/** One saved search as the page lists it. */
	record SavedLine(String id, String label, String href, int newHits) {
	}

	/** A new listing that fits a saved search. */
	record HitLine(String href, String title, String textLanguage) {
	}

	@GetMapping("/my/searches")
	Mono<Rendering> mine(@RequestParam(name = "query", required = false) String query, ServerWebExchange exchange) {
		return page(query, null, HttpStatus.OK, exchange);
	}

	/** The confirmation page the search results link to. */
	@GetMapping("/my/searches/new")
	Mono<Rendering> confirm(@RequestParam(name = "query", required = false) String query, ServerWebExchange exchange) {
		return page(SavedSearches.canonical(query), null, HttpStatus.OK, exchange);
	}

	@PostMapping("/my/searches")
	Mono<Rendering> save(ServerWebExchange exchange) {
		return exchange.getFormData().zipWith(this.members.required(exchange)).flatMap((both) -> {
			String query = both.getT1().getFirst("query");
			return this.saved.save(both.getT2().accountId(), query, both.getT1().getFirst("label"))
				.map((done) -> Rendering.redirectTo("/my/searches?saved").build())
				.onErrorResume(SavedSearches.InvalidSavedSearch.class,
						(invalid) -> page(SavedSearches.canonical(query),
								this.messages.get(exchange, "error." + invalid.problems().get(0).code(),
										invalid.problems().get(0).arguments()),
								HttpStatus.UNPROCESSABLE_CONTENT, exchange));
		});
	}

	@PostMapping("/my/searches/{id}/removal")
	Mono<Rendering> remove(@PathVariable String id, ServerWebExchange exchange) {
		return ListingIds.require(id)
			.onErrorMap((ex) -> new SavedSearches.SavedSearchNotFound())
			.zipWith(this.members.required(exchange))
			.flatMap((both) -> this.saved.delete(both.getT2().accountId(), both.getT1()))
			.thenReturn(Rendering.redirectTo("/my/searches?removed").build());
	}

	private Mono<Rendering> page(String confirmQuery, String error, HttpStatus status, ServerWebExchange exchange) {
		Locale locale = Messages.localeOf(exchange);
		var params = exchange.getRequest().getQueryParams();
		return this.members.required(exchange)
			.flatMap((member) -> this.saved.of(member.accountId())
				.collectList()
				.zipWith(this.saved.takeUnseenHits(member.accountId()).collectList())
				.map((both) -> {
					Map<String, Object> model = this.layout.model(exchange, "saved.page-title");
					List<SavedLine> lines = both.getT1()
						.stream()
						.map((s) -> new SavedLine(s.id().toString(), s.label(), "/search?" + s.queryString(),
								s.unseenHits()))
						.toList();
					model.put("searches", lines);
					model.put("empty", lines.isEmpty());
					model.put("hits", both.getT2()
						.stream()
						.map((hit) -> new HitLine("/listings/" + hit.listingId(), hit.title(), hit.textLanguage()))
						.distinct()
						.toList());
					model.put("hasHits", !both.getT2().isEmpty());
					if (confirmQuery != null && !confirmQuery.isBlank()) {
						model.put("confirmQuery", confirmQuery);
					}
					if (error != null) {
						model.put("error", error);
					}
					if (params.containsKey("saved")) {
						model.put("done", this.messages.get(locale, "saved.done.saved"));
					}
					if (params.containsKey("removed")) {
						model.put("done", this.messages.get(locale, "saved.done.removed"));
					}
					return Rendering.view(VIEW).model(model).status(status).build();
				}));
	}

}
