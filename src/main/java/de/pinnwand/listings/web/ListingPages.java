package de.pinnwand.listings.web;

import java.util.List;
import java.util.Map;

import de.pinnwand.listings.FieldProblem;
import de.pinnwand.listings.InvalidListing;
import de.pinnwand.listings.ListingDraft;
import de.pinnwand.listings.ListingNotFound;
import de.pinnwand.listings.ListingService;
import de.pinnwand.listings.ListingsProperties;
import de.pinnwand.system.web.Layout;
import de.pinnwand.system.web.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The pages to post a listing and to read one; plain HTML forms that work without JavaScript. */
@Controller
class ListingPages {

	static final String FORM_VIEW = "listings/form";

	static final String DETAIL_VIEW = "listings/detail";

	private final ListingService listings;

	private final ListingsProperties properties;

	private final Layout layout;

	private final Messages messages;

	ListingPages(ListingService listings, ListingsProperties properties, Layout layout, Messages messages) {
		this.listings = listings;
		this.properties = properties;
		this.layout = layout;
		this.messages = messages;
	}

	@GetMapping("/listings/new")
	Rendering form(@RequestParam(name = "kind", required = false) String kind, ServerWebExchange exchange) {
		String lang = Messages.localeOf(exchange).getLanguage();
		ListingDraft empty = new ListingDraft(kind, null, null, List.of(), List.of(lang), lang, null, null, null);
		return formPage(empty, List.of(), HttpStatus.OK, exchange);
	}

	@PostMapping("/listings")
	Mono<Rendering> post(ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((form) -> {
			ListingDraft draft = draft(form);
			return this.listings.publish(draft)
				.map((listing) -> Rendering.redirectTo("/listings/" + listing.id() + "?posted").build())
				.onErrorResume(InvalidListing.class,
						(invalid) -> Mono.just(formPage(draft, invalid.problems(), HttpStatus.UNPROCESSABLE_CONTENT,
								exchange)));
		});
	}

	@GetMapping("/listings/{id}")
	Mono<Rendering> detail(@PathVariable String id, ServerWebExchange exchange) {
		var uuid = ListingsApi.uuidOrNull(id);
		if (uuid == null) {
			return Mono.error(new ListingNotFound(null));
		}
		boolean justPosted = exchange.getRequest().getQueryParams().containsKey("posted");
		return this.listings.findPublic(uuid).map((listing) -> {
			Map<String, Object> model = this.layout.model(exchange, "listing.page-title");
			model.put("title", listing.title());
			model.put("listing", ListingView.of(listing, justPosted, this.messages, exchange));
			return Rendering.view(DETAIL_VIEW).model(model).build();
		});
	}

	private Rendering formPage(ListingDraft draft, List<FieldProblem> problems,
			HttpStatus status, ServerWebExchange exchange) {
		Map<String, Object> model = this.layout.model(exchange, "form.page-title");
		model.put("form", ListingFormView.of(draft, this.properties.topics(), problems, this.messages, exchange));
		return Rendering.view(FORM_VIEW).model(model).status(status).build();
	}

	private static ListingDraft draft(MultiValueMap<String, String> form) {
		Integer reach = null;
		String reachValue = form.getFirst("reachKm");
		if (reachValue != null && !reachValue.isBlank()) {
			try {
				reach = Integer.valueOf(reachValue.strip());
			}
			catch (NumberFormatException ex) {
				reach = -1;
			}
		}
		return new ListingDraft(form.getFirst("kind"), form.getFirst("title"), form.getFirst("description"),
				form.getOrDefault("topics", List.of()), form.getOrDefault("languages", List.of()),
				form.getFirst("textLanguage"), form.getFirst("place"), reach,
				ListingsApi.uuidOrNull(form.getFirst("submissionKey")));
	}

}
