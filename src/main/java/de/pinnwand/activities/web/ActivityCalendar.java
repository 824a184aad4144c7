package de.pinnwand.activities.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.pinnwand.activities.Activity;
import de.pinnwand.activities.ActivityFilter;
import de.pinnwand.activities.ActivityIds;
import de.pinnwand.activities.ActivityService;
import de.pinnwand.activities.CancelledDates;
import de.pinnwand.activities.Recurrence;
import de.pinnwand.organisations.Organisation;
import de.pinnwand.organisations.Organisations;
import de.pinnwand.system.CleanText;
import de.pinnwand.system.PublicAddress;
import de.pinnwand.web.NotFound;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Calendar feeds (iCalendar, RFC 5545) to subscribe to: an organisation's or volunteer
 * group's activities, and any filtered list of activities. A weekly activity is one event
 * with a weekly rule; times carry the Europe/Berlin zone, which the feed defines; UIDs
 * never change. Feeds hold no personal data: no names, no sign-ups.
 */
@RestController
class ActivityCalendar {

	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

	private final ActivityService activities;

	private final ActivityListing listing;

	private final Organisations organisations;

	/**
	 * Loaded once: the zone definitions come with ical4j, and reading them touches the
	 * classpath.
	 */
	private volatile VTimeZone berlin;

	private final PublicAddress publicAddress;

	private final CancelledDates cancelledDates;

	ActivityCalendar(ActivityService activities, CancelledDates cancelledDates, ActivityListing listing,
			Organisations organisations, PublicAddress publicAddress) {
		this.activities = activities;
		this.cancelledDates = cancelledDates;
		this.listing = listing;
		this.organisations = organisations;
		this.publicAddress = publicAddress;
	}

	@GetMapping("/activities.ics")
	Mono<ResponseEntity<String>> filtered(@RequestParam MultiValueMap<String, String> params,
			ServerWebExchange exchange) {
		ActivityListing.Parsed parsed = this.listing.parse(params);
		return feed(parsed.filter(), "Pinnwand", exchange);
	}

	@GetMapping("/organisations/{id}/activities.ics")
	Mono<ResponseEntity<String>> organisation(@PathVariable String id, ServerWebExchange exchange) {
		UUID organisationId = ActivityIds.parse(id);
		Mono<Organisation> organisation = (organisationId != null) ? this.organisations.findById(organisationId)
				: Mono.empty();
		return organisation.switchIfEmpty(Mono.error(OrganisationNotFound::new))
			.flatMap((found) -> feed(ActivityFilter.organisation(found.id()), found.name(), exchange));
	}

	/** No organisation with that id. */
	static class OrganisationNotFound extends NotFound {

		OrganisationNotFound() {
			super("Organisation not found");
		}

	}

	private Mono<ResponseEntity<String>> feed(ActivityFilter filter, String name, ServerWebExchange exchange) {
		String base = this.publicAddress.base(exchange);
		return this.activities.upcoming(filter)
			.collectList()
			.zipWhen((found) -> this.cancelledDates.of(found.stream().map(Activity::id).toList()))
			.publishOn(Schedulers.boundedElastic())
			.map((both) -> ResponseEntity.ok()
				.contentType(TEXT_CALENDAR)
				.body(calendar(both.getT1(), both.getT2(), name, base)));
	}

	String calendar(List<Activity> found, Map<UUID, Set<LocalDate>> cancelled, String name, String base) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//Pinnwand//Aktivitäten//DE"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(ImmutableMethod.PUBLISH);
		calendar.add(new XProperty("X-WR-CALNAME", CleanText.forOutput(name)));
		calendar.add(new XProperty("X-WR-TIMEZONE", Activity.ZONE.getId()));
		calendar.add(berlin());
		for (Activity activity : found) {
			calendar.add(event(activity, cancelled.getOrDefault(activity.id(), Set.of()), base));
		}
		// The outputter folds lines at 75 octets (RFC 5545 3.1), which the calendar's
		// toString does not.
		StringWriter out = new StringWriter();
		try {
			new CalendarOutputter(false).output(calendar, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	private VEvent event(Activity activity, Set<LocalDate> cancelled, String base) {
		ZonedDateTime start = activity.startOf(activity.firstDate());
		ZonedDateTime end = activity.endOf(activity.firstDate());
		VEvent event = new VEvent(start, end, CleanText.forOutput(activity.title()));
		event.add(new Uid("activity-" + activity.id() + "@pinnwand"));
		if (activity.recurrence() == Recurrence.WEEKLY) {
			// RFC 5545: with a zoned start, UNTIL is in UTC; the end of the last day in
			// Berlin.
			ZonedDateTime until = activity.repeatUntil()
				.plusDays(1)
				.atStartOfDay(Activity.ZONE)
				.minusSeconds(1)
				.withZoneSameInstant(ZoneOffset.UTC);
			event.add(new RRule<>(new Recur<>("FREQ=WEEKLY;UNTIL=" + UTC.format(until))));
			if (!cancelled.isEmpty()) {
				// Cancelled single dates, as starts in the same zone as DTSTART (RFC 5545
				// 3.8.5.1).
				event.add(new ExDate<>(new ParameterList(List.of(new TzId(Activity.ZONE.getId()))),
						new DateList<>(cancelled.stream().map(activity::startOf).toList())));
			}
		}
		// Plain text: the property escapes commas and semicolons itself, once.
		event.add(new Location(CleanText.forOutput(ActivityTexts.place(activity))));
		if (activity.description() != null && !activity.description().isBlank()) {
			event.add(new Description(CleanText.forOutput(activity.description())));
		}
		event.add(new Url(URI.create(base + "/activities/" + activity.id())));
		event.add(new LastModified(activity.updatedAt()));
		event.add(new Status(Status.VALUE_CONFIRMED));
		return event;
	}

	private VTimeZone berlin() {
		if (this.berlin == null) {
			TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
			this.berlin = registry.getTimeZone(Activity.ZONE.getId()).getVTimeZone();
		}
		return this.berlin;
	}

}
