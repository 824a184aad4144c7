package de.pinnwand.activities.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.accounts.Members;
import de.pinnwand.activities.ActivityDraft;
import de.pinnwand.activities.ActivityIds;
import de.pinnwand.activities.ActivityService;
import de.pinnwand.activities.InvalidActivity;
import de.pinnwand.organisations.Organisation;
import de.pinnwand.organisations.OrganisationMemberships;
import de.pinnwand.organisations.Organisations;
import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.Languages;
import de.pinnwand.web.Layout;
import de.pinnwand.web.Messages;
import org.springframework.dao.OptimisticLockingFailureException;
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

/**
 * The form to put an activity on the board or change it, and cancelling it, for the
 * members of its organisation. A plain HTML form that works without JavaScript; what was
 * typed comes back with each field's problem.
 */
@Controller
class ActivityFormPages {

	static final String FORM_VIEW = "activities/form";

	private final ActivityService activities;

	private final Organisations organisations;

	private final OrganisationMemberships memberships;

	private final Members members;

	private final Layout layout;

	private final Messages messages;

	ActivityFormPages(ActivityService activities, Organisations organisations, OrganisationMemberships memberships,
			Members members, Layout layout, Messages messages) {
		this.activities = activities;
		this.organisations = organisations;
		this.memberships = memberships;
		this.members = members;
		this.layout = layout;
		this.messages = messages;
	}

	@GetMapping("/activities/new")
	Mono<Rendering> form(@RequestParam(name = "organisation", required = false) String organisation,
			ServerWebExchange exchange) {
		String lang = Messages.localeOf(exchange).getLanguage();
		ActivityDraft empty = new ActivityDraft("", "", List.of(Languages.isKnown(lang) ? lang : "de"), "", "", "", "",
				"NONE", "", null);
		return this.members.required(exchange)
			.flatMap((member) -> choices(member.accountId(), organisation))
			.map((choices) -> formPage("/activities", null, choices, empty, List.of(), HttpStatus.OK, exchange));
	}

	@PostMapping("/activities")
	Mono<Rendering> create(ServerWebExchange exchange) {
		return exchange.getFormData().zipWith(this.members.required(exchange)).flatMap((both) -> {
			MultiValueMap<String, String> form = both.getT1();
			ActivityDraft draft = draft(form);
			UUID organisation = ActivityIds.parse(form.getFirst("organisation"));
			UUID accountId = both.getT2().accountId();
			return this.activities.create(accountId, organisation, draft)
				.map((created) -> ActivityPages.redirect(created.id(), "done", "created"))
				.onErrorResume(InvalidActivity.class,
						(invalid) -> choices(accountId, form.getFirst("organisation"))
							.map((choices) -> formPage("/activities", null, choices, draft, invalid.problems(),
									HttpStatus.UNPROCESSABLE_CONTENT, exchange)));
		});
	}

	@GetMapping("/activities/{id}/edit")
	Mono<Rendering> edit(@PathVariable String id, ServerWebExchange exchange) {
		return OrganiserPages.managed(this.activities, this.members, id, exchange)
			.map((activity) -> formPage("/activities/" + activity.id() + "/edit", activity.version(), List.of(),
					ActivityDraft.of(activity), List.of(), HttpStatus.OK, exchange));
	}

	@PostMapping("/activities/{id}/edit")
	Mono<Rendering> saveEdit(@PathVariable String id, ServerWebExchange exchange) {
		return exchange.getFormData()
			.flatMap((form) -> OrganiserPages.managed(this.activities, this.members, id, exchange)
				.flatMap((activity) -> {
					ActivityDraft draft = draft(form);
					long version = parseLong(form.getFirst("version"));
					String action = "/activities/" + activity.id() + "/edit";
					return this.members.required(exchange)
						.flatMap((member) -> this.activities.update(activity.id(), member.accountId(), version, draft))
						.map((saved) -> ActivityPages.redirect(saved.id(), "done", "saved"))
						.onErrorResume(InvalidActivity.class,
								(invalid) -> Mono.just(formPage(action, version, List.of(), draft, invalid.problems(),
										HttpStatus.UNPROCESSABLE_CONTENT, exchange)))
						.onErrorResume(OptimisticLockingFailureException.class,
								(changed) -> Mono
									.just(formPage(action, activity.version(), List.of(), ActivityDraft.of(activity),
											List.of(new FieldProblem("version", "version.changed")),
											HttpStatus.CONFLICT, exchange)));
				}));
	}

	@PostMapping("/activities/{id}/cancellation")
	Mono<Rendering> cancel(@PathVariable String id, ServerWebExchange exchange) {
		return ActivityIds.require(id)
			.zipWith(this.members.required(exchange))
			.flatMap((both) -> this.activities.cancel(both.getT1(), both.getT2().accountId()))
			.map((cancelled) -> ActivityPages.redirect(cancelled.id(), "done", "cancelled"));
	}

	/** The organisations the member may post for, the asked-for one chosen. */
	private Mono<List<ActivityFormView.Option>> choices(UUID accountId, String chosen) {
		return this.memberships.of(accountId)
			.map((membership) -> membership.organisationId())
			.collectList()
			.flatMap((ids) -> this.organisations.findAllById(ids).collectList())
			.map((found) -> found.stream()
				.sorted(Comparator
					.comparing((Organisation organisation) -> organisation.name().toLowerCase(Locale.ROOT)))
				.map((organisation) -> new ActivityFormView.Option(organisation.id().toString(), organisation.name(),
						organisation.id().toString().equals(chosen) || found.size() == 1))
				.toList());
	}

	private Rendering formPage(String action, Long version, List<ActivityFormView.Option> organisations,
			ActivityDraft draft, List<FieldProblem> problems, HttpStatus status, ServerWebExchange exchange) {
		Map<String, Object> model = this.layout.model(exchange,
				(version != null) ? "activity.form.edit-title" : "activity.form.new-title");
		model.put("form", ActivityFormView.of(action, version, organisations, draft, problems, this.messages,
				Messages.localeOf(exchange)));
		return Rendering.view(FORM_VIEW).model(model).status(status).build();
	}

	private static ActivityDraft draft(MultiValueMap<String, String> form) {
		Integer capacity = null;
		String value = form.getFirst("capacity");
		if (value != null && !value.isBlank()) {
			long parsed = parseLong(value);
			capacity = (parsed > Integer.MAX_VALUE || parsed < Integer.MIN_VALUE) ? -1 : (int) parsed;
		}
		return new ActivityDraft(form.getFirst("title"), form.getFirst("description"),
				form.getOrDefault("languages", List.of()), form.getFirst("place"), form.getFirst("date"),
				form.getFirst("startTime"), form.getFirst("endTime"),
				(form.getFirst("recurrence") != null) ? form.getFirst("recurrence") : "NONE",
				form.getFirst("repeatUntil"), capacity, form.getFirst("venue"));
	}

	private static long parseLong(String value) {
		try {
			return (value != null && value.strip().length() <= 9) ? Long.parseLong(value.strip()) : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
