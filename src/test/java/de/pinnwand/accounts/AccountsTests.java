package de.pinnwand.accounts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import de.pinnwand.TestMembers;
import de.pinnwand.audit.AuditLog;
import de.pinnwand.system.embedded.EmbeddedServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseCookie;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Accounts as people meet them: signing in at the real provider, their profile, their
 * data, their roles.
 */
@PinnwandTest
class AccountsTests {

	@Autowired
	private WebTestClient web;

	@Autowired
	private AccountService accounts;

	@Autowired
	private AuditLog audit;

	@Autowired
	private DatabaseClient database;

	@Test
	void explainsAccountDeletionAsAShortList() {
		String member = TestMembers.signIn(this.web, "deletion-reader");
		this.web.get()
			.uri("/my/account?ui=de")
			.cookie("SESSION", member)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(html))
				.contains("<ul class=\"points\"><li>Wenn Sie Ihr Konto löschen, löschen wir sofort:")
				.contains("</li><li>Laden Sie vorher Ihre Daten herunter, wenn Sie sie behalten möchten.</li></ul>"));
	}

	/**
	 * A new member's app sends several requests at once: the first sign-in races itself,
	 * and every one succeeds.
	 */
	@Test
	void theFirstRequestsOfANewMemberAtOnceAllSucceed() throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(8);
		try {
			for (int member = 0; member < 4; member++) {
				String name = "racer-" + UUID.randomUUID().toString().substring(0, 8);
				String token = TestMembers.token(name);
				List<Future<Integer>> answers = new ArrayList<>();
				for (int i = 0; i < 8; i++) {
					answers.add(clients.submit(() -> this.web.get()
						.uri("/api/v1/me")
						.header("Authorization", "Bearer " + token)
						.exchange()
						.returnResult(Void.class)
						.getStatus()
						.value()));
				}
				for (Future<Integer> answer : answers) {
					assertThat(answer.get(60, TimeUnit.SECONDS)).as(name).isEqualTo(200);
				}
			}
		}
		finally {
			clients.shutdownNow();
		}
	}

	@Test
	void signsInAtTheProviderAndKeepsTheSessionCookieSafe() {
		String issuer = EmbeddedServices.signInProvider().issuerUri();
		var start = this.web.get()
			.uri("/oauth2/authorization/pinnwand?ui=ar")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(Void.class);
		String authorize = start.getResponseHeaders().getLocation().toString();
		assertThat(authorize).contains("code_challenge=")
			.contains("code_challenge_method=S256")
			.as("Keycloak's pages speak the reader's interface language")
			.contains("ui_locales=ar")
			.startsWith(issuer + "/protocol/openid-connect/auth");
		assertThat(start.getResponseCookies().getFirst("SESSION")).as("no server session for a started sign-in")
			.isNull();
		ResponseCookie started = start.getResponseCookies().getFirst(de.pinnwand.accounts.web.SignInRequests.COOKIE);
		assertThat(started).isNotNull();
		assertThat(started.isHttpOnly()).isTrue();
		assertThat(started.getSameSite()).isEqualToIgnoringCase("Lax");

		String member = TestMembers.signIn(this.web, "profile-tester");
		this.web.get()
			.uri("/my/account?ui=en")
			.cookie("SESSION", member)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("profile-tester")
				.contains("Sign out")
				.doesNotContain("real name</label>"));
	}

	@Test
	void signsOutOfThePortalAndOfTheProvider() {
		String member = TestMembers.signIn(this.web, "sign-out-tester");
		var page = this.web.get()
			.uri("/my/account")
			.cookie("SESSION", member)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class);
		String html = page.getResponseBody().collectList().block().stream().reduce("", String::concat);
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(html);
		assertThat(token.find()).isTrue();
		String xsrf = page.getResponseCookies().getFirst("XSRF-TOKEN").getValue();
		var out = this.web.post()
			.uri("/logout")
			.cookie("SESSION", member)
			.cookie("XSRF-TOKEN", xsrf)
			.contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("_csrf=" + token.group(1))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(Void.class);
		assertThat(out.getResponseHeaders().getLocation().toString())
			.startsWith(EmbeddedServices.signInProvider().issuerUri() + "/protocol/openid-connect/logout")
			.contains("id_token_hint=")
			.contains("post_logout_redirect_uri=");
		assertThat(out.getResponseHeaders().getFirst("Content-Security-Policy"))
			.as("the browser may follow the sign-out form's redirect to the provider")
			.contains("form-action 'self' " + EmbeddedServices.signInProvider().baseUri());
		this.web.get().uri("/my/account").cookie("SESSION", member).exchange().expectStatus().is3xxRedirection();
	}

	@Test
	void refusesWrongPasswordsAndGrantsThePortalDoesNotUse() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String token = EmbeddedServices.signInProvider().tokenUri();
		TestMembers.subject("password-tester");
		HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create(token))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(
					"grant_type=password&client_id=pinnwand-cli&username=password-tester&password=pinnwand-local"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(wrong.statusCode()).as("the README's demo password works only in the local profile").isIn(400, 401);
		assertThat(wrong.body()).contains("invalid_grant");
		HttpResponse<String> demo = http.send(HttpRequest.newBuilder(URI.create(token))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("grant_type=password&client_id=pinnwand-cli&username=amal&password=pinnwand-local"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(demo.statusCode()).as("no demo accounts outside the local profile").isIn(400, 401);
		HttpResponse<String> portal = http.send(HttpRequest.newBuilder(URI.create(token))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(
					"grant_type=password&client_id=pinnwand&username=password-tester&password=" + java.net.URLEncoder
						.encode(EmbeddedServices.memberPassword(), java.nio.charset.StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(portal.statusCode()).as("the portal's own client signs in on pages only").isIn(400, 401);
		HttpResponse<String> machine = http.send(HttpRequest.newBuilder(URI.create(token))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=pinnwand-cli"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(machine.statusCode()).isIn(400, 401);
		this.web.get()
			.uri("/api/v1/me")
			.header("Authorization", "Bearer not-a-token")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType("application/problem+json");
	}

	@Test
	void endsAForgedSignInCallbackOnAPageInTheReadersLanguage() {
		this.web.get()
			.uri("/login/oauth2/code/pinnwand?code=forged&state=forged")
			.header("Accept-Language", "en")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith("text/html")
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Signing in did not work")
				.doesNotContain("authorization_request_not_found"));
	}

	@Test
	void changesTheProfileOnlyWhenEveryFieldIsRight() {
		this.web.put()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer("profile-api"))
			.header("Accept-Language", "en")
			.bodyValue(Map.of("displayName", "Nadia", "languages", List.of("fa", "xx"), "contactEmail",
					"not-an-address", "emailNotifications", "DAILY"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'languages')].code")
			.isEqualTo("languages.unknown")
			.jsonPath("$.errors[?(@.field == 'contactEmail')].message")
			.isEqualTo("This e-mail address is not valid.");
		this.web.get()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer("profile-api"))
			.exchange()
			.expectBody()
			.jsonPath("$.displayName")
			.isEqualTo("profile-api");

		this.web.put()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer("profile-api"))
			.bodyValue(Map.of("displayName", "Nadia", "languages", List.of("fa", "prs", "de"), "homePostcode", "71634",
					"contactEmail", "nadia@example.org", "emailNotifications", "DAILY", "interfaceLanguage", "fa"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.displayName")
			.isEqualTo("Nadia")
			.jsonPath("$.languages[1]")
			.isEqualTo("prs");
	}

	@Test
	void choosesDariAsTheInterfaceLanguageInTheProfile() {
		String member = TestMembers.signIn(this.web, "dari-reader");
		var page = this.web.get()
			.uri("/my/account?ui=fa-AF")
			.cookie("SESSION", member)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class);
		String html = page.getResponseBody().collectList().block().stream().reduce("", String::concat);
		assertThat(html).contains("<option value=\"fa-AF\" lang=\"fa-AF\">دری</option>")
			.contains("<option value=\"fa\" lang=\"fa\">فارسی</option>");
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(html);
		assertThat(token.find()).isTrue();
		String xsrf = page.getResponseCookies().getFirst("XSRF-TOKEN").getValue();
		this.web.post()
			.uri("/my/account")
			.cookie("SESSION", member)
			.cookie("XSRF-TOKEN", xsrf)
			.contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
			.body(org.springframework.web.reactive.function.BodyInserters.fromFormData("_csrf", token.group(1))
				.with("displayName", "Farid")
				.with("languages", "prs")
				.with("emailNotifications", "NEVER")
				.with("interfaceLanguage", "fa-AF"))
			.exchange()
			.expectStatus()
			.is3xxRedirection();
		this.web.get()
			.uri("/my/account")
			.cookie("SESSION", member)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((saved) -> assertThat(saved)
				.contains("<option value=\"fa-AF\" lang=\"fa-AF\" selected>دری</option>"));

		// The API takes any spelling of Dari and stores the interface's own; an unknown
		// language is refused.
		this.web.put()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer("dari-api"))
			.bodyValue(Map.of("displayName", "Farid", "languages", List.of("prs"), "emailNotifications", "NEVER",
					"interfaceLanguage", "fa-af"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.interfaceLanguage")
			.isEqualTo("fa-AF");
		this.web.put()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer("dari-api"))
			.bodyValue(Map.of("displayName", "Farid", "languages", List.of("prs"), "emailNotifications", "NEVER",
					"interfaceLanguage", "xx"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'interfaceLanguage')].code")
			.isEqualTo("interfaceLanguage.unknown");
	}

	@Test
	void exportsEverythingAboutTheMemberAndNothingAboutOthers() {
		this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer("export-tester"))
			.bodyValue(TestListings.offer("Exporttest Nähmaschine"))
			.exchange()
			.expectStatus()
			.isCreated();
		this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer("export-other"))
			.bodyValue(TestListings.offer("Exporttest fremder Eintrag"))
			.exchange()
			.expectStatus()
			.isCreated();
		this.web.get()
			.uri("/api/v1/me/export")
			.headers(TestMembers.bearer("export-tester"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches("Content-Disposition", "attachment.*")
			.expectBody(String.class)
			.value((json) -> assertThat(json).contains("export-tester")
				.contains("Exporttest Nähmaschine")
				.doesNotContain("Exporttest fremder Eintrag"));
		this.web.get().uri("/api/v1/me/listings").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void followsTheProvidersGroupsAndAuditsEveryRoleChange() {
		Member coordinator = this.accounts.signedIn("group-member", "Grete", List.of("/coordinators")).block();
		assertThat(coordinator.isCoordinator()).isTrue();
		Member again = this.accounts.signedIn("group-member", "Grete", List.of()).block();
		assertThat(again.roles()).isEmpty();
		List<String> actions = this.audit.about("account", again.accountId().toString())
			.map(AuditLog.Entry::action)
			.collectList()
			.block();
		assertThat(actions).containsSubsequence("account.created", "role.granted", "role.revoked");
	}

	@Test
	void letsOnlyAdminsGrantRolesAndOnlyAdminsReachOperatorEndpoints() {
		Member admin = this.accounts
			.prepare(TestMembers.subject("role-admin"), "Admin", List.of("de"), Set.of(Role.ADMIN))
			.block();
		Member member = this.accounts.signedIn(TestMembers.subject("role-member"), "Mo", null).block();
		assertThatThrownBy(() -> this.accounts.grant(member, member.accountId(), Role.ADMIN, "self-service").block())
			.isInstanceOf(AccountNotFound.class);
		this.accounts.grant(admin, member.accountId(), Role.COORDINATOR, "Integrationsmanagerin Kornwestheim").block();
		assertThat(this.accounts.bySubject(TestMembers.subject("role-member")).block().isCoordinator()).isTrue();
		assertThat(this.audit.about("account", member.accountId().toString())
			.mapNotNull(AuditLog.Entry::reason)
			.collectList()
			.block()).contains("Integrationsmanagerin Kornwestheim");

		this.web.get().uri("/actuator/searchindex").exchange().expectStatus().isUnauthorized();
		this.web.get()
			.uri("/actuator/searchindex")
			.headers(TestMembers.bearer("role-member"))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.web.get()
			.uri("/actuator/searchindex")
			.headers(TestMembers.bearer("role-admin"))
			.exchange()
			.expectStatus()
			.isOk();
		this.web.get().uri("/actuator/health").exchange().expectStatus().isOk();
	}

	@Test
	void neverKeysAnAccountByAnEmptySubject() {
		for (String empty : new String[] { null, "", "  " }) {
			assertThatThrownBy(() -> this.accounts.signedIn(empty, "Niemand", null).block())
				.isInstanceOf(org.springframework.web.server.ResponseStatusException.class)
				.hasMessageContaining("401");
		}
		assertThat(this.database.sql("select count(*) from account where subject = '' or trim(subject) = ''")
			.map((row) -> row.get(0, Long.class))
			.one()
			.block()).isZero();
	}

	@Test
	void keepsTheAuditLogAppendOnly() {
		this.audit.record(null, "test.entry", "test", "1", null, null).block();
		assertThatThrownBy(() -> this.database.sql("update audit_log set reason = 'changed'").then().block())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.database.sql("delete from audit_log").then().block())
			.hasMessageContaining("append-only");
	}

}
