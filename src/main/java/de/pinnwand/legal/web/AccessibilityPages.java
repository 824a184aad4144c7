package de.pinnwand.legal.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.pinnwand.accounts.Member;
import de.pinnwand.accounts.Members;
import de.pinnwand.legal.AccessibilityFeedback;
import de.pinnwand.legal.InvalidFeedback;
import de.pinnwand.legal.LegalProperties;
import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.PortalZone;
import de.pinnwand.texts.TextOverrides;
import de.pinnwand.web.Layout;
import de.pinnwand.web.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The accessibility statement (BITV 2.0 § 7, EU Directive 2016/2102) with its feedback
 * form, and the page where the coordination office reads what came in.
 */
@Controller
class AccessibilityPages {

	static final String STATEMENT_VIEW = "legal/accessibility";

	static final String FEEDBACK_VIEW = "legal/feedback";

	private static final ZoneId ZONE = PortalZone.ZONE;

	private final Layout layout;

	private final Messages messages;

	private final Members members;

	private final LegalProperties legal;

	private final AccessibilityFeedback feedback;

	private final TextOverrides texts;

	AccessibilityPages(Layout layout, Messages messages, Members members, LegalProperties legal,
			AccessibilityFeedback feedback, TextOverrides texts) {
		this.texts = texts;
		this.layout = layout;
		this.messages = messages;
		this.members = members;
		this.legal = legal;
		this.feedback = feedback;
	}

	/** What the reader typed, shown again with the problems when the form was refused. */
	record Form(String message, String location, String email) {

		static final Form EMPTY = new Form("", "", "");

	}

	/** A piece of feedback as the coordinators' page shows it. */
	record FeedbackView(String receivedAt, String language, String location, String message, String email) {
	}

	@GetMapping("/accessibility")
	Mono<Rendering> statement(ServerWebExchange exchange) {
		boolean sent = exchange.getRequest().getQueryParams().containsKey("sent");
		return this.members.current(exchange)
			.map(Member::isCoordinator)
			.defaultIfEmpty(false)
			.map((coordinates) -> statement(exchange, Form.EMPTY, List.of(), sent, coordinates).build());
	}

	@PostMapping("/accessibility/feedback")
	Mono<Rendering> send(ServerWebExchange exchange) {
		Locale locale = Messages.localeOf(exchange);
		return exchange.getFormData().flatMap((form) -> {
			Form typed = new Form(first(form, "message"), first(form, "location"), first(form, "email"));
			return this.feedback.receive(locale, typed.location(), typed.message(), typed.email())
				// Redirected, so that reloading the confirmation does not send the
				// message again.
				.thenReturn(Rendering.redirectTo("/accessibility?sent#feedback").build())
				.onErrorResume(InvalidFeedback.class,
						(invalid) -> Mono.just(statement(exchange, typed, invalid.problems(), false, false)
							.status(HttpStatus.UNPROCESSABLE_CONTENT)
							.build()));
		});
	}

	@GetMapping("/moderation/accessibility-feedback")
	Mono<Rendering> received(ServerWebExchange exchange) {
		Locale locale = Messages.localeOf(exchange);
		DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(ZONE);
		return this.members.required(exchange)
			.flatMapMany(this.feedback::newest)
			.map((entry) -> new FeedbackView(when.format(entry.receivedAt()), entry.language(), entry.location(),
					entry.message(), entry.email()))
			.collectList()
			.map((entries) -> {
				Map<String, Object> model = this.layout.model(exchange, "legal.feedback.list.page-title");
				model.put("entries", entries);
				model.put("none", entries.isEmpty());
				model.put("hint", this.messages.get(locale, "legal.feedback.list.hint", AccessibilityFeedback.SHOWN));
				return Rendering.view(FEEDBACK_VIEW).model(model).build();
			});
	}

	private Rendering.Builder<?> statement(ServerWebExchange exchange, Form form, List<FieldProblem> problems,
			boolean sent, boolean coordinates) {
		Locale locale = Messages.localeOf(exchange);
		Map<String, Object> model = this.layout.model(exchange, "legal.accessibility.page-title");
		model.put("reviewed", this.messages.get(locale, "legal.accessibility.made",
				LegalPages.date(this.legal.accessibilityReviewed(), locale)));
		model.put("operator", LegalPages.Operator.of(this.legal));
		model.put("conciliationName", this.legal.conciliationName());
		model.put("conciliationAddress", this.legal.conciliationAddress());
		model.put("conciliationUrl", this.legal.conciliationUrl().toString());
		model.put("form", form);
		model.put("maxMessage", AccessibilityFeedback.MAX_MESSAGE);
		model.put("maxLocation", AccessibilityFeedback.MAX_LOCATION);
		model.put("maxEmail", AccessibilityFeedback.MAX_EMAIL);
		model.put("sent", sent);
		model.put("coordinatesFeedback", coordinates);
		Map<String, String> errors = new HashMap<>();
		problems.forEach((problem) -> errors.putIfAbsent(problem.field(),
				this.messages.get(locale, problem.code(), problem.arguments())));
		model.put("errors", errors);
		model.put("hasErrors", !errors.isEmpty());
		// Which translations a native speaker checked, and when (set with an import in
		// the text editor).
		model.put("translations",
				this.texts.reviews()
					.map((review) -> this.messages.get(locale, "legal.translations.reviewed",
							this.messages.get(Locale.forLanguageTag(review.language()), "language.self"),
							LegalPages.date(review.reviewedOn(), locale)))
					.collectList());
		return Rendering.view(STATEMENT_VIEW).model(model);
	}

	private static String first(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		return (value != null) ? value : "";
	}

}
