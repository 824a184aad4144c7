package de.pinnwand.search.web;

import java.util.Map;

import de.pinnwand.search.ListingSearch;
import de.pinnwand.search.SearchParameters;
import de.pinnwand.search.SearchUnavailable;
import de.pinnwand.web.Layout;
import de.pinnwand.web.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The search results page; when Elasticsearch is away it says so plainly, with a 503. */
@Controller
class SearchPage {

	static final String VIEW = "search/results";

	private final ListingSearch search;

	private final SearchParameters parameters;

	private final Layout layout;

	private final Messages messages;

	SearchPage(ListingSearch search, SearchParameters parameters, Layout layout, Messages messages) {
		this.search = search;
		this.parameters = parameters;
		this.layout = layout;
		this.messages = messages;
	}

	@GetMapping("/search")
	Mono<Rendering> search(ServerWebExchange exchange) {
		SearchParameters.Parsed parsed = this.parameters.parse(exchange.getRequest().getQueryParams());
		String notice = parsed.problems().isEmpty() ? null : this.messages.get(exchange, "error.place.unknown");
		Map<String, Object> model = this.layout.model(exchange, "search.page-title");
		String saveQuery = de.pinnwand.search.SavedSearches.canonical(exchange.getRequest().getURI().getRawQuery());
		if (!saveQuery.isEmpty()) {
			model.put("saveQuery", saveQuery);
		}
		String query = exchange.getRequest().getURI().getRawQuery();
		model.put("feed", Map.of("href", "/search.atom" + ((query != null) ? "?" + query : ""), "type",
				"application/atom+xml", "label", this.messages.get(exchange, "search.subscribe")));
		return this.search.search(parsed.query()).map((result) -> {
			model.put("search", SearchPageView.of(parsed.query(), result, notice, this.messages, exchange));
			return Rendering.view(VIEW).model(model).build();
		}).onErrorResume(SearchUnavailable.class, (ex) -> {
			model.put("search", SearchPageView.unavailable(parsed.query().text(),
					this.messages.get(exchange, "search.unavailable")));
			return Mono.just(Rendering.view(VIEW).model(model).status(HttpStatus.SERVICE_UNAVAILABLE).build());
		});
	}

}
