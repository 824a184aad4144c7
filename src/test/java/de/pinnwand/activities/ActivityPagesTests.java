package de.pinnwand.activities;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestMembers;
import de.pinnwand.organisations.OrganisationMemberships;
import de.pinnwand.organisations.OrganisationType;
import de.pinnwand.organisations.Organisations;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activity pages as a browser without JavaScript uses them, and the filtered calendar
 * feed.
 */
@PinnwandTest
class ActivityPagesTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	private WebTestClient web;

	@Autowired
	private Organisations organisations;

	@Autowired
	private OrganisationMemberships memberships;

	@Autowired
	private Activities activities;

	private ActivitiesTests helper() {
		return ActivitiesTests.using(this.web, this.organisations, this.memberships, this.activities);
	}

	@Test
	void listsShowsAndSignsUpThroughTheFormsAndOrganisersSeeTheList() throws Exception {
		ActivitiesTests helper = helper();
		UUID org = helper.organisation("page-admin", OrganisationType.VOLUNTEER_GROUP, "AK Radwerkstatt");
		LocalDate thursday = ActivitiesTests.nextThursday();
		Map<String, Object> body = ActivitiesTests.cafe(org, thursday, 1);
		body.put("title", "Fahrradwerkstatt Nachmittag");
		Object id = helper.create("page-admin", body).get("id");

		this.web.get()
			.uri("/activities?q=fahrradwerkstatt&ui=de")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Fahrradwerkstatt Nachmittag")
				.contains("/activities/" + id)
				.contains("Noch 1 Platz frei")
				.contains("rel=\"alternate\" type=\"text/calendar\""));
		this.web.get()
			.uri("/activities?q=gibtesnicht")
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).doesNotContain("Fahrradwerkstatt Nachmittag"));

		// The filtered calendar holds the activity, once, as a weekly event.
		String ics = this.web.get()
			.uri("/activities.ics?q=fahrradwerkstatt")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		calendar.validate();
		assertThat(calendar.getComponents("VEVENT")).hasSize(1);
		assertThat(ics).contains("RRULE:FREQ=WEEKLY").contains("TZID=Europe/Berlin");

		String guest = TestMembers.signIn(this.web, "page-guest");
		EntityExchangeResult<String> page = this.web.get()
			.uri("/activities/" + id + "?ui=en")
			.cookie("SESSION", guest)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		assertThat(page.getResponseBody()).contains("Fahrradwerkstatt Nachmittag")
			.contains("1 place left")
			.contains("Take part")
			.doesNotContain("Who is taking part?");
		Matcher token = CSRF.matcher(page.getResponseBody());
		assertThat(token.find()).isTrue();
		String xsrf = page.getResponseCookies().getFirst("XSRF-TOKEN").getValue();
		this.web.post()
			.uri("/activities/" + id + "/signups")
			.cookie("SESSION", guest)
			.cookie("XSRF-TOKEN", xsrf)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("_csrf", token.group(1))
				.with("occurrence", thursday.toString())
				.with("sharedContact", "NONE"))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.valueEquals("Location", "/activities/" + id + "?done=signed-up");
		this.web.get()
			.uri("/activities/" + id + "?ui=en&done=signed-up")
			.cookie("SESSION", guest)
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("You are taking part and have a place.")
				.contains("Cancel my place")
				.contains("All places are taken"));

		// Organisers see the list; the guest does not.
		String admin = TestMembers.signIn(this.web, "page-admin");
		this.web.get()
			.uri("/activities/" + id + "/signups?ui=en")
			.cookie("SESSION", admin)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("page-guest").contains("none shared"));
		this.web.get()
			.uri("/activities/" + id + "/signups")
			.cookie("SESSION", guest)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.get()
			.uri("/activities/" + id + "/edit")
			.cookie("SESSION", guest)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.get()
			.uri("/activities/" + id + "/edit")
			.cookie("SESSION", admin)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Fahrradwerkstatt Nachmittag"));
		this.web.get()
			.uri("/activities/new?organisation=" + org)
			.cookie("SESSION", admin)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains(org.toString()));
		this.web.get().uri("/activities/new").exchange().expectStatus().is3xxRedirection();
	}

}
