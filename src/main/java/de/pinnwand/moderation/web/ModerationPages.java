package de.pinnwand.moderation.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.accounts.Members;
import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingIds;
import de.pinnwand.listings.ListingService;
import de.pinnwand.moderation.InvalidModeration;
import de.pinnwand.moderation.ModerationService;
import de.pinnwand.system.ClientAddresses;
import de.pinnwand.system.web.Layout;
import de.pinnwand.system.web.Messages;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.stereotype.Controller;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The coordinators' queue page with its decision forms, and the report form readers reach from a listing. */
@Controller
class ModerationPages {

	static final String QUEUE_VIEW = "moderation/queue";

	static final String REPORT_VIEW = "moderation/report";

	private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	private final ModerationService moderation;

	private final ListingService listings;

	private final Members members;

	private final Layout layout;

	private final Messages messages;

	private final ClientAddresses addresses;

	ModerationPages(ModerationService moderation, ListingService listings, Members members, Layout layout,
			Messages messages, ClientAddresses addresses) {
		this.moderation = moderation;
		this.listings = listings;
		this.members = members;
		this.layout = layout;
		this.messages = messages;
		this.addresses = addresses;
	}

	/** A code with its text, for a choice in a form. */
	record Choice(String code, String label) {
	}

	/** An item as the queue page shows it. */
	record ItemView(String id, long version, String heading, String description, String textLanguage, String kind,
			String district, String topics, String languages, String waitingSince, boolean reported,
			List<String> history, List<String> reports) {
	}

	@GetMapping("/moderation")
	Mono<Rendering> queue(ServerWebExchange exchange) {
		Locale locale = Messages.localeOf(exchange);
		MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
		ModerationService.QueueFilter filter = new ModerationService.QueueFilter(query.getFirst("district"),
				query.getFirst("topic"), query.getFirst("language"));
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(ZONE);
		return this.members.required(exchange)
			.flatMapMany((member) -> this.moderation.queue(member, filter))
			.map((item) -> {
				Listing listing = item.listing();
				return new ItemView(listing.id().toString(), listing.version(), listing.title(),
						listing.description(), listing.textLanguage(),
						this.messages.get(locale, "kind." + listing.kind().name().toLowerCase(Locale.ROOT)),
						listing.district(), String.join(", ", listing.topics()), String.join(", ", listing.languages()),
						dates.format(listing.updatedAt()), item.reported(),
						item.authorHistory().entrySet().stream()
							.map((entry) -> this.messages.get(locale,
									"status." + entry.getKey().name().toLowerCase(Locale.ROOT)) + ": " + entry.getValue())
							.toList(),
						item.reports().stream()
							.map((report) -> this.messages.get(locale, "report.reason." + report.reason())
									+ ((report.text() != null) ? " – " + report.text() : ""))
							.toList());
			})
			.collectList()
			.map((items) -> {
				Map<String, Object> model = this.layout.model(exchange, "moderation.page-title");
				model.put("items", items);
				model.put("empty", items.isEmpty());
				model.put("reasons", choices(this.moderation.decisionReasons(), "moderation.reason.", locale));
				model.put("district", valueOr(filter.district()));
				model.put("topic", valueOr(filter.topic()));
				model.put("language", valueOr(filter.language()));
				String done = query.getFirst("done");
				if (done != null && List.of("approve", "reject", "close", "block", "ask_for_changes").contains(done)) {
					model.put("done", this.messages.get(locale, "moderation.done." + done));
				}
				if (query.containsKey("invalid")) {
					model.put("problem", this.messages.get(locale, "moderation.invalid"));
				}
				return Rendering.view(QUEUE_VIEW).model(model).build();
			});
	}

	@PostMapping("/moderation/items/{id}/decision")
	Mono<Rendering> decide(@PathVariable String id, ServerWebExchange exchange) {
		return ListingIds.require(id)
			.zipWith(this.members.required(exchange))
			.zipWith(exchange.getFormData())
			.flatMap((all) -> {
				MultiValueMap<String, String> form = all.getT2();
				String decision = form.getFirst("decision");
				return this.moderation
					.decide(all.getT1().getT2(), all.getT1().getT1(), ModerationApi.decision(decision),
							version(form.getFirst("version")), form.getFirst("reason"), form.getFirst("note"),
							days(form.getFirst("blockDays")))
					.map((decided) -> Rendering
						.redirectTo("/moderation?done=" + decision.toLowerCase(Locale.ROOT))
						.build());
			})
			.onErrorResume(InvalidModeration.class,
					(invalid) -> Mono.just(Rendering.redirectTo("/moderation?invalid").build()));
	}

	@GetMapping("/listings/{id}/report")
	Mono<Rendering> reportForm(@PathVariable String id, ServerWebExchange exchange) {
		Locale locale = Messages.localeOf(exchange);
		return ListingIds.require(id).flatMap(this.listings::findPublic).map((listing) -> {
			Map<String, Object> model = this.layout.model(exchange, "report.page-title");
			model.put("id", listing.id().toString());
			model.put("heading", listing.title());
			model.put("textLanguage", listing.textLanguage());
			model.put("reasons", choices(this.moderation.reportReasons(), "report.reason.", locale));
			model.put("maxText", ModerationService.MAX_REPORT_TEXT);
			if (exchange.getRequest().getQueryParams().containsKey("invalid")) {
				model.put("problem", this.messages.get(locale, "error.report.reason"));
			}
			return Rendering.view(REPORT_VIEW).model(model).build();
		});
	}

	@PostMapping("/listings/{id}/reports")
	Mono<Rendering> report(@PathVariable String id, ServerWebExchange exchange) {
		return ListingIds.require(id).flatMap((listing) -> exchange.getFormData()
			.zipWith(this.members.current(exchange).map((member) -> java.util.Optional.of(member.accountId()))
				.defaultIfEmpty(java.util.Optional.<UUID>empty()))
			.flatMap((both) -> this.moderation.report(listing, both.getT2().orElse(null),
					this.addresses.of(exchange.getRequest()), both.getT1().getFirst("reason"),
					both.getT1().getFirst("text")))
			.then(Mono.fromSupplier(() -> {
				// Rendered, not redirected: the report may just have taken the listing down.
				Map<String, Object> model = this.layout.model(exchange, "report.page-title");
				model.put("sent", true);
				return Rendering.view(REPORT_VIEW).model(model).build();
			}))
			.onErrorResume(InvalidModeration.class,
					(invalid) -> Mono.just(Rendering.redirectTo("/listings/" + listing + "/report?invalid").build())));
	}

	private List<Choice> choices(List<String> codes, String prefix, Locale locale) {
		return codes.stream().map((code) -> new Choice(code, this.messages.get(locale, prefix + code))).toList();
	}

	private static String valueOr(String value) {
		return (value != null) ? value : "";
	}

	private static Integer days(String value) {
		try {
			return (value != null && !value.isBlank()) ? Integer.valueOf(value.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Long version(String value) {
		try {
			return (value != null) ? Long.valueOf(value.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
