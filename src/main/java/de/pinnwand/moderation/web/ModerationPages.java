package de.pinnwand.moderation.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.accounts.Members;
import de.pinnwand.listings.ListingIds;
import de.pinnwand.listings.ListingService;
import de.pinnwand.moderation.DecisionTexts;
import de.pinnwand.moderation.InvalidModeration;
import de.pinnwand.moderation.ModerationService;
import de.pinnwand.system.ClientAddresses;
import de.pinnwand.system.PortalZone;
import de.pinnwand.web.InterfaceLanguages;
import de.pinnwand.web.Layout;
import de.pinnwand.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The coordinators' queue page with its decision forms, and the report forms readers
 * reach from a listing, an organisation or an activity.
 */
@Controller
class ModerationPages {

	static final String QUEUE_VIEW = "moderation/queue";

	static final String REPORT_VIEW = "moderation/report";

	static final String REASONS_VIEW = "moderation/reasons";

	static final String COORDINATORS_VIEW = "moderation/coordinators";

	private static final ZoneId ZONE = PortalZone.ZONE;

	private final ModerationService moderation;

	private final ListingService listings;

	private final Members members;

	private final Layout layout;

	private final Messages messages;

	private final ClientAddresses addresses;

	private final DecisionTexts texts;

	ModerationPages(ModerationService moderation, ListingService listings, Members members, Layout layout,
			Messages messages, ClientAddresses addresses, DecisionTexts texts) {
		this.texts = texts;
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

	@GetMapping("/moderation")
	Mono<Rendering> queue(ServerWebExchange exchange) {
		Locale locale = Messages.localeOf(exchange);
		MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
		ModerationService.QueueFilter filter = new ModerationService.QueueFilter(query.getFirst("district"),
				query.getFirst("topic"), query.getFirst("language"), query.getFirst("type"));
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(ZONE);
		return this.members.required(exchange)
			.flatMapMany((member) -> this.moderation.queue(member, filter))
			.map((item) -> QueueItemView.of(item, this.messages, locale, dates))
			.collectList()
			.map((items) -> {
				Map<String, Object> model = this.layout.model(exchange, "moderation.page-title");
				model.put("items", items);
				model.put("empty", items.isEmpty());
				model.put("reasons",
						this.moderation.decisionReasons()
							.stream()
							.map((code) -> new Choice(code, this.texts.reason(code, locale)))
							.toList());
				model.put("district", valueOr(filter.district()));
				model.put("topic", valueOr(filter.topic()));
				model.put("language", valueOr(filter.language()));
				model.put("types",
						this.moderation.reportableTypes()
							.stream()
							.map((type) -> new TypeChoice(type, this.messages.get(locale, "moderation.type." + type),
									type.equals(filter.type())))
							.toList());
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

	/** A type of item for the queue's filter. */
	record TypeChoice(String code, String label, boolean selected) {
	}

	@PostMapping("/moderation/items/{id}/decision")
	Mono<Rendering> decide(@PathVariable String id, ServerWebExchange exchange) {
		ItemKeys.Key key = ItemKeys.parse(id);
		return this.members.required(exchange).zipWith(exchange.getFormData()).flatMap((both) -> {
			MultiValueMap<String, String> form = both.getT2();
			String decision = String.valueOf(form.getFirst("decision"));
			Mono<?> decided = key.isItem()
					? this.moderation.decideItem(both.getT1(), key.type(), key.id(), ModerationApi.decision(decision),
							form.getFirst("reason"), form.getFirst("note"))
					: ListingIds.require(id)
						.flatMap((listing) -> this.moderation.decide(both.getT1(), listing,
								ModerationApi.decision(decision), version(form.getFirst("version")),
								form.getFirst("reason"), form.getFirst("note"),
								"true".equals(form.getFirst("blockForGood"))
										? Integer.valueOf(ModerationService.BLOCK_FOR_GOOD)
										: days(form.getFirst("blockDays"))));
			return decided
				.map((done) -> Rendering.redirectTo("/moderation?done=" + decision.toLowerCase(Locale.ROOT)).build());
		})
			.onErrorResume(InvalidModeration.class,
					(invalid) -> Mono.just(Rendering.redirectTo("/moderation?invalid").build()));
	}

	/** A coordinator with their areas, one a line, as the admins' form shows them. */
	record CoordinatorView(String accountId, String name, String areas, boolean everywhere) {
	}

	@GetMapping("/admin/coordinators")
	Mono<Rendering> coordinators(ServerWebExchange exchange) {
		MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
		return this.members.required(exchange)
			.flatMapMany(this.moderation::coordinators)
			.map((scope) -> new CoordinatorView(scope.accountId().toString(), scope.displayName(),
					String.join("\n", scope.areas()), scope.areas().isEmpty()))
			.collectList()
			.map((coordinators) -> {
				Map<String, Object> model = this.layout.model(exchange, "moderation.coordinators.page-title");
				model.put("coordinators", coordinators);
				model.put("empty", coordinators.isEmpty());
				model.put("maxAreas", ModerationService.MAX_AREAS);
				if (query.containsKey("saved")) {
					model.put("done", this.messages.get(exchange, "moderation.coordinators.saved"));
				}
				if (query.containsKey("invalid")) {
					model.put("problem", this.messages.get(exchange, "error.moderation.areas",
							ModerationService.MAX_AREAS, ModerationService.MAX_AREA_LENGTH));
				}
				return Rendering.view(COORDINATORS_VIEW).model(model).build();
			});
	}

	/**
	 * Scopes a coordinator to the areas in the form, one a line (or separated by commas);
	 * none for everywhere.
	 */
	@PostMapping("/admin/coordinators/{accountId}/areas")
	Mono<Rendering> scope(@PathVariable String accountId, ServerWebExchange exchange) {
		java.util.UUID coordinator = ListingIds.parse(accountId);
		if (coordinator == null) {
			return Mono.error(de.pinnwand.accounts.AccountNotFound::new);
		}
		return this.members.required(exchange).zipWith(exchange.getFormData()).flatMap((both) -> {
			String areas = both.getT2().getFirst("areas");
			List<String> split = (areas != null) ? List.of(areas.split("[\\r\\n,]+")) : List.of();
			return this.moderation.scope(both.getT1(), coordinator, split)
				.thenReturn(Rendering.redirectTo("/admin/coordinators?saved").build());
		})
			.onErrorResume(InvalidModeration.class,
					(invalid) -> Mono.just(Rendering.redirectTo("/admin/coordinators?invalid").build()));
	}

	/** A reason's text in one language, as the editing form shows it. */
	record ReasonText(String language, String languageName, String text, boolean rtl) {
	}

	/** A reason with its texts in every language. */
	record ReasonView(String code, List<ReasonText> texts) {
	}

	@GetMapping("/moderation/reasons")
	Mono<Rendering> reasons(ServerWebExchange exchange) {
		MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
		return this.members.required(exchange).flatMap(this.moderation::reasonTexts).map((all) -> {
			Map<String, Object> model = this.layout.model(exchange, "moderation.reasons.page-title");
			model.put("reasons", all.entrySet()
				.stream()
				.map((reason) -> new ReasonView(reason.getKey(), reason.getValue()
					.entrySet()
					.stream()
					.map((text) -> new ReasonText(text.getKey(),
							this.messages.get(Locale.forLanguageTag(text.getKey()), "language.self"), text.getValue(),
							InterfaceLanguages.isRightToLeft(Locale.forLanguageTag(text.getKey()))))
					.toList()))
				.toList());
			if (query.containsKey("saved")) {
				model.put("done", this.messages.get(exchange, "moderation.reasons.saved"));
			}
			if (query.containsKey("invalid")) {
				model.put("problem",
						this.messages.get(exchange, "error.moderation.reason-text", ModerationService.MAX_REASON_TEXT));
			}
			return Rendering.view(REASONS_VIEW).model(model).build();
		});
	}

	/** Saves a reason's texts; the path's {@code id} is the reason's code. */
	@PostMapping("/moderation/reasons/{id}")
	Mono<Rendering> editReason(@PathVariable("id") String code, ServerWebExchange exchange) {
		return this.members.required(exchange).zipWith(exchange.getFormData()).flatMap((both) -> {
			Map<String, String> texts = new java.util.HashMap<>();
			both.getT2().forEach((key, values) -> {
				if (key.startsWith("text.") && !values.isEmpty()) {
					texts.put(key.substring("text.".length()), values.get(0));
				}
			});
			return this.moderation.editReason(both.getT1(), code, texts)
				.thenReturn(Rendering.redirectTo("/moderation/reasons?saved").build());
		})
			.onErrorResume(InvalidModeration.class,
					(invalid) -> Mono.just(Rendering.redirectTo("/moderation/reasons?invalid").build()));
	}

	@GetMapping("/listings/{id}/report")
	Mono<Rendering> reportForm(@PathVariable String id, ServerWebExchange exchange) {
		return ListingIds.require(id)
			.flatMap(this.listings::findPublic)
			.map((listing) -> reportForm(exchange, false, "/listings/" + listing.id(), listing.title(),
					listing.textLanguage()));
	}

	@GetMapping("/organisations/{id}/report")
	Mono<Rendering> reportOrganisationForm(@PathVariable String id, ServerWebExchange exchange) {
		return itemReportForm("organisation", id, exchange);
	}

	@GetMapping("/activities/{id}/report")
	Mono<Rendering> reportActivityForm(@PathVariable String id, ServerWebExchange exchange) {
		return itemReportForm("activity", id, exchange);
	}

	private Mono<Rendering> itemReportForm(String type, String id, ServerWebExchange exchange) {
		UUID item = ListingIds.parse(id);
		return this.moderation.reportable(type, item)
			.map((found) -> reportForm(exchange, true, found.href(), found.title(), found.textLanguage()));
	}

	private Rendering reportForm(ServerWebExchange exchange, boolean item, String href, String heading,
			String textLanguage) {
		Locale locale = Messages.localeOf(exchange);
		Map<String, Object> model = this.layout.model(exchange, item ? "report.item.heading" : "report.page-title");
		model.put("item", item);
		model.put("href", href);
		model.put("action", href + "/reports");
		model.put("heading", heading);
		model.put("textLanguage", textLanguage);
		model.put("reportReasons", choices(this.moderation.reportReasons(), "report.reason.", locale));
		model.put("maxReportText", ModerationService.MAX_REPORT_TEXT);
		if (exchange.getRequest().getQueryParams().containsKey("invalid")) {
			model.put("problem", this.messages.get(locale, "error.report.reason"));
		}
		return Rendering.view(REPORT_VIEW).model(model).build();
	}

	@PostMapping("/listings/{id}/reports")
	Mono<Rendering> report(@PathVariable String id, ServerWebExchange exchange) {
		return ListingIds.require(id)
			.flatMap((listing) -> report(ModerationService.LISTING, listing, "/listings/" + listing, exchange));
	}

	@PostMapping("/organisations/{id}/reports")
	Mono<Rendering> reportOrganisation(@PathVariable String id, ServerWebExchange exchange) {
		UUID item = ListingIds.parse(id);
		return report("organisation", item, "/organisations/" + item, exchange);
	}

	@PostMapping("/activities/{id}/reports")
	Mono<Rendering> reportActivity(@PathVariable String id, ServerWebExchange exchange) {
		UUID item = ListingIds.parse(id);
		return report("activity", item, "/activities/" + item, exchange);
	}

	private Mono<Rendering> report(String type, UUID id, String href, ServerWebExchange exchange) {
		return exchange.getFormData()
			.zipWith(this.members.current(exchange)
				.map((member) -> java.util.Optional.of(member.accountId()))
				.defaultIfEmpty(java.util.Optional.<UUID>empty()))
			.flatMap((both) -> this.moderation.reportItem(type, id, both.getT2().orElse(null),
					this.addresses.of(exchange.getRequest()), both.getT1().getFirst("reason"),
					both.getT1().getFirst("text")))
			.then(Mono.fromSupplier(() -> {
				// Rendered, not redirected: the report may just have taken the item down.
				boolean item = !ModerationService.LISTING.equals(type);
				Map<String, Object> model = this.layout.model(exchange,
						item ? "report.item.heading" : "report.page-title");
				model.put("item", item);
				model.put("sent", true);
				return Rendering.view(REPORT_VIEW).model(model).build();
			}))
			.onErrorResume(InvalidModeration.class,
					(invalid) -> Mono.just(Rendering.redirectTo(href + "/report?invalid").build()));
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
