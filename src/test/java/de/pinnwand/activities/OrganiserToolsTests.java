package de.pinnwand.activities;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
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
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organiser's tools: a meeting place with its exact address on the page and in the
 * feed, one date of a series cancelled (EXDATE, shown as cancelled, no sign-ups), the
 * list of who signed up spoken about them, as CSV with only the shared contacts, and a
 * sign-up taken off the list so that the first waiting moves up.
 */
@PinnwandTest
class OrganiserToolsTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern REMOVAL = Pattern.compile("action=\"(/activities/[^\"]+/signups/[0-9]+/removal)\"");

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

	/**
	 * A page's form token and the session's XSRF cookie, to post a form as the browser
	 * would.
	 */
	private record Form(String html, String csrf, String xsrf) {
	}

	private Form page(String uri, String session) {
		EntityExchangeResult<String> page = this.web.get()
			.uri(uri)
			.cookie("SESSION", session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		Matcher token = CSRF.matcher(page.getResponseBody());
		assertThat(token.find()).isTrue();
		return new Form(page.getResponseBody(), token.group(1),
				page.getResponseCookies().getFirst("XSRF-TOKEN").getValue());
	}

	private WebTestClient.ResponseSpec post(String uri, String session, Form form) {
		return this.web.post()
			.uri(uri)
			.cookie("SESSION", session)
			.cookie("XSRF-TOKEN", form.xsrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("_csrf", form.csrf()))
			.exchange();
	}

	@Test
	void organisersCancelOneDateKeepTheListAndShowWhereExactlyTheyMeet() throws Exception {
		ActivitiesTests helper = helper();
		UUID org = helper.organisation("tools-admin", OrganisationType.MEETING_PLACE, "Begegnungscafé Werkzeug");
		LocalDate thursday = ActivitiesTests.nextThursday();
		Map<String, Object> body = ActivitiesTests.cafe(org, thursday, 1);
		body.put("title", "Werkzeugcafé mit einem sehr langen Titel, der im Kalender umbrochen werden muss");
		body.put("venue", "Gemeindehaus, Kirchstraße 3; Eingang hinten");
		Object id = helper.create("tools-admin", body).get("id");

		// The exact meeting place: on the page, and in the feed escaped once, lines
		// folded at 75 octets.
		this.web.get()
			.uri("/activities/" + id + "?ui=de")
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html)
				.contains("Gemeindehaus, Kirchstraße 3; Eingang hinten, 71634 Ludwigsburg"));
		String ics = feed(org);
		assertThat(ics.replace("\r\n ", "")).as("unfolded")
			.contains("LOCATION:Gemeindehaus\\, Kirchstraße 3\\; Eingang hinten\\, 71634 Ludwigsburg")
			.doesNotContain("\\\\,");
		assertThat(ics.split("\r\n")).allSatisfy(
				(line) -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75));
		VEvent event = events(ics).get(0);
		assertThat(event.getProperty("LOCATION").orElseThrow().getValue())
			.isEqualTo("Gemeindehaus, Kirchstraße 3; Eingang hinten, 71634 Ludwigsburg");
		assertThat(event.getProperty("EXDATE")).isEmpty();

		// Two guests for one place: one shares her e-mail address, the other waits and
		// shares nothing.
		this.web.put()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer("tools-guest-mail"))
			.bodyValue(Map.of("displayName", "Amira T.", "languages", List.of("ar"), "contactEmail",
					"amira.tools@example.org", "contactPhone", "+49 7141 99999", "emailNotifications", "NEVER"))
			.exchange()
			.expectStatus()
			.isOk();
		this.web.put()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer("tools-guest-quiet"))
			.bodyValue(Map.of("displayName", "=Olek", "languages", List.of("uk"), "contactEmail",
					"olek.private@example.org", "emailNotifications", "NEVER"))
			.exchange()
			.expectStatus()
			.isOk();
		helper.signedUp("tools-guest-mail", id, thursday.plusWeeks(1), "EMAIL");
		helper.signedUp("tools-guest-quiet", id, thursday.plusWeeks(1), "NONE");

		String admin = TestMembers.signIn(this.web, "tools-admin");
		String guest = TestMembers.signIn(this.web, "tools-guest-quiet");

		// The list speaks about the people, not to the organiser.
		Form list = page("/activities/" + id + "/signups?ui=de", admin);
		assertThat(list.html()).contains("hat einen Platz")
			.contains("auf der Warteliste (Platz 1)")
			.doesNotContain("Sie nehmen teil")
			.contains("amira.tools@example.org")
			.doesNotContain("olek.private@example.org")
			.doesNotContain("+49 7141 99999");

		// The CSV: headers in the reader's language, the shared contact only, no formula.
		String csv = this.web.get()
			.uri("/activities/" + id + "/signups.csv?ui=de")
			.cookie("SESSION", admin)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
			.expectHeader()
			.value("Content-Disposition", (value) -> assertThat(value).startsWith("attachment"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(csv).startsWith("\uFEFFDatum,Wann,Name,Stand,Freigegebener Kontakt\r\n")
			.contains("Amira T.")
			.contains("amira.tools@example.org")
			.contains("'=Olek")
			.doesNotContain("olek.private@example.org")
			.doesNotContain("+49 7141 99999");
		this.web.get()
			.uri("/activities/" + id + "/signups.csv")
			.cookie("SESSION", guest)
			.exchange()
			.expectStatus()
			.isNotFound();

		// Amira is taken off the list: Olek moves up; a second click changes nothing.
		Matcher removal = REMOVAL.matcher(list.html());
		assertThat(removal.find()).isTrue();
		post(removal.group(1), admin, list).expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.valueEquals("Location", "/activities/" + id + "/signups?removed");
		assertThat(((Map<?, ?>) helper.mine("tools-guest-quiet", id).get(0)).get("status")).isEqualTo("CONFIRMED");
		assertThat(helper.mine("tools-guest-mail", id)).isEmpty();
		post(removal.group(1), admin, list).expectStatus().is3xxRedirection();
		post(removal.group(1).replaceFirst("/signups/[0-9]+/", "/signups/1/"), guest, page("/activities/" + id, guest))
			.expectStatus()
			.isNotFound();

		// One date cancelled: shown as cancelled, left out of the feed, no sign-ups for
		// it.
		Form detail = page("/activities/" + id + "?ui=de", admin);
		assertThat(detail.html()).contains("Nur diesen Termin absagen");
		post("/activities/" + id + "/dates/" + thursday.plusWeeks(2) + "/cancellation", guest,
				page("/activities/" + id, guest))
			.expectStatus()
			.isNotFound();
		post("/activities/" + id + "/dates/" + thursday.plusWeeks(2) + "/cancellation", admin, detail).expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.valueEquals("Location", "/activities/" + id + "?done=date-cancelled");
		post("/activities/" + id + "/dates/" + thursday.plusDays(1) + "/cancellation", admin, detail).expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.valueEquals("Location", "/activities/" + id + "?problem=activity.date.no-occurrence");
		this.web.get()
			.uri("/activities/" + id + "?ui=de&done=date-cancelled")
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Der Termin ist abgesagt.")
				.contains("<del><strong>")
				.contains("Dieser Termin f&auml;llt aus."));
		VEvent withExdate = events(feed(org)).get(0);
		assertThat(withExdate.getProperty("EXDATE").orElseThrow().getValue())
			.isEqualTo(thursday.plusWeeks(2).toString().replace("-", "") + "T150000");
		assertThat(withExdate.getProperty("EXDATE").orElseThrow().getParameter("TZID").orElseThrow().getValue())
			.isEqualTo("Europe/Berlin");
		helper.signUp("tools-guest-mail", id, thursday.plusWeeks(2), "NONE")
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("signup.date-cancelled");
		helper.signedUp("tools-guest-mail", id, thursday.plusWeeks(3), "NONE");
	}

	@Test
	void myOrganisationsLeadToANewActivity() {
		UUID org = helper().organisation("tools-mine-admin", OrganisationType.VOLUNTEER_GROUP, "AK Meine Gruppe");
		String admin = TestMembers.signIn(this.web, "tools-mine-admin");
		this.web.get()
			.uri("/my/account?ui=de")
			.cookie("SESSION", admin)
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("href=\"/my/organisations\""));
		this.web.get()
			.uri("/my/organisations?ui=de")
			.cookie("SESSION", admin)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("AK Meine Gruppe")
				.contains("Administration")
				.contains("href=\"/activities/new?organisation=" + org + "\"")
				.contains("href=\"/organisations/" + org + "/members\""));
		this.web.get()
			.uri("/organisations/" + org + "?ui=de")
			.cookie("SESSION", admin)
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("href=\"/activities/new?organisation=" + org + "\""));
		String stranger = TestMembers.signIn(this.web, "tools-mine-stranger");
		this.web.get()
			.uri("/my/organisations?ui=de")
			.cookie("SESSION", stranger)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).doesNotContain("AK Meine Gruppe")
				.contains("Sie geh&ouml;ren noch zu keiner Organisation"));
		this.web.get()
			.uri("/organisations/" + org + "?ui=de")
			.cookie("SESSION", stranger)
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).doesNotContain("/activities/new?organisation="));
		this.web.get().uri("/my/organisations").exchange().expectStatus().is3xxRedirection();
	}

	private String feed(UUID org) {
		return this.web.get()
			.uri("/organisations/" + org + "/activities.ics")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static List<VEvent> events(String ics) throws Exception {
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		calendar.validate();
		return calendar.getComponents("VEVENT");
	}

}
