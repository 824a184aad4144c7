package de.pinnwand.activities.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.pinnwand.accounts.Members;
import de.pinnwand.activities.Activity;
import de.pinnwand.activities.ActivityIds;
import de.pinnwand.activities.ActivityService;
import de.pinnwand.activities.ActivitySignups;
import de.pinnwand.activities.Attendee;
import de.pinnwand.activities.InvalidActivity;
import de.pinnwand.activities.SignupStatus;
import de.pinnwand.system.CsvFields;
import de.pinnwand.web.Layout;
import de.pinnwand.web.Messages;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What an activity's organisers do with it after it is on the board: see who signed up
 * (names and only the contact each person chose to share), take someone off the list,
 * download the list as CSV, cancel a single date. Anyone else gets 404, as if the
 * activity had no such pages.
 */
@Controller
class OrganiserPages {

	static final String SIGNUPS_VIEW = "activities/signups";

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final ActivityService activities;

	private final ActivitySignups signups;

	private final Members members;

	private final Layout layout;

	private final Messages messages;

	OrganiserPages(ActivityService activities, ActivitySignups signups, Members members, Layout layout,
			Messages messages) {
		this.activities = activities;
		this.signups = signups;
		this.members = members;
		this.layout = layout;
		this.messages = messages;
	}

	/**
	 * The activity if the signed-in member is one of its organisers; otherwise not found.
	 */
	static Mono<Activity> managed(ActivityService activities, Members members, String id, ServerWebExchange exchange) {
		return ActivityIds.require(id)
			.zipWith(members.required(exchange))
			.flatMap((both) -> activities.managed(both.getT1(), both.getT2().accountId()));
	}

	/** A person on the organisers' list. */
	record AttendeeLine(long signup, String date, String when, String name, String status, String contact) {
	}

	@GetMapping("/activities/{id}/signups")
	Mono<Rendering> signups(@PathVariable String id, ServerWebExchange exchange) {
		Locale locale = Messages.localeOf(exchange);
		return attendees(id, exchange).map((found) -> {
			List<AttendeeLine> lines = found.attendees()
				.stream()
				.map((attendee) -> new AttendeeLine(attendee.signupId(), attendee.occurrence().toString(),
						ActivityTexts.when(found.activity(), attendee.occurrence(), locale), attendee.displayName(),
						status(attendee, locale), contact(attendee, locale)))
				.toList();
			Map<String, Object> model = this.layout.model(exchange, "activity.signups.page-title");
			model.put("activityId", found.activity().id().toString());
			model.put("activityTitle", found.activity().title());
			model.put("activityHref", "/activities/" + found.activity().id());
			model.put("csvHref", "/activities/" + found.activity().id() + "/signups.csv");
			model.put("attendees", lines);
			model.put("none", lines.isEmpty());
			if (exchange.getRequest().getQueryParams().containsKey("removed")) {
				model.put("done", this.messages.get(locale, "activity.signups.removed"));
			}
			return Rendering.view(SIGNUPS_VIEW).model(model).build();
		});
	}

	/**
	 * The list as a spreadsheet: date, display name, status and the shared contact, with
	 * headers in the reader's language; only the contact a person chose to share, nothing
	 * else of theirs.
	 */
	@GetMapping("/activities/{id}/signups.csv")
	Mono<ResponseEntity<String>> csv(@PathVariable String id, ServerWebExchange exchange) {
		Locale locale = Messages.localeOf(exchange);
		return attendees(id, exchange).map((found) -> {
			StringBuilder csv = new StringBuilder();
			CsvFields.line(csv, List.of(this.messages.get(locale, "activity.signups.date"),
					this.messages.get(locale, "activity.when"), this.messages.get(locale, "activity.signups.name"),
					this.messages.get(locale, "activity.signups.status"),
					this.messages.get(locale, "activity.signups.contact")));
			for (Attendee attendee : found.attendees()) {
				CsvFields.line(csv, List.of(attendee.occurrence().toString(),
						ActivityTexts.when(found.activity(), attendee.occurrence(), locale), attendee.displayName(),
						status(attendee, locale), (attendee.contact() != null) ? attendee.contact() : ""));
			}
			return ResponseEntity.ok()
				.contentType(CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename("signups-" + found.activity().id() + ".csv")
							.build()
							.toString())
				// A byte order mark, so that spreadsheet programs read the names as
				// UTF-8.
				.body("\uFEFF" + csv);
		});
	}

	@PostMapping("/activities/{id}/signups/{signup}/removal")
	Mono<Rendering> remove(@PathVariable String id, @PathVariable String signup, ServerWebExchange exchange) {
		long signupId = parseSignup(signup);
		return ActivityIds.require(id)
			.zipWith(this.members.required(exchange))
			.flatMap((both) -> this.signups.removeSignup(both.getT1(), both.getT2().accountId(), signupId)
				.thenReturn(Rendering.redirectTo("/activities/" + both.getT1() + "/signups?removed").build()));
	}

	@PostMapping("/activities/{id}/dates/{date}/cancellation")
	Mono<Rendering> cancelDate(@PathVariable String id, @PathVariable String date, ServerWebExchange exchange) {
		LocalDate day = ActivityIds.date(date);
		return managed(this.activities, this.members, id, exchange).zipWith(this.members.required(exchange))
			.flatMap((both) -> (day == null) ? Mono.just(ActivityPages
				.redirect(both.getT1().id(), "problem", "activity.date.no-occurrence")) : this.activities
					.cancelDate(both.getT1().id(), both.getT2().accountId(), day)
					.map((activity) -> ActivityPages.redirect(activity.id(), "done", "date-cancelled"))
					.onErrorResume(InvalidActivity.class, (invalid) -> Mono
						.just(ActivityPages.redirect(both.getT1().id(), "problem", invalid.problems().get(0).code()))));
	}

	private record Found(Activity activity, List<Attendee> attendees) {
	}

	private Mono<Found> attendees(String id, ServerWebExchange exchange) {
		return managed(this.activities, this.members, id, exchange)
			.flatMap((activity) -> this.members.required(exchange)
				.flatMap((member) -> this.signups.attendees(activity.id(), member.accountId(), null).collectList())
				.map((attendees) -> new Found(activity, attendees)));
	}

	/** The status as the organiser reads it, about the person, not to them. */
	private String status(Attendee attendee, Locale locale) {
		return (attendee.status() == SignupStatus.CONFIRMED) ? this.messages.get(locale, "activity.signups.confirmed")
				: this.messages.get(locale, "activity.signups.waiting", attendee.position());
	}

	private String contact(Attendee attendee, Locale locale) {
		return (attendee.contact() != null) ? attendee.contact()
				: this.messages.get(locale, "activity.signups.no-contact");
	}

	private static long parseSignup(String value) {
		try {
			return (value != null && value.length() <= 18) ? Long.parseLong(value) : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
