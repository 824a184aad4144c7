package de.pinnwand.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestMembers;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.accounts.Member;
import de.pinnwand.accounts.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log as an admin reads it: pseudonyms and names next to the ids, and filters
 * by actor, action and days that stay in the links.
 */
@PinnwandTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditPagesTests {

	private static final String ADMIN = "audit-pages-admin";

	@Autowired
	private WebTestClient web;

	@Autowired
	private AccountService accounts;

	@Autowired
	private DatabaseClient database;

	private Member actor;

	private final String marker = "audit-pages-" + UUID.randomUUID();

	@BeforeAll
	void entries() {
		this.accounts.prepare(TestMembers.subject(ADMIN), "Audit Admin", List.of("de"), Set.of(Role.ADMIN)).block();
		this.actor = this.accounts
			.prepare(TestMembers.subject("audit-pages-actor"), "Zitronenfalter", List.of("de"), Set.of())
			.block();
		insert(this.actor.accountId(), "organisation.updated",
				OffsetDateTime.of(2025, 3, 10, 12, 0, 0, 0, ZoneOffset.UTC), "march");
		insert(this.actor.accountId(), "activity.created", OffsetDateTime.of(2025, 4, 2, 12, 0, 0, 0, ZoneOffset.UTC),
				"april");
		insert(null, "organisation.updated", OffsetDateTime.of(2025, 3, 11, 12, 0, 0, 0, ZoneOffset.UTC), "system");
	}

	private void insert(UUID actorId, String action, OffsetDateTime at, String details) {
		DatabaseClient.GenericExecuteSpec sql = this.database
			.sql("insert into audit_log (at, actor_account_id, action, subject_type, subject_id, details) "
					+ "values (:at, " + ((actorId != null) ? ":actor" : "null")
					+ ", :action, 'account', :subject, :details)")
			.bind("at", at)
			.bind("action", action)
			.bind("subject", this.actor.accountId().toString())
			.bind("details", this.marker + " " + details);
		if (actorId != null) {
			sql = sql.bind("actor", actorId);
		}
		sql.then().block();
	}

	private String page(String query) {
		return page(query, HttpStatus.OK);
	}

	private String page(String query, HttpStatus status) {
		return this.web.get()
			.uri("/admin/audit" + query)
			.cookie("SESSION", TestMembers.signIn(this.web, ADMIN))
			.header("Accept-Language", "de")
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void showsWhoActedByPseudonymAndTheItemByName() {
		String html = page("?actor=zitronenfalter&from=2025-03-01&to=2025-04-30");
		assertThat(html).contains("<td>Zitronenfalter</td>")
			.contains("Zitronenfalter (account " + this.actor.accountId() + ")")
			.contains(this.marker + " march", this.marker + " april")
			.doesNotContain(this.marker + " system")
			.doesNotContain("<td>" + this.actor.accountId() + "</td>");
	}

	@Test
	void filtersByActionAndDaysAndKeepsTheFiltersInTheForm() {
		String html = page("?action=organisation.updated&from=2025-03-11&to=2025-03-11");
		assertThat(html).contains(this.marker + " system")
			.doesNotContain(this.marker + " march", this.marker + " april")
			.contains("<option value=\"organisation.updated\" selected>Organisation geändert</option>")
			.contains("<td>Organisation geändert</td>")
			.contains("value=\"2025-03-11\"");
		assertThat(page("?actor=Zitronenfalter&from=2025-04-01")).contains(this.marker + " april")
			.doesNotContain(this.marker + " march");
	}

	@Test
	void theNextPageKeepsTheFilters() {
		this.database
			.sql("insert into audit_log (at, actor_account_id, action, subject_type, subject_id, details) "
					+ "select timestamptz '2024-01-05 12:00+00', :actor, 'organisation.updated', 'account', :subject, "
					+ ":details from generate_series(1, 51)")
			.bind("actor", this.actor.accountId())
			.bind("subject", this.actor.accountId().toString())
			.bind("details", this.marker + " many")
			.then()
			.block();
		assertThat(page("?actor=Zitronenfalter&action=organisation.updated&from=2024-01-05&to=2024-01-05")).contains(
				"href=\"/admin/audit?page&#x3D;2&amp;action&#x3D;organisation.updated&amp;actor&#x3D;Zitronenfalter"
						+ "&amp;from&#x3D;2024-01-05&amp;to&#x3D;2024-01-05\"");
	}

	@Test
	void aDateThatIsNoDateGetsAPlainErrorNotAFailure() {
		String html = page("?from=gestern", HttpStatus.BAD_REQUEST);
		assertThat(html).contains("role=\"alert\">Bitte geben Sie ein Datum wie 2026-10-31 an.")
			.contains("value=\"gestern\"");
	}

}
