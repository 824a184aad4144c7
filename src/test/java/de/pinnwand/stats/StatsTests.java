package de.pinnwand.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import de.pinnwand.TestMembers;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.accounts.Role;
import de.pinnwand.places.Gazetteer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The council figures over a dataset only this test makes: listings in Flensburg, far
 * outside the home area, counted for today only, so other tests' listings never enter the
 * figures.
 */
@PinnwandTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsTests {

	private static final String FLENSBURG = "24937";

	@Autowired
	private Gazetteer gazetteer;

	@Autowired
	private WebTestClient web;

	@Autowired
	private AccountService accounts;

	@Autowired
	private DatabaseClient database;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private String district;

	private String coordinatorSession;

	@Autowired
	private de.pinnwand.search.ListingIndex index;

	@BeforeAll
	void postADistrictOfOwnListings() {
		// SearchReady waits before each test only; this runs before them, maybe first in
		// a fresh context.
		TestListings.awaitSearchReady(this.index);
		// Six volunteers offer rides; seven requests ask for housing help (in German and
		// Ukrainian), two for
		// health (German and Persian). Two housing requests got a match, one of them is
		// fulfilled.
		for (int i = 0; i < 6; i++) {
			post("stats-helper-" + i + "-" + this.run, "OFFER", "mobility", List.of("de"), "Fahrten zum Amt " + i);
		}
		List<String> housing = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			housing.add(
					post("stats-asker-" + this.run, "REQUEST", "housing", List.of("de", "uk"), "Wohnung gesucht " + i));
		}
		for (int i = 0; i < 2; i++) {
			post("stats-asker-" + this.run, "REQUEST", "health", List.of("de", "fa"), "Hausarzt gesucht " + i);
		}
		String someOffer = post("stats-helper-0-" + this.run, "OFFER", "mobility", List.of("de"), "Noch eine Fahrt");
		for (String request : housing.subList(0, 2)) {
			this.database.sql("insert into match_notice (listing_id, matched_listing_id) values (:request, :offer)")
				.bind("request", UUID.fromString(request))
				.bind("offer", UUID.fromString(someOffer))
				.then()
				.block();
		}
		// Five housing requests got answers, after 1 to 5 hours: the median is 3 hours.
		for (int i = 2; i < 7; i++) {
			String conversation = (String) this.web.post()
				.uri("/api/v1/conversations")
				.headers(TestMembers.bearer("stats-answerer-" + i + "-" + this.run))
				.bodyValue(Map.of("listing", housing.get(i), "text", "Ich kann helfen."))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody()
				.get("id");
			this.database
				.sql("update conversation c set created_at = l.created_at + make_interval(hours => :hours) "
						+ "from listing l where l.id = c.listing_id and c.id = :id")
				.bind("hours", i - 1)
				.bind("id", UUID.fromString(conversation))
				.then()
				.block();
		}
		this.web.post()
			.uri("/api/v1/listings/" + housing.get(0) + "/fulfilment")
			.headers(TestMembers.bearer("stats-asker-" + this.run))
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
		Map<?, ?> place = (Map<?, ?>) this.web.get()
			.uri("/api/v1/listings/" + someOffer)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("place");
		this.district = (String) place.get("district");
		assertThat(this.district).isNotBlank();
		String coordinator = "stats-coordinator-" + this.run;
		this.accounts.prepare(TestMembers.subject(coordinator), "Koordination", List.of("de"), Set.of(Role.COORDINATOR))
			.block();
		this.coordinatorSession = TestMembers.signIn(this.web, coordinator);
	}

	private String post(String member, String kind, String topic, List<String> languages, String title) {
		Map<String, Object> body = TestListings.offer(title + " " + this.run);
		body.put("kind", kind);
		body.put("topics", List.of(topic));
		body.put("languages", languages);
		body.put("place", FLENSBURG);
		return this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer(member))
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();
	}

	private String today() {
		return LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
	}

	private java.util.function.Function<org.springframework.web.util.UriBuilder, java.net.URI> query(String path) {
		return (uri) -> uri.path(path)
			.queryParam("from", today())
			.queryParam("to", today())
			.queryParam("district", this.district)
			.build();
	}

	@Test
	void countsTheDistrictsListingsAndSuppressesCountsUnderFive() {
		String csv = this.web.get()
			.uri(query("/stats.csv"))
			.cookie("SESSION", this.coordinatorSession)
			.header("Accept-Language", "de")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/csv")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		// Codes for formulas, labels in the reader's language for people, numbers only in
		// the value column and suppression as a marker of its own.
		assertThat(csv.lines()).startsWith("section,category,label,measure,value,marker")
			.contains("period,district,Kreis,," + this.district + ",")
			.contains("by_topic,housing,Wohnen und Umzug,requests,7,", "by_topic,housing,Wohnen und Umzug,offers,0,",
					"by_topic,health,Gesundheit,requests,,<5",
					"by_topic,mobility,\"Mobilität (Fahrräder, Fahrten)\",offers,7,",
					"by_language,uk,Ukrainisch,requests,7,", "by_language,fa,Persisch,requests,,<5")
			.contains("by_district," + this.district + "," + this.district + ",offers,7,",
					"by_district," + this.district + "," + this.district + ",requests,9,")
			.contains("requests,all,Bitten um Hilfe insgesamt,,9,",
					"requests,matched,davon mit einem Vorschlag (Treffer),,,<5",
					"requests,fulfilled,davon erledigt,,,<5",
					"requests,answered,davon beantwortet (ein Gespräch begann),,5,")
			.contains("time_to_first_answer,median_hours,\"Zeit bis zur ersten Antwort (Median, Stunden)\",,3.0,")
			.contains("unmet_requests_by_district," + this.district + "," + this.district + ",,7,",
					"unmet_requests_by_language,de,Deutsch,,7,", "unmet_requests_by_language,uk,Ukrainisch,,5,",
					"unmet_requests_by_language,fa,Persisch,,,<5")
			.contains("volunteers,members_with_offers,Ehrenamtliche mit Angeboten,,6,");
		// Value and marker are the last two fields: a number (or '–' for no median) or a
		// marker, never both, and never a count from 1 to 4.
		assertThat(csv.lines().skip(1).filter((line) -> !line.startsWith("period,"))).allSatisfy((line) -> {
			Matcher fields = Pattern.compile(",([^,]*),([^,]*)$").matcher(line);
			assertThat(fields.find()).as(line).isTrue();
			assertThat(fields.group(1) + "|" + fields.group(2)).as(line)
				.matches("(0|[1-9]\\d*|[5-9]|\\d+\\.\\d|–)\\||\\|(<5|\\*)")
				.doesNotMatch("[1-4]\\|");
		});
	}

	@Test
	void theDistrictIsChosenFromTheGazetteersDistrictsNotTyped() {
		String page = this.web.get()
			.uri(query("/stats"))
			.cookie("SESSION", this.coordinatorSession)
			.header("Accept-Language", "de")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("<select id=\"district\" name=\"district\"><option value=\"\">alle Kreise</option>")
			.contains("<option value=\"" + this.district + "\" selected>" + this.district + "</option>")
			.doesNotContain("type=\"text\" maxlength=\"120\"");
		assertThat(this.gazetteer.districtsOfHomeArea()).isNotEmpty()
			.allSatisfy((name) -> assertThat(page).contains("<option value=\"" + name + "\""));
	}

	@Test
	void thePageDrawsAccessibleChartsWithTheSameNumbersInTables() {
		String page = this.web.get()
			.uri(query("/stats"))
			.cookie("SESSION", this.coordinatorSession)
			.header("Accept-Language", "de")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("<svg", "role=\"img\"", "<title id=\"chart-topics-title\">Bitten um Hilfe nach Thema",
				"<title id=\"chart-districts-title\">Bitten um Hilfe nach Kreis");
		assertThat(page).contains("<th scope=\"row\">" + this.district + "</th><td>7</td><td>9</td>");
		assertThat(page).contains("&lt;5");
		assertThat(page).as("languages named in the reader's language")
			.contains(">Ukrainisch<", ">Persisch<")
			.doesNotContain("dir=\"auto\">Українська<");
		this.web.get()
			.uri(query("/stats/print"))
			.cookie("SESSION", this.coordinatorSession)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((print) -> assertThat(print).contains("@page", "size: A4", "<svg")
				.doesNotContain("<nav", "<script"));
	}

	@Test
	void wrongDatesAnswerWithAMessageNotAnError() {
		this.web.get()
			.uri("/stats?from=2026-13-45")
			.cookie("SESSION", this.coordinatorSession)
			.header("Accept-Language", "de")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("Bitte geben Sie ein Datum"));
		this.web.get()
			.uri("/stats.csv?from=2026-10-31&to=2026-10-01")
			.cookie("SESSION", this.coordinatorSession)
			.header("Accept-Language", "en")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.value((body) -> assertThat(body).isEqualTo("The end date is before the start date."));
	}

	@Test
	void membersWhoAreNotCoordinatorsDoNotFindTheFigures() {
		String member = TestMembers.signIn(this.web, "stats-member-" + this.run);
		this.web.get().uri("/stats").cookie("SESSION", member).exchange().expectStatus().isNotFound();
		this.web.get().uri("/stats.csv").cookie("SESSION", member).exchange().expectStatus().isNotFound();
		this.web.get().uri("/stats").exchange().expectStatus().is3xxRedirection();
		this.web.get()
			.uri("/")
			.cookie("SESSION", member)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).doesNotContain("href=\"/stats\""));
		this.web.get()
			.uri("/")
			.cookie("SESSION", this.coordinatorSession)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("href=\"/stats\""));
	}

	@Test
	void thePeriodDefaultsToLastCalendarMonthAndRejectsNonsense() {
		Clock midNovember = Clock.fixed(Instant.parse("2026-11-15T10:00:00Z"), ZoneOffset.UTC);
		assertThat(Period.parse(null, "", " ", midNovember))
			.isEqualTo(new Period(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"), null));
		assertThat(Period.parse(null, null, null, Clock.fixed(Instant.parse("2026-01-10T10:00:00Z"), ZoneOffset.UTC)))
			.isEqualTo(new Period(LocalDate.parse("2025-12-01"), LocalDate.parse("2025-12-31"), null));
		assertThatExceptionOfType(InvalidPeriod.class)
			.isThrownBy(() -> Period.parse("gestern", null, null, midNovember))
			.satisfies((invalid) -> assertThat(invalid.messageKey()).isEqualTo("stats.period.invalid-date"));
		assertThatExceptionOfType(InvalidPeriod.class)
			.isThrownBy(() -> Period.parse("2020-01-01", "2026-01-01", null, midNovember));
	}

	@Test
	void suppressesOneToFourButShowsZeroAndFive() {
		assertThat(List.of(0L, 1L, 4L, 5L, 120L).stream().map(Suppression::shown)).containsExactly("0", "<5", "<5", "5",
				"120");
	}

}
