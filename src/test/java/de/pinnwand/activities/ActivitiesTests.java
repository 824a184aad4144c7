package de.pinnwand.activities;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestMembers;
import de.pinnwand.organisations.Organisation;
import de.pinnwand.organisations.OrganisationMemberships;
import de.pinnwand.organisations.OrganisationRole;
import de.pinnwand.organisations.OrganisationType;
import de.pinnwand.organisations.Organisations;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Activities through the API as organisers and guests use them: the weekly café with a
 * calendar feed, sign-ups up to capacity and onto the waiting list, moving up when
 * someone cancels, parallel sign-ups for the last places, who may change what, and what
 * is refused.
 */
@PinnwandTest
class ActivitiesTests {

	@Autowired
	private WebTestClient web;

	@Autowired
	private Organisations organisations;

	@Autowired
	private OrganisationMemberships memberships;

	@Autowired
	private Activities activities;

	/** These helpers for another test class, on that class's wiring. */
	static ActivitiesTests using(WebTestClient web, Organisations organisations, OrganisationMemberships memberships,
			Activities activities) {
		ActivitiesTests helper = new ActivitiesTests();
		helper.web = web;
		helper.organisations = organisations;
		helper.memberships = memberships;
		helper.activities = activities;
		return helper;
	}

	/**
	 * A Thursday at least two days ahead, so its start is never in the past while the
	 * test runs.
	 */
	static LocalDate nextThursday() {
		return LocalDate.now(Activity.ZONE).plusDays(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
	}

	UUID accountId(String name) {
		Map<?, ?> me = this.web.get()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer(name))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return UUID.fromString((String) me.get("id"));
	}

	/** An organisation with a unique name whose admin is {@code admin}. */
	UUID organisation(String admin, OrganisationType type, String name) {
		Instant now = Instant.now();
		UUID id = UUID.randomUUID();
		this.organisations
			.save(new Organisation(id, name + " " + id.toString().substring(0, 8), type, "", List.of("de"), null,
					"71634", null, null, null, null, null, null, null, null, now, now, null))
			.block();
		this.memberships.put(id, accountId(admin), OrganisationRole.ADMIN).block();
		return id;
	}

	static Map<String, Object> cafe(UUID organisation, LocalDate date, Integer capacity) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("organisation", organisation.toString());
		body.put("title", "Begegnungscafé");
		body.put("description", "Kaffee, Kuchen und Gespräche auf Deutsch, Arabisch und Ukrainisch.");
		body.put("languages", List.of("de", "ar", "uk"));
		body.put("place", "71634");
		body.put("date", date.toString());
		body.put("startTime", "15:00");
		body.put("endTime", "17:00");
		body.put("recurrence", "WEEKLY");
		body.put("repeatUntil", date.plusWeeks(8).toString());
		body.put("capacity", capacity);
		return body;
	}

	Map<?, ?> create(String admin, Map<String, Object> body) {
		return this.web.post()
			.uri("/api/v1/activities")
			.headers(TestMembers.bearer(admin))
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	WebTestClient.ResponseSpec signUp(String who, Object id, LocalDate occurrence, String contact) {
		return this.web.post()
			.uri("/api/v1/activities/" + id + "/signups")
			.headers(TestMembers.bearer(who))
			.bodyValue(Map.of("occurrence", occurrence.toString(), "sharedContact", contact))
			.exchange();
	}

	Map<?, ?> signedUp(String who, Object id, LocalDate occurrence, String contact) {
		return signUp(who, id, occurrence, contact).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	List<?> mine(String who, Object id) {
		return this.web.get()
			.uri("/api/v1/activities/" + id + "/signups/mine")
			.headers(TestMembers.bearer(who))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void weeklyCafeTakesSignUpsUpToCapacityThenWaitsAndMovesTheFirstWaitingUp() throws Exception {
		UUID org = organisation("cafe-admin", OrganisationType.MEETING_PLACE, "Begegnungscafé Ossweil");
		LocalDate thursday = nextThursday();
		Map<?, ?> cafe = create("cafe-admin", cafe(org, thursday, 2));
		Object id = cafe.get("id");
		assertThat(cafe.get("recurrence")).isEqualTo("WEEKLY");
		assertThat((List<?>) cafe.get("nextOccurrences")).hasSize(6);

		// Subscribe to the organisation's calendar: one event that repeats weekly in
		// Berlin time.
		String ics = this.web.get()
			.uri("/organisations/" + org + "/activities.ics")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("text/calendar"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		calendar.validate();
		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events).hasSize(1);
		VEvent event = events.get(0);
		assertThat(event.getSummary().getValue()).isEqualTo("Begegnungscafé");
		assertThat(event.getProperty("RRULE").orElseThrow().getValue()).startsWith("FREQ=WEEKLY;UNTIL=").endsWith("Z");
		assertThat(event.getDateTimeStart().getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Berlin");
		assertThat(event.getDateTimeStart().getValue()).isEqualTo(thursday.toString().replace("-", "") + "T150000");
		assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);
		String uid = event.getUid().orElseThrow().getValue();
		assertThat(uid).isEqualTo("activity-" + id + "@pinnwand");

		// Two places: two confirmed, then the waiting list in order.
		assertThat(signedUp("cafe-guest-a", id, thursday, "NONE").get("status")).isEqualTo("CONFIRMED");
		assertThat(signedUp("cafe-guest-b", id, thursday, "NONE").get("status")).isEqualTo("CONFIRMED");
		Map<?, ?> c = signedUp("cafe-guest-c", id, thursday, "NONE");
		assertThat(c.get("status")).isEqualTo("WAITING");
		assertThat(c.get("position")).isEqualTo(1);
		Map<?, ?> d = signedUp("cafe-guest-d", id, thursday, "NONE");
		assertThat(d.get("position")).isEqualTo(2);
		// The next Thursday has its own places.
		assertThat(signedUp("cafe-guest-d", id, thursday.plusWeeks(1), "NONE").get("status")).isEqualTo("CONFIRMED");

		Map<?, ?> read = this.web.get()
			.uri("/api/v1/activities/" + id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<?, ?> first = (Map<?, ?>) ((List<?>) read.get("nextOccurrences")).get(0);
		assertThat(first.get("confirmed")).isEqualTo(2);
		assertThat(first.get("waiting")).isEqualTo(2);
		assertThat(first.get("free")).isEqualTo(0);

		// A cancels: C moves up, D is next.
		this.web.delete()
			.uri("/api/v1/activities/" + id + "/signups/" + thursday)
			.headers(TestMembers.bearer("cafe-guest-a"))
			.exchange()
			.expectStatus()
			.isNoContent();
		assertThat(((Map<?, ?>) mine("cafe-guest-c", id).get(0)).get("status")).isEqualTo("CONFIRMED");
		Map<?, ?> dNow = (Map<?, ?>) mine("cafe-guest-d", id).get(0);
		assertThat(dNow.get("status")).isEqualTo("WAITING");
		assertThat(dNow.get("position")).isEqualTo(1);
		assertThat(mine("cafe-guest-a", id)).isEmpty();
		// Cancelling again: there is nothing to cancel.
		this.web.delete()
			.uri("/api/v1/activities/" + id + "/signups/" + thursday)
			.headers(TestMembers.bearer("cafe-guest-a"))
			.exchange()
			.expectStatus()
			.isNotFound();

		// The feed is the same on every request (stable UID), and names nobody.
		String again = this.web.get()
			.uri("/organisations/" + org + "/activities.ics")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(again).contains("UID:" + uid).doesNotContain("cafe-guest").doesNotContain("cafe-admin");
	}

	@Test
	void organisersSeeNamesAndOnlyTheContactEachPersonChoseToShare() {
		UUID org = organisation("contact-admin", OrganisationType.VOLUNTEER_GROUP, "AK Asyl Kontakt");
		LocalDate thursday = nextThursday();
		Object id = create("contact-admin", cafe(org, thursday, 10)).get("id");
		for (String name : List.of("contact-mail", "contact-phone", "contact-none")) {
			this.web.put()
				.uri("/api/v1/me")
				.headers(TestMembers.bearer(name))
				.bodyValue(Map.of("displayName", name, "languages", List.of("de"), "contactEmail",
						name + "@example.org", "contactPhone", "+49 7141 12345", "emailNotifications", "NEVER"))
				.exchange()
				.expectStatus()
				.isOk();
		}
		signedUp("contact-mail", id, thursday, "EMAIL");
		signedUp("contact-phone", id, thursday, "PHONE");
		signedUp("contact-none", id, thursday, "NONE");
		// Sharing a contact one does not have is refused.
		signUp("contact-nothing", id, thursday, "PHONE").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("signup.contact-missing");

		String list = this.web.get()
			.uri("/api/v1/activities/" + id + "/signups")
			.headers(TestMembers.bearer("contact-admin"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(list).contains("contact-mail@example.org")
			.contains("+49 7141 12345")
			.contains("contact-none")
			.doesNotContain("contact-phone@example.org")
			.doesNotContain("contact-none@example.org");
		List<?> attendees = this.web.get()
			.uri("/api/v1/activities/" + id + "/signups")
			.headers(TestMembers.bearer("contact-admin"))
			.exchange()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		assertThat(attendees).hasSize(3);
		// Anyone else, even someone signed up, does not see the list at all.
		this.web.get()
			.uri("/api/v1/activities/" + id + "/signups")
			.headers(TestMembers.bearer("contact-mail"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.get().uri("/api/v1/activities/" + id + "/signups").exchange().expectStatus().isUnauthorized();
		// The member's export holds their sign-ups.
		this.web.get()
			.uri("/api/v1/me/export")
			.headers(TestMembers.bearer("contact-mail"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.activitySignups[0].activity")
			.isEqualTo("Begegnungscafé")
			.jsonPath("$.activitySignups[0].sharedContact")
			.isEqualTo("EMAIL");
	}

	@Test
	void parallelSignUpsNeverTakeMoreThanThePlacesThereAre() throws Exception {
		UUID org = organisation("rush-admin", OrganisationType.VOLUNTEER_GROUP, "AK Fahrrad");
		LocalDate thursday = nextThursday();
		Object id = create("rush-admin", cafe(org, thursday, 3)).get("id");
		List<String> people = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			people.add("rush-" + i);
			TestMembers.token("rush-" + i);
			accountId("rush-" + i);
		}
		ExecutorService pool = Executors.newFixedThreadPool(12);
		try {
			List<CompletableFuture<Map<?, ?>>> results = people.stream()
				.map((who) -> CompletableFuture.<Map<?, ?>>supplyAsync(() -> signedUp(who, id, thursday, "NONE"), pool))
				.toList();
			Map<String, Integer> byStatus = new HashMap<>();
			List<Object> positions = new ArrayList<>();
			for (CompletableFuture<Map<?, ?>> result : results) {
				Map<?, ?> signup = result.get();
				byStatus.merge((String) signup.get("status"), 1, Integer::sum);
				if (signup.get("position") != null) {
					positions.add(signup.get("position"));
				}
			}
			assertThat(byStatus).containsEntry("CONFIRMED", 3).containsEntry("WAITING", 9);
			assertThat(positions).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9);
		}
		finally {
			pool.shutdownNow();
		}
		// Two who hold places cancel at once: exactly the first two waiting move up.
		List<?> attendees = this.web.get()
			.uri("/api/v1/activities/" + id + "/signups")
			.headers(TestMembers.bearer("rush-admin"))
			.exchange()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		List<String> confirmed = attendees.stream()
			.map((a) -> (Map<?, ?>) a)
			.filter((a) -> "CONFIRMED".equals(a.get("status")))
			.map((a) -> (String) a.get("displayName"))
			.toList();
		CompletableFuture<?> one = CompletableFuture.runAsync(() -> this.web.delete()
			.uri("/api/v1/activities/" + id + "/signups/" + thursday)
			.headers(TestMembers.bearer(confirmed.get(0)))
			.exchange()
			.expectStatus()
			.isNoContent());
		CompletableFuture<?> two = CompletableFuture.runAsync(() -> this.web.delete()
			.uri("/api/v1/activities/" + id + "/signups/" + thursday)
			.headers(TestMembers.bearer(confirmed.get(1)))
			.exchange()
			.expectStatus()
			.isNoContent());
		CompletableFuture.allOf(one, two).get();
		List<?> after = this.web.get()
			.uri("/api/v1/activities/" + id + "/signups")
			.headers(TestMembers.bearer("rush-admin"))
			.exchange()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		assertThat(after.stream().map((a) -> (Map<?, ?>) a).filter((a) -> "CONFIRMED".equals(a.get("status"))).toList())
			.hasSize(3);
		assertThat(after.stream()
			.map((a) -> (Map<?, ?>) a)
			.filter((a) -> "WAITING".equals(a.get("status")))
			.map((a) -> (Object) a.get("position"))
			.toList()).containsExactly(1, 2, 3, 4, 5, 6, 7);
	}

	@Test
	void onlyMembersOfTheOrganisationChangeAnActivityAndOthersSeeNothingToChange() {
		UUID org = organisation("perm-admin", OrganisationType.WELFARE_ASSOCIATION, "Diakonie Test");
		LocalDate thursday = nextThursday();
		Map<String, Object> body = cafe(org, thursday, 20);
		Map<?, ?> created = create("perm-admin", body);
		Object id = created.get("id");
		// Someone else may not post for the organisation, nor for one that does not
		// exist.
		this.web.post()
			.uri("/api/v1/activities")
			.headers(TestMembers.bearer("perm-other"))
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("organisation.not-member");
		Map<String, Object> unknown = new LinkedHashMap<>(body);
		unknown.put("organisation", UUID.randomUUID().toString());
		this.web.post()
			.uri("/api/v1/activities")
			.headers(TestMembers.bearer("perm-admin"))
			.bodyValue(unknown)
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("organisation");
		this.web.post().uri("/api/v1/activities").bodyValue(body).exchange().expectStatus().isUnauthorized();

		Map<String, Object> change = new LinkedHashMap<>(body);
		change.put("title", "Begegnungscafé mit Kinderecke");
		change.put("version", created.get("version"));
		this.web.put()
			.uri("/api/v1/activities/" + id)
			.headers(TestMembers.bearer("perm-other"))
			.bodyValue(change)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.delete()
			.uri("/api/v1/activities/" + id)
			.headers(TestMembers.bearer("perm-other"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.put()
			.uri("/api/v1/activities/" + id)
			.headers(TestMembers.bearer("perm-admin"))
			.bodyValue(change)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Begegnungscafé mit Kinderecke");
		// The old version again: someone changed it in between.
		this.web.put()
			.uri("/api/v1/activities/" + id)
			.headers(TestMembers.bearer("perm-admin"))
			.bodyValue(change)
			.exchange()
			.expectStatus()
			.isEqualTo(409);

		signedUp("perm-guest", id, thursday, "NONE");
		signUp("perm-guest", id, thursday, "NONE").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("signup.already");
		signUp("perm-guest", id, thursday.plusDays(1), "NONE").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("signup.no-occurrence");
		signUp("perm-guest", id, thursday.plusWeeks(9), "NONE").expectStatus().isEqualTo(422);

		this.web.delete()
			.uri("/api/v1/activities/" + id)
			.headers(TestMembers.bearer("perm-admin"))
			.exchange()
			.expectStatus()
			.isNoContent();
		this.web.get()
			.uri("/api/v1/activities/" + id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("CANCELLED");
		signUp("perm-guest-2", id, thursday, "NONE").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("signup.cancelled");
		String list = this.web.get()
			.uri("/api/v1/activities?organisation=" + org)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(list).doesNotContain(id.toString());
	}

	@Test
	void refusesPastOccurrencesAndBadInputWithReasonsPerField() {
		UUID org = organisation("bad-admin", OrganisationType.VOLUNTEER_GROUP, "AK Sprache");
		LocalDate thursday = nextThursday();
		Map<String, Object> past = cafe(org, LocalDate.now(Activity.ZONE).minusDays(3), 20);
		assertProblem(past, "date", "activity.date.past");
		Map<String, Object> backwards = cafe(org, thursday, 20);
		backwards.put("endTime", "14:00");
		assertProblem(backwards, "endTime", "activity.end-before-start");
		assertProblem(cafe(org, thursday, 0), "capacity", "capacity.range");
		assertProblem(cafe(org, thursday, 100000), "capacity", "capacity.range");
		Map<String, Object> until = cafe(org, thursday, 20);
		until.put("repeatUntil", thursday.minusDays(1).toString());
		assertProblem(until, "repeatUntil", "activity.repeat-until.before-start");
		Map<String, Object> nowhere = cafe(org, thursday, 20);
		nowhere.put("place", "Atlantis am Meer");
		assertProblem(nowhere, "place", "place.unknown");
		Map<String, Object> garbled = cafe(org, thursday, 20);
		garbled.put("date", "nächsten Donnerstag");
		garbled.put("startTime", "25:99");
		this.web.post()
			.uri("/api/v1/activities")
			.headers(TestMembers.bearer("bad-admin"))
			.header("Accept-Language", "en")
			.bodyValue(garbled)
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'date')].code")
			.isEqualTo("activity.date.invalid")
			.jsonPath("$.errors[?(@.field == 'startTime')].message")
			.isEqualTo("Please enter a time such as 15:00.");

		// An activity that started yesterday (stored directly: the rules would refuse it)
		// takes no sign-ups for then.
		Instant now = Instant.now();
		LocalDate yesterday = LocalDate.now(Activity.ZONE).minusDays(1);
		Activity started = new Activity(UUID.randomUUID(), org, "Sprachcafé gestern", "", List.of("de"), "71634",
				"Ludwigsburg", "Landkreis Ludwigsburg", 48.9, 9.19,
				yesterday.atTime(10, 0).atZone(Activity.ZONE).toInstant(),
				yesterday.atTime(12, 0).atZone(Activity.ZONE).toInstant(), Recurrence.WEEKLY, yesterday.plusWeeks(4), 5,
				ActivityStatus.PUBLISHED, accountId("bad-admin"), now, now, null, null);
		this.activities.save(started).block();
		signUp("late-guest", started.id(), yesterday, "NONE").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("signup.past");
		assertThat(signedUp("late-guest", started.id(), yesterday.plusWeeks(1), "NONE").get("status"))
			.isEqualTo("CONFIRMED");
	}

	private void assertProblem(Map<String, Object> body, String field, String code) {
		this.web.post()
			.uri("/api/v1/activities")
			.headers(TestMembers.bearer("bad-admin"))
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[?(@.field == '" + field + "')].code")
			.isEqualTo(code);
	}

}
