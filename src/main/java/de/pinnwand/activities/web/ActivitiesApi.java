package de.pinnwand.activities.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.accounts.Members;
import de.pinnwand.activities.Activity;
import de.pinnwand.activities.ActivityDraft;
import de.pinnwand.activities.ActivityIds;
import de.pinnwand.activities.ActivityService;
import de.pinnwand.activities.ActivitySignups;
import de.pinnwand.activities.Attendee;
import de.pinnwand.activities.InvalidActivity;
import de.pinnwand.activities.InvalidSignup;
import de.pinnwand.activities.SharedContact;
import de.pinnwand.activities.Signup;
import de.pinnwand.activities.SignupNotFound;
import de.pinnwand.system.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The activities JSON API. Reading is open; changing and signing up take a bearer token.
 * An activity of an organisation the caller does not belong to answers 404 to changes and
 * to its sign-up list. Errors are problem details with field errors.
 */
@RestController
@RequestMapping("/api/v1/activities")
class ActivitiesApi {

	private final ActivityService activities;

	private final ActivitySignups signups;

	private final ActivityListing listing;

	private final Members members;

	private final Clock clock;

	ActivitiesApi(ActivityService activities, ActivitySignups signups, ActivityListing listing, Members members,
			Clock clock) {
		this.activities = activities;
		this.signups = signups;
		this.listing = listing;
		this.members = members;
		this.clock = clock;
	}

	/**
	 * An activity as a client posts or replaces it; dates and times in Europe/Berlin
	 * ({@code date: 2026-12-03,
	 * startTime: 15:00}). {@code version} is needed to replace one.
	 */
	record NewActivity(String organisation, String title, String description, List<String> languages, String place,
			String date, String startTime, String endTime, String recurrence, String repeatUntil, Integer capacity,
			Long version, String venue) {

		ActivityDraft toDraft() {
			return new ActivityDraft(this.title, this.description, this.languages, this.place, this.date,
					this.startTime, this.endTime, this.recurrence, this.repeatUntil, this.capacity, this.venue);
		}

	}

	/** A list of upcoming activities. */
	record Page(List<ActivityJson> items) {
	}

	@GetMapping
	Mono<Page> list(@RequestParam MultiValueMap<String, String> params) {
		ActivityListing.Parsed parsed = this.listing.parse(params);
		if (parsed.unknownPlace()) {
			return Mono.error(new InvalidActivity(List.of(new FieldProblem("near", "place.unknown"))));
		}
		return this.listing.find(parsed.filter())
			.map((found) -> new Page(found.activities()
				.stream()
				.map((activity) -> json(activity, found.counts().getOrDefault(activity.id(), Map.of())))
				.toList()));
	}

	@GetMapping("/{id}")
	Mono<ActivityJson> get(@PathVariable String id) {
		return ActivityIds.require(id).flatMap(this.activities::findVisible).flatMap(this::json);
	}

	/**
	 * Puts an activity of an organisation ({@code organisation}: its id) the caller
	 * belongs to on the board.
	 */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	Mono<ResponseEntity<ActivityJson>> post(@RequestBody NewActivity body, ServerWebExchange exchange) {
		UUID organisation = ActivityIds.parse(body.organisation());
		return this.members.required(exchange)
			.flatMap((member) -> this.activities.create(member.accountId(), organisation, body.toDraft()))
			.flatMap((created) -> this.json(created)
				// A new member's activity may wait for review: its organisers learn it
				// here (hidden: true).
				.zipWith(this.activities.isHidden(created.id()), (json, hidden) -> hidden ? json.asHidden() : json))
			.map((json) -> ResponseEntity.created(URI.create("/api/v1/activities/" + json.id())).body(json));
	}

	/**
	 * Replaces an activity; {@code version} must be the one last read, or the answer is
	 * 409.
	 */
	@PutMapping("/{id}")
	Mono<ActivityJson> put(@PathVariable String id, @RequestBody NewActivity body, ServerWebExchange exchange) {
		if (body.version() == null) {
			return Mono.error(new InvalidActivity(List.of(new FieldProblem("version", "version.missing"))));
		}
		return ActivityIds.require(id)
			.zipWith(this.members.required(exchange))
			.flatMap((both) -> this.activities.update(both.getT1(), both.getT2().accountId(), body.version(),
					body.toDraft()))
			.flatMap(this::json);
	}

	/** Cancels the activity. */
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/{id}")
	Mono<ResponseEntity<Void>> cancel(@PathVariable String id, ServerWebExchange exchange) {
		return ActivityIds.require(id)
			.zipWith(this.members.required(exchange))
			.flatMap((both) -> this.activities.cancel(both.getT1(), both.getT2().accountId()))
			.thenReturn(ResponseEntity.noContent().build());
	}

	/**
	 * What a client sends to sign up: the occurrence's date and which contact to share
	 * ({@code NONE} if absent).
	 */
	record NewSignup(String occurrence, String sharedContact) {
	}

	/** A sign-up as its member sees it. */
	record SignupJson(UUID activity, LocalDate occurrence, String status, Integer position, String sharedContact) {

		static SignupJson of(Signup signup) {
			return new SignupJson(signup.activityId(), signup.occurrence(), signup.status().name(), signup.position(),
					signup.sharedContact().name());
		}

	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/{id}/signups")
	Mono<ResponseEntity<SignupJson>> signUp(@PathVariable String id, @RequestBody NewSignup body,
			ServerWebExchange exchange) {
		LocalDate occurrence = ActivityIds.date(body.occurrence());
		if (occurrence == null) {
			return Mono.error(new InvalidSignup(new FieldProblem("occurrence", "signup.no-occurrence")));
		}
		SharedContact contact = sharedContact(body.sharedContact());
		if (contact == null) {
			return Mono.error(new InvalidSignup(new FieldProblem("sharedContact", "choice.unknown")));
		}
		return ActivityIds.require(id)
			.zipWith(this.members.required(exchange))
			.flatMap((both) -> this.signups.signUp(both.getT1(), both.getT2().accountId(), occurrence, contact))
			.map((signup) -> ResponseEntity
				.created(URI.create("/api/v1/activities/" + id + "/signups/" + signup.occurrence()))
				.body(SignupJson.of(signup)));
	}

	/**
	 * Withdraws the caller's own sign-up for that occurrence; the first waiting moves up.
	 */
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/{id}/signups/{occurrence}")
	Mono<ResponseEntity<Void>> cancelSignup(@PathVariable String id, @PathVariable String occurrence,
			ServerWebExchange exchange) {
		LocalDate date = ActivityIds.date(occurrence);
		return ActivityIds.require(id)
			.zipWith(this.members.required(exchange))
			.flatMap((both) -> (date != null) ? this.signups.cancelSignup(both.getT1(), both.getT2().accountId(), date)
					: Mono.error(new SignupNotFound(both.getT1(), null)))
			.thenReturn(ResponseEntity.noContent().build());
	}

	/** The caller's own sign-ups for the activity. */
	@GetMapping("/{id}/signups/mine")
	Mono<List<SignupJson>> mine(@PathVariable String id, ServerWebExchange exchange) {
		return ActivityIds.require(id)
			.zipWith(this.members.required(exchange))
			.flatMapMany((both) -> this.signups.signupsOf(both.getT2().accountId(), both.getT1()))
			.map(SignupJson::of)
			.collectList();
	}

	/**
	 * Who signed up (organisers only): name, status, place on the waiting list, and only
	 * the shared contact.
	 */
	@GetMapping("/{id}/signups")
	Mono<List<Attendee>> signups(@PathVariable String id, @RequestParam(required = false) String occurrence,
			ServerWebExchange exchange) {
		return ActivityIds.require(id)
			.zipWith(this.members.required(exchange))
			.flatMapMany((both) -> this.signups.attendees(both.getT1(), both.getT2().accountId(),
					ActivityIds.date(occurrence)))
			.collectList();
	}

	private Mono<ActivityJson> json(Activity activity) {
		return this.signups.counts(List.of(activity.id()), LocalDate.now(this.clock.withZone(Activity.ZONE)))
			.map((counts) -> json(activity, counts.getOrDefault(activity.id(), Map.of())));
	}

	private ActivityJson json(Activity activity, Map<LocalDate, de.pinnwand.activities.OccurrenceCount> counts) {
		return ActivityJson.of(activity, activity.isCancelled() ? List.of()
				: activity.occurrencesAfter(this.clock.instant(), ActivityListing.OCCURRENCES), counts);
	}

	static SharedContact sharedContact(String value) {
		if (value == null || value.isBlank()) {
			return SharedContact.NONE;
		}
		try {
			return SharedContact.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
