package de.pinnwand.organisations;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import de.pinnwand.TestMembers;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.accounts.Role;
import de.pinnwand.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisations API as clients use it, signed in through the real provider: founding,
 * editing, who may do what (anyone but an organisation's admins gets 404 for managing
 * it), verification by the coordination office, invitation links, posting on behalf of an
 * organisation, and the field errors of bad input.
 */
@PinnwandTest
class OrganisationsApiTests {

	@Autowired
	private WebTestClient web;

	@Autowired
	private AccountService accounts;

	@Autowired
	private AuditLog audit;

	@Autowired
	private DatabaseClient database;

	private static String unique(String name) {
		return name + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	static Map<String, Object> profile(String name, String type) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("type", type);
		body.put("description", "Wir helfen beim Ankommen.\nJeden Dienstag.");
		body.put("languages", List.of("de", "ar"));
		body.put("publicAddress", "Marktplatz 1");
		body.put("postcode", "71634");
		body.put("openingHours", "Di 15–18 Uhr");
		body.put("contactEmail", "kontakt@example.org");
		body.put("contactPhone", "+49 7141 12345");
		body.put("website", "https://example.org/cafe");
		return body;
	}

	private Map<String, Object> create(String user, String name, String type) {
		return this.web.post()
			.uri("/api/v1/organisations")
			.headers(TestMembers.bearer(user))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(profile(name, type))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private String invitationToken(String admin, String organisationId, String role) {
		Map<String, Object> invitation = this.web.post()
			.uri("/api/v1/organisations/" + organisationId + "/invitations")
			.headers(TestMembers.bearer(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("role", role))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		String link = (String) invitation.get("link");
		assertThat(link).contains("/invitations/");
		return link.substring(link.lastIndexOf('/') + 1);
	}

	private void join(String user, String token) {
		this.web.post()
			.uri("/api/v1/invitations/" + token)
			.headers(TestMembers.bearer(user))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void membersLeaveOfTheirOwnAccordButTheLastAdminStays() {
		String id = (String) create("leaving-founder", "Arbeitskreis Abschied", "VOLUNTEER_GROUP").get("id");
		join("leaving-member", invitationToken("leaving-founder", id, "MEMBER"));
		this.web.delete()
			.uri("/api/v1/organisations/" + id + "/membership")
			.headers(TestMembers.bearer("leaving-member"))
			.exchange()
			.expectStatus()
			.isNoContent();
		this.web.delete()
			.uri("/api/v1/organisations/" + id + "/membership")
			.headers(TestMembers.bearer("leaving-member"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.delete()
			.uri("/api/v1/organisations/" + id + "/membership")
			.headers(TestMembers.bearer("leaving-founder"))
			.header("Accept-Language", "en")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("role");
	}

	@Test
	void foundsAnOrganisationAndOnlyItsAdminsMayChangeIt() {
		String name = unique("Begegnungscafé Test");
		Map<String, Object> created = create("org-founder", name, "MEETING_PLACE");
		String id = (String) created.get("id");
		assertThat(created.get("verified")).isEqualTo(false);

		this.web.get()
			.uri("/api/v1/organisations/" + id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo(name)
			.jsonPath("$.type")
			.isEqualTo("MEETING_PLACE")
			.jsonPath("$.postcode")
			.isEqualTo("71634");

		Map<String, Object> change = profile(name + " neu", "MEETING_PLACE");
		change.put("version", created.get("version"));
		this.web.put()
			.uri("/api/v1/organisations/" + id)
			.headers(TestMembers.bearer("org-founder"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(change)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo(name + " neu");
		// The version read before that change is stale now.
		this.web.put()
			.uri("/api/v1/organisations/" + id)
			.headers(TestMembers.bearer("org-founder"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(change)
			.exchange()
			.expectStatus()
			.isEqualTo(409);

		// Someone else, and a plain member, get 404 for every change, as if it did not
		// exist.
		this.web.put()
			.uri("/api/v1/organisations/" + id)
			.headers(TestMembers.bearer("org-outsider"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(change)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		join("org-plain-member", invitationToken("org-founder", id, "MEMBER"));
		this.web.put()
			.uri("/api/v1/organisations/" + id)
			.headers(TestMembers.bearer("org-plain-member"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(change)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.get()
			.uri("/api/v1/organisations/" + id + "/members")
			.headers(TestMembers.bearer("org-plain-member"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.post()
			.uri("/api/v1/organisations/" + id + "/invitations")
			.headers(TestMembers.bearer("org-plain-member"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.get().uri("/api/v1/organisations/" + id + "/members").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void refusesBadInputWithLocalizedFieldErrors() {
		Map<String, Object> tooLong = profile("x".repeat(121), "ASSOCIATION");
		tooLong.put("website", "javascript:alert(1)");
		tooLong.put("postcode", "99999");
		this.web.post()
			.uri("/api/v1/organisations")
			.headers(TestMembers.bearer("org-bad-input"))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(tooLong)
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'name')].code")
			.isEqualTo("text.too-long")
			.jsonPath("$.errors[?(@.field == 'name')].message")
			.isEqualTo("Please write at most 120 characters.")
			.jsonPath("$.errors[?(@.field == 'website')].code")
			.isEqualTo("website.invalid")
			.jsonPath("$.errors[?(@.field == 'postcode')].code")
			.isEqualTo("place.unknown");

		this.web.post()
			.uri("/api/v1/organisations")
			.headers(TestMembers.bearer("org-bad-input"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(profile(unique("Unbekannte Art"), "SPACESHIP"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("type")
			.jsonPath("$.errors[0].code")
			.isEqualTo("organisation.type.unknown");

		String name = unique("Arbeitskreis Asyl Doppelt");
		create("org-bad-input", name, "VOLUNTEER_GROUP");
		this.web.post()
			.uri("/api/v1/organisations")
			.headers(TestMembers.bearer("org-other-founder"))
			.header("Accept-Language", "de")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(profile(name.toUpperCase(), "VOLUNTEER_GROUP"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("name")
			.jsonPath("$.errors[0].code")
			.isEqualTo("organisation.name.taken")
			.jsonPath("$.errors[0].message")
			.isEqualTo("Eine Organisation mit diesem Namen gibt es schon.");

		Map<String, Object> markup = profile(unique("Markup"), "ASSOCIATION");
		markup.put("description", "<script>alert(1)</script>");
		this.web.post()
			.uri("/api/v1/organisations")
			.headers(TestMembers.bearer("org-bad-input"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(markup)
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("description");
	}

	@Test
	void onlyCoordinatorsVerifyAndEveryVerificationIsAudited() {
		String id = (String) create("org-to-verify", unique("Migrationsberatung Test"), "COUNSELLING_SERVICE")
			.get("id");
		this.web.post()
			.uri("/api/v1/organisations/" + id + "/verification")
			.headers(TestMembers.bearer("org-to-verify"))
			.exchange()
			.expectStatus()
			.isNotFound();
		UUID coordinator = this.accounts
			.prepare(TestMembers.subject("org-test-coordinator"), "Koordination", List.of("de"),
					Set.of(Role.COORDINATOR))
			.block()
			.accountId();

		this.web.post()
			.uri("/api/v1/organisations/" + id + "/verification")
			.headers(TestMembers.bearer("org-test-coordinator"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Vereinsregister geprüft"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.verified")
			.isEqualTo(true);
		this.web.get()
			.uri("/api/v1/organisations?verified=true")
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.id == '" + id + "')]")
			.exists();

		List<AuditLog.Entry> entries = this.audit.about("organisation", id).collectList().block();
		assertThat(entries).anySatisfy((entry) -> {
			assertThat(entry.action()).isEqualTo("organisation.verified");
			assertThat(entry.actorAccountId()).isEqualTo(coordinator);
			assertThat(entry.reason()).isEqualTo("Vereinsregister geprüft");
		});

		this.web.delete()
			.uri("/api/v1/organisations/" + id + "/verification")
			.headers(TestMembers.bearer("org-test-coordinator"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.verified")
			.isEqualTo(false);
		assertThat(this.audit.about("organisation", id).map(AuditLog.Entry::action).collectList().block())
			.contains("organisation.created", "organisation.verified", "organisation.unverified");
	}

	@Test
	void filtersTheListByTypeAndVerification() {
		String group = (String) create("org-lister", unique("Arbeitskreis Filter"), "VOLUNTEER_GROUP").get("id");
		String authority = (String) create("org-lister", unique("Integrationsmanagement Filter"), "AUTHORITY")
			.get("id");
		this.web.get()
			.uri("/api/v1/organisations?type=VOLUNTEER_GROUP")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == '" + group + "')]")
			.exists()
			.jsonPath("$[?(@.id == '" + authority + "')]")
			.doesNotExist()
			.jsonPath("$[?(@.type != 'VOLUNTEER_GROUP')]")
			.doesNotExist();
		this.web.get()
			.uri("/api/v1/organisations?type=AUTHORITY&verified=false")
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.id == '" + authority + "')]")
			.exists()
			.jsonPath("$[?(@.verified == true)]")
			.doesNotExist();
		this.web.get().uri("/api/v1/organisations?type=SPACESHIP").exchange().expectStatus().isEqualTo(422);
	}

	@Test
	void invitationLinksWorkOnceAndUntilTheyExpire() {
		String id = (String) create("org-inviter", unique("Kleiderkammer Einladung"), "ASSOCIATION").get("id");
		String token = invitationToken("org-inviter", id, "ADMIN");
		this.web.post()
			.uri("/api/v1/invitations/" + token)
			.headers(TestMembers.bearer("org-invitee"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(id);
		this.web.get()
			.uri("/api/v1/organisations/" + id + "/members")
			.headers(TestMembers.bearer("org-invitee"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(2)
			.jsonPath("$[1].role")
			.isEqualTo("ADMIN");

		// Used, unknown and expired links answer alike.
		this.web.post()
			.uri("/api/v1/invitations/" + token)
			.headers(TestMembers.bearer("org-latecomer"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.post()
			.uri("/api/v1/invitations/" + "A".repeat(43))
			.headers(TestMembers.bearer("org-latecomer"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.post()
			.uri("/api/v1/invitations/not-a-token")
			.headers(TestMembers.bearer("org-latecomer"))
			.exchange()
			.expectStatus()
			.isNotFound();
		String expired = "E".repeat(40) + "abc";
		UUID creator = this.accounts.prepare(TestMembers.subject("org-inviter"), "x", List.of("de"), Set.of())
			.block()
			.accountId();
		this.database
			.sql("insert into organisation_invitation (token_hash, organisation_id, role, created_by, "
					+ "created_at, expires_at) values (:hash, :organisation, 'MEMBER', :by, :at, :expires)")
			.bind("hash", OrganisationService.hash(expired))
			.bind("organisation", UUID.fromString(id))
			.bind("by", creator)
			.bind("at", Instant.now().minus(Duration.ofDays(20)))
			.bind("expires", Instant.now().minus(Duration.ofDays(6)))
			.then()
			.block();
		this.web.post()
			.uri("/api/v1/invitations/" + expired)
			.headers(TestMembers.bearer("org-latecomer"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.get()
			.uri("/api/v1/organisations/" + id + "/members")
			.headers(TestMembers.bearer("org-inviter"))
			.exchange()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(2);
		// Only the hash is stored.
		Long stored = this.database.sql("select count(*) as n from organisation_invitation where token_hash = :token")
			.bind("token", token)
			.map((row, meta) -> row.get("n", Long.class))
			.one()
			.block();
		assertThat(stored).isZero();
	}

	@Test
	void keepsAtLeastOneAdminAndAuditsRoleChanges() {
		String id = (String) create("org-sole-admin", unique("Fahrradwerkstatt Rollen"), "VOLUNTEER_GROUP").get("id");
		String founder = this.web.get()
			.uri("/api/v1/organisations/" + id + "/members")
			.headers(TestMembers.bearer("org-sole-admin"))
			.exchange()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody()
			.get(0)
			.get("accountId")
			.toString();
		this.web.put()
			.uri("/api/v1/organisations/" + id + "/members/" + founder)
			.headers(TestMembers.bearer("org-sole-admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("role", "MEMBER"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("organisation.last-admin");
		this.web.delete()
			.uri("/api/v1/organisations/" + id + "/members/" + founder)
			.headers(TestMembers.bearer("org-sole-admin"))
			.exchange()
			.expectStatus()
			.isEqualTo(422);

		join("org-second", invitationToken("org-sole-admin", id, "MEMBER"));
		Map<String, Object> second = this.web.get()
			.uri("/api/v1/organisations/" + id + "/members")
			.headers(TestMembers.bearer("org-sole-admin"))
			.exchange()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody()
			.get(1);
		String secondId = second.get("accountId").toString();
		this.web.put()
			.uri("/api/v1/organisations/" + id + "/members/" + secondId)
			.headers(TestMembers.bearer("org-sole-admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("role", "ADMIN"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.role")
			.isEqualTo("ADMIN");
		this.web.get()
			.uri("/api/v1/organisations/" + id + "/members/" + secondId)
			.headers(TestMembers.bearer("org-second"))
			.exchange()
			.expectStatus()
			.isOk();
		this.web.delete()
			.uri("/api/v1/organisations/" + id + "/members/" + founder)
			.headers(TestMembers.bearer("org-second"))
			.exchange()
			.expectStatus()
			.isNoContent();
		this.web.get()
			.uri("/api/v1/organisations/" + id + "/members")
			.headers(TestMembers.bearer("org-sole-admin"))
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(this.audit.about("organisation", id).map(AuditLog.Entry::action).collectList().block()).contains(
				"organisation.invitation-created", "organisation.member-joined", "organisation.role-changed",
				"organisation.member-removed");
	}

	@Test
	void membersPostOnBehalfOfTheirOrganisationAndOthersAreRefused() {
		String name = unique("Deutschkurs Verein");
		String id = (String) create("org-poster", name, "ASSOCIATION").get("id");
		Map<String, Object> body = TestListings.offer("Deutschkurs für Anfänger " + name);
		body.put("organisation", id);
		String listing = this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer("org-poster"))
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.organisation")
			.isEqualTo(id)
			.jsonPath("$.organisationName")
			.isEqualTo(name)
			.returnResult()
			.getResponseHeaders()
			.getLocation()
			.getPath();
		this.web.get().uri(listing).exchange().expectBody().jsonPath("$.organisationName").isEqualTo(name);

		this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer("org-not-a-member"))
			.header("Accept-Language", "en")
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("organisation")
			.jsonPath("$.errors[0].message")
			.isEqualTo("You cannot post for this organisation.");

		// The membership is part of the member's data export.
		this.web.get()
			.uri("/api/v1/me/export")
			.headers(TestMembers.bearer("org-poster"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.organisations[?(@.organisation == '" + id + "')].role")
			.isEqualTo("ADMIN");
	}

}
