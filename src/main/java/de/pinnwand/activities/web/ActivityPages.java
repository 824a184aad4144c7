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
import de.pinnwand.activities.ActivityIds;
import de.pinnwand.activities.ActivityService;
import de.pinnwand.activities.ActivitySignups;
import de.pinnwand.activities.CancelledDates;
import de.pinnwand.activities.InvalidSignup;
import de.pinnwand.activities.OccurrenceCount;
import de.pinnwand.activities.Signup;
import de.pinnwand.organisations.Organisation;
import de.pinnwand.organisations.Organisations;
import de.pinnwand.system.Languages;
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
 * The activity pages: upcoming activities with filters, and an activity with its next
 * dates (cancelled ones marked) and sign-up buttons. Plain HTML forms that work without
 * JavaScript; signing up needs a signed-in member. The form is
 * {@link ActivityFormPages}', the organisers' tools {@link OrganiserPages}'.
 */
@Controller
class ActivityPages {

	static final String LIST_VIEW = "activities/list";

	static final String DETAIL_VIEW = "activities/detail";

	/** Occurrences on the list page at most. */
	static final int LIST_SIZE = 60;

	private static final Set<String> DONE = Set.of("created", "saved", "cancelled", "signed-up", "signup-cancelled",
			"date-cancelled");

	private static final Set<String> PROBLEMS = Set.of("signup.already", "signup.past", "signup.cancelled",
			"signup.no-occurrence", "signup.contact-missing", "signup.date-cancelled", "choice.unknown",
			"activity.date.no-occurrence", "activity.date.past");

	private final ActivityService activities;

	private final ActivitySignups signups;

	private final CancelledDates cancelledDates;

	private final ActivityListing listing;

	private final Organisations organisations;

	private final Members members;

	private final Layout layout;

	private final Messages messages;

	private final Clock clock;

	ActivityPages(ActivityService activities, ActivitySignups signups, CancelledDates cancelledDates,
			ActivityListing listing, Organisations organisations, Members members, Layout layout, Messages messages,
			Clock clock) {
		this.activities = activities;
		this.signups = signups;
		this.cancelledDates = cancelledDates;
		this.listing = listing;
		this.organisations = organisations;
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
			found.activities()
				.stream()
				.flatMap((activity) -> found.next(activity, this.clock.instant())
					.stream()
					.map((date) -> new Dated(activity, date)))
				.sorted(Comparator.comparing((Dated dated) -> dated.activity().startOf(dated.date())))
				.limit(LIST_SIZE)
				.forEach((dated) -> lines.add(new Line("/activities/" + dated.activity().id(), dated.activity().title(),
						names.getOrDefault(dated.activity().organisationId(), ""),
						ActivityTexts.when(dated.activity(), dated.date(), locale),
						ActivityTexts.place(dated.activity()), ActivityTexts.availability(dated.activity(),
								found.count(dated.activity(), dated.date()), this.messages, locale))));
			List<Choice> organisationChoices = both.getT2()
				.stream()
				.sorted(Comparator
					.comparing((Organisation organisation) -> organisation.name().toLowerCase(Locale.ROOT)))
				.map((organisation) -> new Choice(organisation.id().toString(), organisation.name(),
						organisation.id().toString().equals(parsed.organisation())))
				.toList();
			List<Choice> languageChoices = Languages.codes()
				.stream()
				.map((code) -> new Choice(code, Languages.endonym(code), code.equals(parsed.language())))
				.toList();
			Map<String, Object> model = this.layout.model(exchange, "activities.page-title");
			model.put("activities",
					new ListView(parsed.text(), parsed.near(), parsed.radiusKm(), organisationChoices, languageChoices,
							lines, lines.isEmpty(),
							parsed.unknownPlace() ? this.messages.get(locale, "error.place.unknown") : null, calendar));
			model.put("feed", Map.of("href", calendar, "type", "text/calendar", "label",
					this.messages.get(locale, "activities.subscribe")));
			return Rendering.view(LIST_VIEW).model(model).build();
		});
	}

	/**
	 * A date of the activity on its page, with what the reader can do.
	 *
	 * @param cancelled the organisers cancelled this date
	 * @param canCancelDate the reader organises the activity and the date has not begun
	 */
	record DateLine(String date, String when, String availability, String myStatus, boolean canSignUp,
			boolean canCancel, boolean cancelled, boolean canCancelDate) {
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
		// A hidden activity (waiting for review, reported, closed) is seen only by
		// coordinators, who decide about it,
		// and its organisers, who are told that it waits.
		return ActivityIds.require(id)
			.flatMap(this.activities::find)
			.zipWhen((activity) -> this.activities.isHidden(activity.id()))
			.filterWhen((found) -> !found.getT2() ? Mono.just(true)
					: this.members.current(exchange)
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
					.flatMap((member) -> this.activities.mayManage(activity, member.accountId()))
					.defaultIfEmpty(false);
				Mono<List<Signup>> mine = this.members.current(exchange)
					.flatMap((member) -> this.signups.signupsOf(member.accountId(), activity.id()).collectList())
					.defaultIfEmpty(List.of());
				Mono<Map<LocalDate, OccurrenceCount>> counts = this.signups.counts(List.of(activity.id()), today)
					.map((all) -> all.getOrDefault(activity.id(), Map.of()));
				Mono<String> organisation = this.organisations.findById(activity.organisationId())
					.map(Organisation::name)
					.defaultIfEmpty("");
				Mono<Set<LocalDate>> cancelledDates = this.cancelledDates.of(List.of(activity.id()))
					.map((all) -> all.getOrDefault(activity.id(), Set.of()));
				return Mono
					.zip(manages, mine, counts, organisation, this.members.current(exchange).hasElement(),
							cancelledDates)
					.map((all) -> {
						Map<LocalDate, Signup> byDate = new java.util.HashMap<>();
						all.getT2().forEach((signup) -> byDate.put(signup.occurrence(), signup));
						List<DateLine> dates = next.stream().map((date) -> {
							Signup signup = byDate.get(date);
							boolean started = !activity.startOf(date).toInstant().isAfter(this.clock.instant());
							boolean off = all.getT6().contains(date);
							return new DateLine(date.toString(), ActivityTexts.when(activity, date, locale),
									off ? null
											: ActivityTexts.availability(activity,
													all.getT3().getOrDefault(date, new OccurrenceCount(date, 0, 0)),
													this.messages, locale),
									(signup != null) ? ActivityTexts.status(signup, this.messages, locale) : null,
									signup == null && !started && !off, signup != null && !started, off,
									all.getT1() && !started && !off);
						}).toList();
						String calendar = "/organisations/" + activity.organisationId() + "/activities.ics";
						Map<String, Object> model = this.layout.model(exchange, "activity.page-title");
						model.put("title", activity.title());
						model.put("hidden", hidden);
						model.put("activity", new DetailView(activity.id().toString(), activity.title(),
								activity.description(), all.getT4(),
								"/activities?organisation=" + activity.organisationId(),
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
					return Mono.just(redirect(activityId, "problem",
							(occurrence == null) ? "signup.no-occurrence" : "choice.unknown"));
				}
				return this.signups.signUp(activityId, both.getT2().accountId(), occurrence, contact)
					.map((signup) -> redirect(activityId, "done", "signed-up"))
					.onErrorResume(InvalidSignup.class,
							(invalid) -> Mono.just(redirect(activityId, "problem", invalid.problems().get(0).code())));
			});
		});
	}

	@PostMapping("/activities/{id}/signups/{occurrence}/cancellation")
	Mono<Rendering> cancelSignup(@PathVariable String id, @PathVariable String occurrence, ServerWebExchange exchange) {
		LocalDate date = ActivityIds.date(occurrence);
		return ActivityIds.require(id)
			.zipWith(this.members.required(exchange))
			.flatMap((both) -> (date != null)
					? this.signups.cancelSignup(both.getT1(), both.getT2().accountId(), date)
						.thenReturn(redirect(both.getT1(), "done", "signup-cancelled"))
					: Mono.just(redirect(both.getT1(), "problem", "signup.no-occurrence")));
	}

	static Rendering redirect(UUID id, String key, String value) {
		return Rendering.redirectTo("/activities/" + id + "?" + key + "=" + value).build();
	}

	private static Map<UUID, String> names(List<Organisation> organisations) {
		return organisations.stream()
			.collect(java.util.stream.Collectors.toMap(Organisation::id, Organisation::name, (a, b) -> a));
	}

}
