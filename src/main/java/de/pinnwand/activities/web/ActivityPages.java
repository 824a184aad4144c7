package de.pinnwand.activities.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.pinnwand.accounts.Members;
import de.pinnwand.activities.Activity;
import de.pinnwand.activities.ActivityDraft;
import de.pinnwand.activities.ActivityIds;
import de.pinnwand.activities.ActivityService;
import de.pinnwand.activities.Attendee;
import de.pinnwand.activities.InvalidActivity;
import de.pinnwand.activities.InvalidSignup;
import de.pinnwand.activities.OccurrenceCount;
import de.pinnwand.activities.Signup;
import de.pinnwand.activities.SignupStatus;
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
 * The activity pages: upcoming activities with filters, an activity with its next dates and sign-up buttons,
 * the form to put one on the board or change it, and the organisers' list of who signed up. Plain HTML forms
 * that work without JavaScript; changing anything needs a signed-in member.
 */
@Controller
class ActivityPages {

	static final String LIST_VIEW = "activities/list";

	static final String DETAIL_VIEW = "activities/detail";

	static final String FORM_VIEW = "activities/form";

	static final String SIGNUPS_VIEW = "activities/signups";

	/** Occurrences on the list page at most. */
	static final int LIST_SIZE = 60;

	private static final Set<String> DONE = Set.of("created", "saved", "cancelled", "signed-up", "signup-cancelled");

	private static final Set<String> PROBLEMS = Set.of("signup.already", "signup.past", "signup.cancelled",
			"signup.no-occurrence", "signup.contact-missing", "choice.unknown");

	private final ActivityService activities;

	private final ActivityListing listing;

	private final Organisations organisations;

	private final OrganisationMemberships memberships;

	private final Members members;

	private final Layout layout;

	private final Messages messages;

	private final Clock clock;

	ActivityPages(ActivityService activities, ActivityListing listing, Organisations organisations,
			OrganisationMemberships memberships, Members members, Layout layout, Messages messages, Clock clock) {
		this.activities = activities;
		this.listing = listing;
		this.organisations = organisations;
		this.memberships = memberships;
		this.members = members;
		this.layout = layout;
		this.messages = messages;
		this.clock = clock;
	}

	/** One upcoming date on the list page. */
	record Line(String href, String title, String organisation, String when, String place, String availability) {
	}

	/** A choice of a filter. */
	record Choice(String value, String label, boolean selected) {
	}

	/** The list page: filters as sent, their choices, the upcoming dates. */
	record ListView(String q, String near, int radiusKm, List<Choice> organisations, List<Choice> languages,
			List<Line> lines, boolean empty, String notice, String calendarHref) {
	}

	@GetMapping("/activities")
	Mono<Rendering> list(ServerWebExchange exchange) {
		Locale locale = Messages.localeOf(exchange);
		ActivityListing.Parsed parsed = this.listing.parse(exchange.getRequest().getQueryParams());
		String query = exchange.getRequest().getURI().getRawQuery();
		String calendar = "/activities.ics" + ((query != null) ? "?" + query : "");
		return this.listing.find(parsed.filter()).zipWith(this.organisations.findAll().collectList()).map((both) -> {
			ActivityListing.Found found = both.getT1();
			Map<UUID, String> names = names(both.getT2());
			List<Line> lines = new ArrayList<>();
			record Dated(Activity activity, LocalDate date) {
			}
			found.activities().stream()
				.flatMap((activity) -> found.next(activity, this.clock.instant()).stream()
					.map((date) -> new Dated(activity, date)))
				.sorted(Comparator.comparing((Dated dated) -> dated.activity().startOf(dated.date())))
				.limit(LIST_SIZE)
				.forEach((dated) -> lines.add(new Line("/activities/" + dated.activity().id(), dated.activity().title(),
						names.getOrDefault(dated.activity().organisationId(), ""),
						ActivityTexts.when(dated.activity(), dated.date(), locale),
						ActivityTexts.place(dated.activity()), ActivityTexts.availability(dated.activity(),
								found.count(dated.activity(), dated.date()), this.messages, locale))));
			List<Choice> organisationChoices = both.getT2().stream()
				.sorted(Comparator.comparing((Organisation organisation) -> organisation.name().toLowerCase(Locale.ROOT)))
				.map((organisation) -> new Choice(organisation.id().toString(), organisation.name(),
						organisation.id().toString().equals(parsed.organisation())))
				.toList();
			List<Choice> languageChoices = Languages.codes().stream()
				.map((code) -> new Choice(code, Languages.endonym(code), code.equals(parsed.language())))
				.toList();
			Map<String, Object> model = this.layout.model(exchange, "activities.page-title");
			model.put("activities", new ListView(parsed.text(), parsed.near(), parsed.radiusKm(), organisationChoices,
					languageChoices, lines, lines.isEmpty(),
					parsed.unknownPlace() ? this.messages.get(locale, "error.place.unknown") : null, calendar));
			model.put("feed", Map.of("href", calendar, "type", "text/calendar", "label",
					this.messages.get(locale, "activities.subscribe")));
			return Rendering.view(LIST_VIEW).model(model).build();
		});
	}

	/** A date of the activity on its page, with what the reader can do. */
	record DateLine(String date, String when, String availability, String myStatus, boolean canSignUp,
			boolean canCancel) {
	}

	/** The activity's page. */
	record DetailView(String id, String title, String description, String organisation, String organisationHref,
			String schedule, String place, String languages, boolean cancelled, boolean manages, boolean signedIn,
			List<DateLine> dates, String done, String problem, String calendarHref) {
	}

	@GetMapping("/activities/{id}")
	Mono<Rendering> detail(@PathVariable String id, ServerWebExchange exchange) {
		Locale locale = Messages.localeOf(exchange);
		MultiValueMap<String, String> params = exchange.getRequest().getQueryParams();
		// Set.of refuses to look up null: absent parameters become "".
		String doneKey = java.util.Objects.toString(params.getFirst("done"), "");
		String problemKey = java.util.Objects.toString(params.getFirst("problem"), "");
		String done = DONE.contains(doneKey) ? this.messages.get(locale, "activity.done." + doneKey) : null;
		String problem = PROBLEMS.contains(problemKey) ? this.messages.get(locale, "error." + problemKey) : null;
		// A hidden activity (waiting for review, reported, closed) is seen only by coordinators, who decide about it,
		// and its organisers, who are told that it waits.
		return ActivityIds.require(id).flatMap(this.activities::find)
			.zipWhen((activity) -> this.activities.isHidden(activity.id()))
			.filterWhen((found) -> !found.getT2() ? Mono.just(true) : this.members.current(exchange)
				.flatMap((member) -> member.isCoordinator() ? Mono.just(true)
						: this.activities.mayManage(found.getT1(), member.accountId()))
				.defaultIfEmpty(false))
			.switchIfEmpty(Mono.error(() -> new de.pinnwand.activities.ActivityNotFound(null)))
			.flatMap((found) -> {
			Activity activity = found.getT1();
			boolean hidden = found.getT2();
			LocalDate today = LocalDate.now(this.clock.withZone(Activity.ZONE));
			List<LocalDate> next = activity.isCancelled() ? List.of()
					: activity.occurrencesAfter(this.clock.instant(), ActivityListing.OCCURRENCES);
			Mono<Boolean> manages = this.members.current(exchange)
				.flatMap((member) -> this.activities.mayManage(activity, member.accountId())).defaultIfEmpty(false);
			Mono<List<Signup>> mine = this.members.current(exchange)
				.flatMap((member) -> this.activities.signupsOf(member.accountId(), activity.id()).collectList())
				.defaultIfEmpty(List.of());
			Mono<Map<LocalDate, OccurrenceCount>> counts = this.activities.counts(List.of(activity.id()), today)
				.map((all) -> all.getOrDefault(activity.id(), Map.of()));
			Mono<String> organisation = this.organisations.findById(activity.organisationId()).map(Organisation::name)
				.defaultIfEmpty("");
			return Mono.zip(manages, mine, counts, organisation, this.members.current(exchange).hasElement())
				.map((all) -> {
					Map<LocalDate, Signup> byDate = new java.util.HashMap<>();
					all.getT2().forEach((signup) -> byDate.put(signup.occurrence(), signup));
					List<DateLine> dates = next.stream().map((date) -> {
						Signup signup = byDate.get(date);
						boolean started = !activity.startOf(date).toInstant().isAfter(this.clock.instant());
						return new DateLine(date.toString(), ActivityTexts.when(activity, date, locale),
								ActivityTexts.availability(activity,
										all.getT3().getOrDefault(date, new OccurrenceCount(date, 0, 0)), this.messages,
										locale),
								(signup != null) ? ActivityTexts.status(signup, this.messages, locale) : null,
								signup == null && !started, signup != null && !started);
					}).toList();
					String calendar = "/organisations/" + activity.organisationId() + "/activities.ics";
					Map<String, Object> model = this.layout.model(exchange, "activity.page-title");
					model.put("title", activity.title());
					model.put("hidden", hidden);
					model.put("activity", new DetailView(activity.id().toString(), activity.title(),
							activity.description(), all.getT4(), "/activities?organisation=" + activity.organisationId(),
							ActivityTexts.schedule(activity, this.messages, locale), ActivityTexts.place(activity),
							String.join(", ", activity.languages().stream().map(Languages::endonym).toList()),
							activity.isCancelled(), all.getT1(), all.getT5(), dates, done, problem, calendar));
					model.put("feed", Map.of("href", calendar, "type", "text/calendar", "label",
							this.messages.get(locale, "activities.subscribe-organisation")));
					return Rendering.view(DETAIL_VIEW).model(model).build();
				});
		});
	}

	@PostMapping("/activities/{id}/signups")
	Mono<Rendering> signUp(@PathVariable String id, ServerWebExchange exchange) {
		return exchange.getFormData().zipWith(this.members.required(exchange)).flatMap((both) -> {
			MultiValueMap<String, String> form = both.getT1();
			LocalDate occurrence = ActivityIds.date(form.getFirst("occurrence"));
			var contact = ActivitiesApi.sharedContact(form.getFirst("sharedContact"));
			return ActivityIds.require(id).flatMap((activityId) -> {
				if (occurrence == null || contact == null) {
					return Mono.just(redirect(activityId, "problem", (occurrence == null) ? "signup.no-occurrence"
							: "choice.unknown"));
				}
				return this.activities.signUp(activityId, both.getT2().accountId(), occurrence, contact)
					.map((signup) -> redirect(activityId, "done", "signed-up"))
					.onErrorResume(InvalidSignup.class,
							(invalid) -> Mono.just(redirect(activityId, "problem", invalid.problems().get(0).code())));
			});
		});
	}

	@PostMapping("/activities/{id}/signups/{occurrence}/cancellation")
	Mono<Rendering> cancelSignup(@PathVariable String id, @PathVariable String occurrence, ServerWebExchange exchange) {
		LocalDate date = ActivityIds.date(occurrence);
		return ActivityIds.require(id).zipWith(this.members.required(exchange))
			.flatMap((both) -> (date != null)
					? this.activities.cancelSignup(both.getT1(), both.getT2().accountId(), date)
						.thenReturn(redirect(both.getT1(), "done", "signup-cancelled"))
					: Mono.just(redirect(both.getT1(), "problem", "signup.no-occurrence")));
	}

	@GetMapping("/activities/new")
	Mono<Rendering> form(@RequestParam(name = "organisation", required = false) String organisation,
			ServerWebExchange exchange) {
		String lang = Messages.localeOf(exchange).getLanguage();
		ActivityDraft empty = new ActivityDraft("", "", List.of(Languages.isKnown(lang) ? lang : "de"), "", "",
				"", "", "NONE", "", null);
		return this.members.required(exchange).flatMap((member) -> choices(member.accountId(), organisation))
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
				.map((created) -> redirect(created.id(), "done", "created"))
				.onErrorResume(InvalidActivity.class, (invalid) -> choices(accountId, form.getFirst("organisation"))
					.map((choices) -> formPage("/activities", null, choices, draft, invalid.problems(),
							HttpStatus.UNPROCESSABLE_CONTENT, exchange)));
		});
	}

	@GetMapping("/activities/{id}/edit")
	Mono<Rendering> edit(@PathVariable String id, ServerWebExchange exchange) {
		return managed(id, exchange).map((activity) -> formPage("/activities/" + activity.id() + "/edit",
				activity.version(), List.of(), ActivityDraft.of(activity), List.of(), HttpStatus.OK, exchange));
	}

	@PostMapping("/activities/{id}/edit")
	Mono<Rendering> saveEdit(@PathVariable String id, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((form) -> managed(id, exchange).flatMap((activity) -> {
			ActivityDraft draft = draft(form);
			long version = parseLong(form.getFirst("version"));
			String action = "/activities/" + activity.id() + "/edit";
			return this.members.required(exchange)
				.flatMap((member) -> this.activities.update(activity.id(), member.accountId(), version, draft))
				.map((saved) -> redirect(saved.id(), "done", "saved"))
				.onErrorResume(InvalidActivity.class, (invalid) -> Mono.just(formPage(action, version, List.of(),
						draft, invalid.problems(), HttpStatus.UNPROCESSABLE_CONTENT, exchange)))
				.onErrorResume(OptimisticLockingFailureException.class, (changed) -> Mono.just(formPage(action,
						activity.version(), List.of(), ActivityDraft.of(activity),
						List.of(new FieldProblem("version", "version.changed")), HttpStatus.CONFLICT, exchange)));
		}));
	}

	@PostMapping("/activities/{id}/cancellation")
	Mono<Rendering> cancel(@PathVariable String id, ServerWebExchange exchange) {
		return ActivityIds.require(id).zipWith(this.members.required(exchange))
			.flatMap((both) -> this.activities.cancel(both.getT1(), both.getT2().accountId()))
			.map((cancelled) -> redirect(cancelled.id(), "done", "cancelled"));
	}

	/** A person on the organisers' list. */
	record AttendeeLine(String when, String name, String status, String contact) {
	}

	@GetMapping("/activities/{id}/signups")
	Mono<Rendering> signups(@PathVariable String id, ServerWebExchange exchange) {
		Locale locale = Messages.localeOf(exchange);
		return managed(id, exchange).flatMap((activity) -> this.members.required(exchange)
			.flatMapMany((member) -> this.activities.attendees(activity.id(), member.accountId(), null))
			.map((attendee) -> new AttendeeLine(ActivityTexts.when(activity, attendee.occurrence(), locale),
					attendee.displayName(), status(attendee, locale),
					(attendee.contact() != null) ? attendee.contact() : this.messages.get(locale, "activity.signups.no-contact")))
			.collectList()
			.map((lines) -> {
				Map<String, Object> model = this.layout.model(exchange, "activity.signups.page-title");
				model.put("activityTitle", activity.title());
				model.put("activityHref", "/activities/" + activity.id());
				model.put("attendees", lines);
				model.put("none", lines.isEmpty());
				return Rendering.view(SIGNUPS_VIEW).model(model).build();
			}));
	}

	private String status(Attendee attendee, Locale locale) {
		return (attendee.status() == SignupStatus.CONFIRMED) ? this.messages.get(locale, "activity.my.confirmed")
				: this.messages.get(locale, "activity.my.waiting", attendee.position());
	}

	private Mono<Activity> managed(String id, ServerWebExchange exchange) {
		return ActivityIds.require(id).zipWith(this.members.required(exchange))
			.flatMap((both) -> this.activities.managed(both.getT1(), both.getT2().accountId()));
	}

	/** The organisations the member may post for, the asked-for one chosen. */
	private Mono<List<ActivityFormView.Option>> choices(UUID accountId, String chosen) {
		return this.memberships.of(accountId).map((membership) -> membership.organisationId()).collectList()
			.flatMap((ids) -> this.organisations.findAllById(ids).collectList())
			.map((found) -> found.stream()
				.sorted(Comparator.comparing((Organisation organisation) -> organisation.name().toLowerCase(Locale.ROOT)))
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

	private static Rendering redirect(UUID id, String key, String value) {
		return Rendering.redirectTo("/activities/" + id + "?" + key + "=" + value).build();
	}

	private static Map<UUID, String> names(List<Organisation> organisations) {
		return organisations.stream().collect(java.util.stream.Collectors.toMap(Organisation::id, Organisation::name,
				(a, b) -> a));
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
				(form.getFirst("recurrence") != null) ? form.getFirst("recurrence") : "NONE", form.getFirst("repeatUntil"),
				capacity);
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
