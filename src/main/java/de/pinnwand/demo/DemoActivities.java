package de.pinnwand.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import de.pinnwand.activities.Activities;
import de.pinnwand.activities.Activity;
import de.pinnwand.activities.ActivityDraft;
import de.pinnwand.activities.ActivityService;
import de.pinnwand.activities.InvalidActivity;
import de.pinnwand.organisations.Organisation;
import de.pinnwand.organisations.OrganisationMemberships;
import de.pinnwand.organisations.OrganisationType;
import de.pinnwand.organisations.Organisations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demo activities for a local run: the weekly Begegnungscafé (Thursdays 15:00–17:00, 20
 * places), a German conversation group and a bike repair afternoon. Activities belong to
 * organisations, which {@link DemoContent} makes; this waits for them (up to a minute
 * after start-up) and does nothing if there are none, or if there are activities already.
 */
@Component
@ConditionalOnBooleanProperty("pinnwand.demo.enabled")
class DemoActivities {

	private static final Logger logger = LoggerFactory.getLogger(DemoActivities.class);

	private final Activities activities;

	private final ActivityService service;

	private final Organisations organisations;

	private final OrganisationMemberships memberships;

	DemoActivities(Activities activities, ActivityService service, Organisations organisations,
			OrganisationMemberships memberships) {
		this.activities = activities;
		this.service = service;
		this.organisations = organisations;
		this.memberships = memberships;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		post().subscribe((posted) -> logger.info("Demo content: " + posted + " activities posted"),
				(ex) -> logger.error("Demo content: activities not posted", ex));
	}

	/**
	 * Emits how many activities were posted; nothing when there are activities or no
	 * organisations.
	 */
	Mono<Long> post() {
		return this.activities.count()
			.filter((existing) -> existing == 0)
			.flatMap((none) -> this.organisations.findAll()
				.filter((organisation) -> organisation.type() == OrganisationType.MEETING_PLACE
						|| organisation.type() == OrganisationType.VOLUNTEER_GROUP)
				.collectList()
				.filter((found) -> !found.isEmpty())
				.repeatWhenEmpty(30, (repeats) -> repeats.delayElements(Duration.ofSeconds(2))))
			.flatMap((found) -> Flux.fromIterable(drafts()).index().concatMap((indexed) -> {
				Organisation organisation = found.get((int) (indexed.getT1() % found.size()));
				return this.memberships.members(organisation.id())
					.next()
					.flatMap((member) -> this.service.create(member.accountId(), organisation.id(), indexed.getT2()))
					.onErrorResume(InvalidActivity.class, (ex) -> {
						logger.warn(
								"Demo content: activity \"" + indexed.getT2().title() + "\" refused: " + ex.problems());
						return Mono.empty();
					});
			}).count());
	}

	static List<ActivityDraft> drafts() {
		LocalDate today = LocalDate.now(Activity.ZONE);
		LocalDate thursday = today.plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
		LocalDate tuesday = today.plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
		LocalDate saturday = today.plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
		return List.of(new ActivityDraft("Begegnungscafé",
				"Jeden Donnerstag: Kaffee, Tee und Kuchen, Gespräche, Hilfe bei Briefen. Kinder sind willkommen.",
				List.of("de", "ar", "uk", "fa"), "71634", thursday.toString(), "15:00", "17:00", "WEEKLY",
				thursday.plusWeeks(26).toString(), 20),
				new ActivityDraft("Deutsch-Gesprächsgruppe",
						"Deutsch sprechen üben in kleiner Runde, für alle Niveaus. Ehrenamtliche begleiten.",
						List.of("de", "en"), "71636", tuesday.toString(), "18:00", "19:30", "WEEKLY",
						tuesday.plusWeeks(12).toString(), 12),
				new ActivityDraft("Fahrrad-Reparaturnachmittag",
						"Gemeinsam Fahrräder reparieren: Werkzeug und Ersatzteile sind da, bringt euer Rad mit.",
						List.of("de", "ar", "uk"), "71638", saturday.toString(), "13:00", "17:00", "NONE", null, 15));
	}

}
