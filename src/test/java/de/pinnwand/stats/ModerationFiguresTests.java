package de.pinnwand.stats;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import de.pinnwand.TestMembers;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.accounts.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moderation in the council figures: reports filed, decisions by kind and the median time
 * to a first decision, for a district only this test posts in (Rosenheim), with small
 * counts suppressed and, next to a total, a second count hidden so that the small one
 * cannot be worked out.
 */
@PinnwandTest
class ModerationFiguresTests {

	private static final String ROSENHEIM = "83022";

	@Autowired
	private WebTestClient web;

	@Autowired
	private AccountService accounts;

	@Test
	void secondarySuppressionHidesTheNextSmallestPartWhenOnlyOneIsSuppressed() {
		assertThat(Suppression.shownWithTotal(26, List.of(3L, 5L, 18L))).containsExactly("<5", "*", "18");
		assertThat(Suppression.shownWithTotal(25, List.of(2L, 3L, 20L))).as("two suppressed: only their sum shows")
			.containsExactly("<5", "<5", "20");
		assertThat(Suppression.shownWithTotal(3, List.of(3L, 0L))).as("the total is suppressed itself")
			.containsExactly("<5", "0");
		assertThat(Suppression.shownWithTotal(12, List.of(0L, 5L, 7L))).containsExactly("0", "5", "7");
	}

	@SuppressWarnings("unchecked")
	@Test
	void countsReportsDecisionsAndTheMedianTimeToDecisionPerDistrict() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String coordinator = "figures-coordinator-" + run;
		this.accounts
			.prepare(TestMembers.subject(coordinator), "Zahlenkoordination", List.of("de"), Set.of(Role.COORDINATOR))
			.block();
		List<String> ids = new ArrayList<>();
		String district = null;
		for (int i = 0; i < 6; i++) {
			Map<String, Object> body = TestListings.offer("Zahlenmoderation " + i + " " + run);
			body.put("place", ROSENHEIM);
			Map<String, Object> posted = this.web.post()
				.uri("/api/v1/listings")
				.headers(TestMembers.bearer("figures-poster-" + run))
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			ids.add((String) posted.get("id"));
			district = (String) ((Map<String, Object>) posted.get("place")).get("district");
		}
		for (String id : ids) {
			for (String address : List.of("198.51.100.241", "198.51.100.242", "198.51.100.243")) {
				this.web.post()
					.uri("/api/v1/listings/" + id + "/reports")
					.header("X-Forwarded-For", address)
					.bodyValue(Map.of("reason", "spam"))
					.exchange()
					.expectStatus()
					.isAccepted();
			}
		}
		List<Map<String, Object>> queue = this.web.get()
			.uri("/api/v1/moderation/queue")
			.headers(TestMembers.bearer(coordinator))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(Map.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.map((item) -> (Map<String, Object>) item)
			.toList();
		for (int i = 0; i < ids.size(); i++) {
			String id = ids.get(i);
			Object version = queue.stream()
				.filter((item) -> id.equals(((Map<String, Object>) item.get("item")).get("id")))
				.findFirst()
				.orElseThrow()
				.get("version");
			Map<String, Object> decision = (i == 0) ? Map.of("decision", "CLOSE", "version", version, "reason", "spam")
					: Map.of("decision", "APPROVE", "version", version);
			this.web.post()
				.uri("/api/v1/moderation/items/" + id + "/decision")
				.headers(TestMembers.bearer(coordinator))
				.bodyValue(decision)
				.exchange()
				.expectStatus()
				.isOk();
		}

		String today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
		String inDistrict = district;
		String session = TestMembers.signIn(this.web, coordinator);
		String csv = this.web.get()
			.uri((uri) -> uri.path("/stats.csv")
				.queryParam("from", today)
				.queryParam("to", today)
				.queryParam("district", inDistrict)
				.build())
			.cookie("SESSION", session)
			.header("Accept-Language", "de")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(csv.lines()).contains("reports_filed,listing,Eintrag,,18,", "reports_filed,all,Alle Meldungen,,18,",
				"decisions,moderation.approve,freigegeben,,,*", "decisions,moderation.close,geschlossen,,,<5",
				"decisions,all,Alle Entscheidungen,,6,",
				"time_to_first_decision,listings_decided,Einträge mit erster Entscheidung,,6,");
		assertThat(csv.lines().filter((line) -> line.startsWith("time_to_first_decision,median_hours,")))
			.singleElement()
			.asString()
			.matches("time_to_first_decision,median_hours,\"Zeit von der Einreichung bis zur ersten Entscheidung "
					+ "\\(Median, Stunden\\)\",,0\\.\\d,");
		assertThat(csv).doesNotContainPattern(",(1|2|3|4),\\r?$");

		String page = this.web.get()
			.uri((uri) -> uri.path("/stats")
				.queryParam("from", today)
				.queryParam("to", today)
				.queryParam("district", inDistrict)
				.build())
			.cookie("SESSION", session)
			.header("Accept-Language", "en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("Reports and the coordinators")
			.contains("All decisions")
			.contains("<th scope=\"row\">approved</th><td>*</td>")
			.contains("<th scope=\"row\">closed</th><td>&lt;5</td>")
			.contains("Time from submission to first decision (median, hours)");
	}

}
