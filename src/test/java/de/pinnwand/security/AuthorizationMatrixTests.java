package de.pinnwand.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import de.pinnwand.TestMembers;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.accounts.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what: every route of the app × every kind of person × their own object or
 * someone else's, with the answer each must get. Someone else's private object answers
 * exactly like a missing one (404). A route added without an entry here fails
 * {@link #everyRouteHasAnEntry()}.
 * <p>
 * Answers are classed, not matched exactly: ALLOWED is anything past the gate (2xx, a
 * redirect elsewhere, or 409/422 for a body the rules refuse), DENIED is 401, 403 or the
 * redirect to sign in, NOT_FOUND is 404.
 */
@PinnwandTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

	/** The kinds of people the matrix tries. */
	enum Actor {

		ANONYMOUS, MEMBER, ORG_MEMBER, ORG_ADMIN, COORDINATOR, ADMIN;

		String username() {
			return "matrix-" + name().toLowerCase().replace('_', '-');
		}

	}

	/** Whose object the path names. */
	enum Whose {

		OWN, OTHERS

	}

	enum Outcome {

		ALLOWED, DENIED, NOT_FOUND

	}

	/** What a path's {@code {id}} names. */
	enum Resource {

		NONE, LISTING,

		/**
		 * A listing its poster marked fulfilled a moment ago, so it may still be opened
		 * again.
		 */
		ENDED_LISTING,

		/**
		 * An organisation; its own is the one where ORG_MEMBER is a member and ORG_ADMIN
		 * an admin.
		 */
		ORGANISATION,

		/** An organisation and one of its plain members ({@code {accountId}}). */
		ORGANISATION_MEMBER,

		/** An unused invitation link of an organisation. */
		INVITATION,

		/**
		 * A weekly activity; its own is one of the organisation ORG_MEMBER and ORG_ADMIN
		 * belong to.
		 */
		ACTIVITY,

		/**
		 * An activity's first occurrence ({@code {occurrence}}) that the actor signed up
		 * for.
		 */
		ACTIVITY_SIGNUP,

		/** A saved search: the actor's own, or a stranger's. */
		SAVED_SEARCH,

		/**
		 * The actor's own account; the request signs in under a throwaway name, so that
		 * deleting the account leaves the actor's own for the other cells.
		 */
		OWN_ACCOUNT,

		/**
		 * Another member's account ({@code {accountId}}), e.g. a coordinator's that an
		 * admin scopes.
		 */
		ACCOUNT,

		/**
		 * A conversation on a stranger's listing: the actor answered it (own), or a
		 * stranger did.
		 */
		CONVERSATION

	}

	/** Who may: a function of the actor and whose object it is. */
	interface Policy extends BiFunction<Actor, Whose, Outcome> {

	}

	static final Policy PUBLIC = (actor, whose) -> Outcome.ALLOWED;

	static final Policy SIGNED_IN = (actor, whose) -> (actor == Actor.ANONYMOUS) ? Outcome.DENIED : Outcome.ALLOWED;

	/** Only the one who posted it; for everyone else it does not exist. */
	static final Policy OWNER = (actor, whose) -> (actor == Actor.ANONYMOUS) ? Outcome.DENIED
			: (whose == Whose.OWN) ? Outcome.ALLOWED : Outcome.NOT_FOUND;

	static final Policy ADMIN_ONLY = (actor, whose) -> (actor == Actor.ADMIN) ? Outcome.ALLOWED : Outcome.DENIED;

	/** Only the organisation's admins; for everyone else the object does not exist. */
	static final Policy ORGANISATION_ADMIN = (actor, whose) -> (actor == Actor.ANONYMOUS) ? Outcome.DENIED
			: (actor == Actor.ORG_ADMIN && whose == Whose.OWN) ? Outcome.ALLOWED : Outcome.NOT_FOUND;

	/** Any member of the organisation; for everyone else the object does not exist. */
	static final Policy ORGANISATION_MEMBERS = (actor, whose) -> (actor == Actor.ANONYMOUS) ? Outcome.DENIED
			: ((actor == Actor.ORG_ADMIN || actor == Actor.ORG_MEMBER) && whose == Whose.OWN) ? Outcome.ALLOWED
					: Outcome.NOT_FOUND;

	/** Only the coordination office (and admins); for everyone else it does not exist. */
	static final Policy COORDINATORS = (actor, whose) -> (actor == Actor.ANONYMOUS) ? Outcome.DENIED
			: (actor == Actor.COORDINATOR || actor == Actor.ADMIN) ? Outcome.ALLOWED : Outcome.NOT_FOUND;

	/**
	 * Admins (the matrix has no translator); for everyone else the text editor does not
	 * exist.
	 */
	static final Policy TEXT_EDITORS = (actor, whose) -> (actor == Actor.ANONYMOUS) ? Outcome.DENIED
			: (actor == Actor.ADMIN) ? Outcome.ALLOWED : Outcome.NOT_FOUND;

	/** One route and who may use it. */
	record Rule(String method, String pattern, Resource resource, Policy policy) {

		String key() {
			return this.method + " " + this.pattern;
		}

		@Override
		public String toString() {
			return key();
		}

	}

	static final List<Rule> RULES = List.of(
			// Public pages and reads
			new Rule("GET", "/", Resource.NONE, PUBLIC), new Rule("GET", "/about", Resource.NONE, PUBLIC),
			new Rule("GET", "/search", Resource.NONE, PUBLIC),
			new Rule("GET", "/listings/{id}", Resource.LISTING, PUBLIC),
			new Rule("GET", "/listings/{id}/print", Resource.LISTING, PUBLIC),
			new Rule("GET", "/listings/{id}/qr.svg", Resource.LISTING, PUBLIC),
			new Rule("GET", "/api/v1/listings", Resource.NONE, PUBLIC),
			new Rule("GET", "/api/v1/listings/{id}", Resource.LISTING, PUBLIC),
			new Rule("GET", "/api/v1/listings/{id}/matches", Resource.LISTING, PUBLIC),
			new Rule("GET", "/api/v1/topics", Resource.NONE, PUBLIC),
			new Rule("GET", "/api/v1/places", Resource.NONE, PUBLIC),
			new Rule("GET", "/api/v1/suggestions", Resource.NONE, PUBLIC),
			// Posting and one's own things
			new Rule("GET", "/listings/new", Resource.NONE, SIGNED_IN),
			new Rule("POST", "/listings", Resource.NONE, SIGNED_IN),
			new Rule("POST", "/api/v1/listings", Resource.NONE, SIGNED_IN),
			new Rule("GET", "/my/listings", Resource.NONE, SIGNED_IN),
			new Rule("GET", "/my/organisations", Resource.NONE, SIGNED_IN),
			new Rule("GET", "/my/account", Resource.NONE, SIGNED_IN),
			new Rule("POST", "/my/account", Resource.NONE, SIGNED_IN),
			new Rule("GET", "/my/account/export", Resource.NONE, SIGNED_IN),
			new Rule("GET", "/api/v1/me", Resource.NONE, SIGNED_IN),
			new Rule("PUT", "/api/v1/me", Resource.NONE, SIGNED_IN),
			new Rule("GET", "/api/v1/me/export", Resource.NONE, SIGNED_IN),
			new Rule("GET", "/api/v1/me/listings", Resource.NONE, SIGNED_IN),
			new Rule("GET", "/listings/{id}/edit", Resource.LISTING, OWNER),
			new Rule("POST", "/listings/{id}/edit", Resource.LISTING, OWNER),
			new Rule("POST", "/listings/{id}/renewal", Resource.LISTING, OWNER),
			new Rule("POST", "/listings/{id}/fulfilment", Resource.LISTING, OWNER),
			new Rule("POST", "/listings/{id}/withdrawal", Resource.LISTING, OWNER),
			new Rule("POST", "/listings/{id}/reopening", Resource.ENDED_LISTING, OWNER),
			new Rule("PUT", "/api/v1/listings/{id}", Resource.LISTING, OWNER),
			new Rule("DELETE", "/api/v1/listings/{id}", Resource.LISTING, OWNER),
			new Rule("POST", "/api/v1/listings/{id}/renewal", Resource.LISTING, OWNER),
			new Rule("POST", "/api/v1/listings/{id}/fulfilment", Resource.LISTING, OWNER),
			// Organisations: public profiles, admins manage, coordinators verify
			new Rule("GET", "/organisations", Resource.NONE, PUBLIC),
			new Rule("GET", "/organisations/{id}", Resource.ORGANISATION, PUBLIC),
			new Rule("GET", "/organisations/{id}/logo", Resource.ORGANISATION, (actor, whose) -> Outcome.NOT_FOUND),
			new Rule("GET", "/api/v1/organisations", Resource.NONE, PUBLIC),
			new Rule("GET", "/api/v1/organisations/{id}", Resource.ORGANISATION, PUBLIC),
			new Rule("GET", "/organisations/new", Resource.NONE, SIGNED_IN),
			new Rule("POST", "/organisations", Resource.NONE, SIGNED_IN),
			new Rule("POST", "/api/v1/organisations", Resource.NONE, SIGNED_IN),
			new Rule("GET", "/organisations/{id}/edit", Resource.ORGANISATION, ORGANISATION_ADMIN),
			new Rule("POST", "/organisations/{id}/edit", Resource.ORGANISATION, ORGANISATION_ADMIN),
			new Rule("POST", "/organisations/{id}/logo", Resource.ORGANISATION, ORGANISATION_ADMIN),
			new Rule("PUT", "/api/v1/organisations/{id}", Resource.ORGANISATION, ORGANISATION_ADMIN),
			new Rule("GET", "/organisations/{id}/members", Resource.ORGANISATION, ORGANISATION_ADMIN),
			new Rule("GET", "/api/v1/organisations/{id}/members", Resource.ORGANISATION, ORGANISATION_ADMIN),
			new Rule("GET", "/api/v1/organisations/{id}/members/{accountId}", Resource.ORGANISATION_MEMBER,
					ORGANISATION_ADMIN),
			new Rule("PUT", "/api/v1/organisations/{id}/members/{accountId}", Resource.ORGANISATION_MEMBER,
					ORGANISATION_ADMIN),
			new Rule("DELETE", "/api/v1/organisations/{id}/members/{accountId}", Resource.ORGANISATION_MEMBER,
					ORGANISATION_ADMIN),
			new Rule("POST", "/organisations/{id}/members/{accountId}/role", Resource.ORGANISATION_MEMBER,
					ORGANISATION_ADMIN),
			new Rule("POST", "/organisations/{id}/members/{accountId}/removal", Resource.ORGANISATION_MEMBER,
					ORGANISATION_ADMIN),
			new Rule("POST", "/organisations/{id}/invitations", Resource.ORGANISATION, ORGANISATION_ADMIN),
			new Rule("POST", "/organisations/{id}/membership/removal", Resource.ORGANISATION, ORGANISATION_MEMBERS),
			new Rule("DELETE", "/api/v1/organisations/{id}/membership", Resource.ORGANISATION, ORGANISATION_MEMBERS),
			new Rule("POST", "/api/v1/organisations/{id}/invitations", Resource.ORGANISATION, ORGANISATION_ADMIN),
			new Rule("GET", "/invitations/{token}", Resource.INVITATION, SIGNED_IN),
			new Rule("POST", "/invitations/{token}", Resource.INVITATION, SIGNED_IN),
			new Rule("POST", "/api/v1/invitations/{token}", Resource.INVITATION, SIGNED_IN),
			new Rule("POST", "/organisations/{id}/verification", Resource.ORGANISATION, COORDINATORS),
			new Rule("POST", "/organisations/{id}/verification/removal", Resource.ORGANISATION, COORDINATORS),
			new Rule("POST", "/api/v1/organisations/{id}/verification", Resource.ORGANISATION, COORDINATORS),
			new Rule("DELETE", "/api/v1/organisations/{id}/verification", Resource.ORGANISATION, COORDINATORS),
			// Activities: public, organised by the organisation's members, anyone signed
			// in signs up
			new Rule("GET", "/activities", Resource.NONE, PUBLIC),
			new Rule("GET", "/activities.ics", Resource.NONE, PUBLIC),
			new Rule("GET", "/activities/{id}", Resource.ACTIVITY, PUBLIC),
			new Rule("GET", "/organisations/{id}/activities.ics", Resource.ORGANISATION, PUBLIC),
			new Rule("GET", "/api/v1/activities", Resource.NONE, PUBLIC),
			new Rule("GET", "/api/v1/activities/{id}", Resource.ACTIVITY, PUBLIC),
			new Rule("GET", "/search.atom", Resource.NONE, PUBLIC),
			new Rule("GET", "/activities/new", Resource.NONE, SIGNED_IN),
			new Rule("POST", "/activities", Resource.NONE, SIGNED_IN),
			new Rule("POST", "/api/v1/activities", Resource.NONE, SIGNED_IN),
			new Rule("GET", "/activities/{id}/edit", Resource.ACTIVITY, ORGANISATION_MEMBERS),
			new Rule("POST", "/activities/{id}/edit", Resource.ACTIVITY, ORGANISATION_MEMBERS),
			new Rule("POST", "/activities/{id}/cancellation", Resource.ACTIVITY, ORGANISATION_MEMBERS),
			new Rule("PUT", "/api/v1/activities/{id}", Resource.ACTIVITY, ORGANISATION_MEMBERS),
			new Rule("DELETE", "/api/v1/activities/{id}", Resource.ACTIVITY, ORGANISATION_MEMBERS),
			new Rule("GET", "/activities/{id}/signups", Resource.ACTIVITY, ORGANISATION_MEMBERS),
			new Rule("GET", "/activities/{id}/signups.csv", Resource.ACTIVITY, ORGANISATION_MEMBERS),
			new Rule("POST", "/activities/{id}/signups/{signup}/removal", Resource.ACTIVITY, ORGANISATION_MEMBERS),
			new Rule("POST", "/activities/{id}/dates/{date}/cancellation", Resource.ACTIVITY, ORGANISATION_MEMBERS),
			new Rule("GET", "/api/v1/activities/{id}/signups", Resource.ACTIVITY, ORGANISATION_MEMBERS),
			new Rule("POST", "/activities/{id}/signups", Resource.ACTIVITY, SIGNED_IN),
			new Rule("POST", "/api/v1/activities/{id}/signups", Resource.ACTIVITY, SIGNED_IN),
			new Rule("GET", "/api/v1/activities/{id}/signups/mine", Resource.ACTIVITY, SIGNED_IN),
			new Rule("POST", "/activities/{id}/signups/{occurrence}/cancellation", Resource.ACTIVITY_SIGNUP, OWNER),
			new Rule("DELETE", "/api/v1/activities/{id}/signups/{occurrence}", Resource.ACTIVITY_SIGNUP, OWNER),
			// Saved searches: one's own
			// Conversations: only their two sides see them
			new Rule("GET", "/conversations", Resource.NONE, SIGNED_IN),
			new Rule("GET", "/conversations/new", Resource.NONE, SIGNED_IN),
			new Rule("POST", "/conversations", Resource.NONE, SIGNED_IN),
			new Rule("GET", "/conversations/{id}", Resource.CONVERSATION, OWNER),
			new Rule("POST", "/conversations/{id}/messages", Resource.CONVERSATION, OWNER),
			new Rule("POST", "/conversations/{id}/disclosure", Resource.CONVERSATION, OWNER),
			new Rule("POST", "/conversations/{id}/close", Resource.CONVERSATION, OWNER),
			new Rule("POST", "/conversations/{id}/block", Resource.CONVERSATION, OWNER),
			new Rule("POST", "/conversations/{id}/fulfilment", Resource.CONVERSATION, OWNER),
			new Rule("POST", "/conversations/{id}/reports", Resource.CONVERSATION, OWNER),
			new Rule("GET", "/api/v1/conversations", Resource.NONE, SIGNED_IN),
			new Rule("GET", "/api/v1/conversations/unread", Resource.NONE, SIGNED_IN),
			new Rule("POST", "/api/v1/conversations", Resource.NONE, SIGNED_IN),
			new Rule("GET", "/api/v1/conversations/{id}", Resource.CONVERSATION, OWNER),
			new Rule("POST", "/api/v1/conversations/{id}/messages", Resource.CONVERSATION, OWNER),
			new Rule("POST", "/api/v1/conversations/{id}/disclosure", Resource.CONVERSATION, OWNER),
			new Rule("POST", "/api/v1/conversations/{id}/close", Resource.CONVERSATION, OWNER),
			new Rule("POST", "/api/v1/conversations/{id}/block", Resource.CONVERSATION, OWNER),
			new Rule("POST", "/api/v1/conversations/{id}/fulfilment", Resource.CONVERSATION, OWNER),
			new Rule("POST", "/api/v1/conversations/{id}/reports", Resource.CONVERSATION, OWNER),
			new Rule("GET", "/my/searches", Resource.NONE, SIGNED_IN),
			new Rule("GET", "/my/searches/new", Resource.NONE, SIGNED_IN),
			new Rule("POST", "/my/searches", Resource.NONE, SIGNED_IN),
			new Rule("GET", "/api/v1/me/searches", Resource.NONE, SIGNED_IN),
			new Rule("POST", "/api/v1/me/searches", Resource.NONE, SIGNED_IN),
			new Rule("GET", "/api/v1/me/searches/hits", Resource.NONE, SIGNED_IN),
			new Rule("POST", "/my/searches/{id}/removal", Resource.SAVED_SEARCH, OWNER),
			new Rule("DELETE", "/api/v1/me/searches/{id}", Resource.SAVED_SEARCH, OWNER),
			// Moderation: anyone reports, visitors included; coordinators review; admins
			// read the audit log
			new Rule("GET", "/listings/{id}/report", Resource.LISTING, PUBLIC),
			new Rule("POST", "/listings/{id}/reports", Resource.LISTING, PUBLIC),
			new Rule("POST", "/api/v1/listings/{id}/reports", Resource.LISTING, PUBLIC),
			new Rule("GET", "/organisations/{id}/report", Resource.ORGANISATION, PUBLIC),
			new Rule("POST", "/organisations/{id}/reports", Resource.ORGANISATION, PUBLIC),
			new Rule("POST", "/api/v1/organisations/{id}/reports", Resource.ORGANISATION, PUBLIC),
			new Rule("GET", "/activities/{id}/report", Resource.ACTIVITY, PUBLIC),
			new Rule("POST", "/activities/{id}/reports", Resource.ACTIVITY, PUBLIC),
			new Rule("POST", "/api/v1/activities/{id}/reports", Resource.ACTIVITY, PUBLIC),
			new Rule("GET", "/moderation", Resource.NONE, COORDINATORS),
			new Rule("GET", "/api/v1/moderation/queue", Resource.NONE, COORDINATORS),
			new Rule("POST", "/moderation/items/{id}/decision", Resource.LISTING, COORDINATORS),
			new Rule("POST", "/api/v1/moderation/items/{id}/decision", Resource.LISTING, COORDINATORS),
			new Rule("PUT", "/api/v1/moderation/coordinators/{accountId}/areas", Resource.ACCOUNT, ADMIN_ONLY),
			new Rule("GET", "/moderation/reasons", Resource.NONE, COORDINATORS),
			new Rule("GET", "/admin/coordinators", Resource.NONE, ADMIN_ONLY),
			new Rule("POST", "/admin/coordinators/{accountId}/areas", Resource.ACCOUNT, ADMIN_ONLY),
			new Rule("POST", "/moderation/reasons/{id}", Resource.LISTING, COORDINATORS),
			new Rule("GET", "/admin/audit", Resource.NONE, ADMIN_ONLY),
			new Rule("GET", "/admin/audit.csv", Resource.NONE, ADMIN_ONLY),
			// Operators
			new Rule("GET", "/actuator/searchindex", Resource.NONE, ADMIN_ONLY),
			// Council figures and leaving. The deletion form without its confirmation
			// answers 422 and deletes nothing.
			new Rule("GET", "/stats", Resource.NONE, COORDINATORS),
			new Rule("GET", "/stats/print", Resource.NONE, COORDINATORS),
			new Rule("GET", "/stats.csv", Resource.NONE, COORDINATORS),
			new Rule("POST", "/my/account/deletion", Resource.NONE, SIGNED_IN),
			// Notifications: one's own; the unsubscribe link needs no sign-in (a missing
			// token answers 400); the
			// embedded run's mail page answers loopback requests, as the tests' are
			new Rule("GET", "/my/notifications", Resource.NONE, SIGNED_IN),
			new Rule("POST", "/my/notifications/read", Resource.NONE, SIGNED_IN),
			new Rule("GET", "/api/v1/me/notifications", Resource.NONE, SIGNED_IN),
			new Rule("POST", "/api/v1/me/notifications/read", Resource.NONE, SIGNED_IN),
			new Rule("GET", "/notifications/unsubscribe", Resource.NONE, PUBLIC),
			new Rule("POST", "/notifications/unsubscribe", Resource.NONE, PUBLIC),
			new Rule("GET", "/dev/mail", Resource.NONE, PUBLIC),
			new Rule("DELETE", "/api/v1/me", Resource.OWN_ACCOUNT, SIGNED_IN),
			// The pages a public body must publish are for everyone, and so is the
			// accessibility feedback form (the
			// matrix's form has no message: 422); only the coordination office reads what
			// came in
			new Rule("GET", "/impressum", Resource.NONE, PUBLIC), new Rule("GET", "/privacy", Resource.NONE, PUBLIC),
			new Rule("GET", "/accessibility", Resource.NONE, PUBLIC), new Rule("GET", "/easy", Resource.NONE, PUBLIC),
			new Rule("POST", "/accessibility/feedback", Resource.NONE, PUBLIC),
			new Rule("GET", "/moderation/accessibility-feedback", Resource.NONE, COORDINATORS),
			// Texts corrected in the app: admins (and translators, whom admins name); for
			// everyone else no editor
			new Rule("GET", "/admin/texts/{lang}", Resource.NONE, TEXT_EDITORS),
			new Rule("POST", "/admin/texts/{lang}", Resource.NONE, TEXT_EDITORS),
			new Rule("GET", "/admin/texts/{lang}.properties", Resource.NONE, TEXT_EDITORS),
			new Rule("POST", "/admin/texts/{lang}.properties", Resource.NONE, TEXT_EDITORS),
			new Rule("GET", "/admin/texts/{lang}.xlf", Resource.NONE, TEXT_EDITORS),
			new Rule("POST", "/admin/texts/{lang}.xlf", Resource.NONE, TEXT_EDITORS),
			new Rule("POST", "/admin/texts/translators", Resource.NONE, TEXT_EDITORS));

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	private WebTestClient web;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Autowired
	private AccountService accounts;

	@Autowired
	private de.pinnwand.organisations.OrganisationMemberships memberships;

	/** Each actor's page session and CSRF token (cookie and form value). */
	private record PageSession(String session, String xsrfCookie, String csrfToken) {
	}

	private final Map<Actor, PageSession> sessions = new EnumMap<>(Actor.class);

	private final Map<String, Integer> counters = new ConcurrentHashMap<>();

	@BeforeAll
	void signEveryoneIn() {
		this.accounts
			.prepare(TestMembers.subject(Actor.COORDINATOR.username()), "Matrix Koordination", List.of("de"),
					Set.of(Role.COORDINATOR))
			.block();
		this.accounts
			.prepare(TestMembers.subject(Actor.ADMIN.username()), "Matrix Admin", List.of("de"), Set.of(Role.ADMIN))
			.block();
		// A visitor has no session but may post the few forms open to everyone (a
		// report), with a CSRF token
		// from a page they read first.
		String listing = id(Resource.LISTING, Actor.ANONYMOUS, Whose.OTHERS);
		EntityExchangeResult<String> form = this.web.get()
			.uri("/listings/" + listing + "/report")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		Matcher visitorToken = CSRF.matcher(form.getResponseBody());
		assertThat(visitorToken.find()).isTrue();
		this.sessions.put(Actor.ANONYMOUS, new PageSession(null,
				form.getResponseCookies().getFirst("XSRF-TOKEN").getValue(), visitorToken.group(1)));
		for (Actor actor : Actor.values()) {
			if (actor == Actor.ANONYMOUS) {
				continue;
			}
			String session = TestMembers.signIn(this.web, actor.username());
			EntityExchangeResult<String> page = this.web.get()
				.uri("/my/account")
				.cookie("SESSION", session)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult();
			Matcher token = CSRF.matcher(page.getResponseBody());
			assertThat(token.find()).isTrue();
			this.sessions.put(actor, new PageSession(session,
					page.getResponseCookies().getFirst("XSRF-TOKEN").getValue(), token.group(1)));
		}
	}

	@Test
	void everyRouteHasAnEntry() {
		Set<String> routes = new TreeSet<>();
		this.mappings.getHandlerMethods().keySet().forEach((info) -> {
			Set<String> methods = new TreeSet<>();
			info.getMethodsCondition().getMethods().forEach((method) -> methods.add(method.name()));
			if (methods.isEmpty()) {
				methods.add("GET");
			}
			info.getPatternsCondition()
				.getPatterns()
				.forEach((pattern) -> methods
					.forEach((method) -> routes.add(method + " " + pattern.getPatternString())));
		});
		routes.removeIf((route) -> route.contains("/api/docs") || route.contains("/swagger"));
		Set<String> listed = new TreeSet<>();
		RULES.forEach((rule) -> listed.add(rule.key()));
		listed.remove("GET /actuator/searchindex");
		assertThat(routes).as("routes without an entry in the authorization matrix").isSubsetOf(listed);
		assertThat(listed).as("entries for routes that no longer exist").isSubsetOf(routes);
	}

	Stream<Arguments> cells() {
		List<Arguments> cells = new ArrayList<>();
		for (Rule rule : RULES) {
			for (Actor actor : Actor.values()) {
				boolean noneOrOwn = rule.resource() == Resource.NONE || rule.resource() == Resource.OWN_ACCOUNT
						|| rule.resource() == Resource.ACCOUNT;
				for (Whose whose : noneOrOwn ? List.of(Whose.OWN) : List.of(Whose.values())) {
					cells.add(Arguments.of(rule, actor, whose));
				}
			}
		}
		return cells.stream();
	}

	@ParameterizedTest(name = "{0} as {1}, {2}")
	@MethodSource("cells")
	void answersEachPersonAsTheMatrixSays(Rule rule, Actor actor, Whose whose) {
		String path = path(rule, actor, whose);
		Outcome expected = rule.policy().apply(actor, whose);
		EntityExchangeResult<byte[]> result = send(rule.method(), path, actor, rule.resource(), whose);
		assertThat(classify(result))
			.as("%s %s as %s on %s object: %s", rule.method(), path, actor, whose, result.getStatus())
			.isEqualTo(expected);
	}

	private EntityExchangeResult<byte[]> send(String method, String path, Actor actor, Resource resource, Whose whose) {
		boolean api = path.startsWith("/api/") || path.startsWith("/actuator/");
		String query = path.equals("/api/v1/places") ? "?q=Lud"
				: path.equals("/conversations/new") ? "?listing=" + answerable() : "";
		WebTestClient.RequestBodySpec request = this.web.method(HttpMethod.valueOf(method)).uri(path + query);
		PageSession page = this.sessions.get(actor);
		if (api && actor != Actor.ANONYMOUS) {
			request
				.headers(TestMembers.bearer((resource == Resource.OWN_ACCOUNT)
						? actor.username() + "-leaving-"
								+ this.counters.merge(actor.username() + "-leaving", 1, Integer::sum)
						: actor.username()));
		}
		if (!api && page != null) {
			if (page.session() != null) {
				request.cookie("SESSION", page.session());
			}
			request.cookie("XSRF-TOKEN", page.xsrfCookie());
		}
		request.header("Accept", api ? "application/json" : "text/html");
		if (method.equals("GET") || method.equals("DELETE")) {
			return request.exchange().expectBody().returnResult();
		}
		if (api && path.endsWith("/disclosure")) {
			// An irreversible step takes exactly its own fields.
			return request.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("email", true))
				.exchange()
				.expectBody()
				.returnResult();
		}
		if (api) {
			// One body for every other route: each takes its own fields and ignores the
			// others.
			Map<String, Object> body = TestListings.with(TestListings.offer("Matrix Eintrag"), "version", 0);
			body.put("name", "Matrix Organisation " + java.util.UUID.randomUUID());
			body.put("type", "ASSOCIATION");
			body.put("role", "MEMBER");
			body.put("reason", "Matrix");
			body.put("occurrence", firstOccurrence().toString());
			body.put("sharedContact", "NONE");
			body.put("date", firstOccurrence().toString());
			body.put("startTime", "15:00");
			body.put("endTime", "17:00");
			body.put("query", "q=Matrix");
			body.put("listing", answerable());
			body.put("text", "Matrix Nachricht");
			return request.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange()
				.expectBody()
				.returnResult();
		}
		String csrf = (page != null) ? page.csrfToken() : "";
		return request.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("_csrf=" + csrf + "&kind=OFFER&title=Matrix&description=Matrix%20Beschreibung%20lang%20genug"
					+ "&topics=mobility&languages=de&textLanguage=de&place=71634&version=0&displayName=Matrix"
					+ "&name=Matrix%20Organisation%20" + java.util.UUID.randomUUID() + "&type=ASSOCIATION&role=MEMBER"
					+ "&occurrence=" + firstOccurrence() + "&sharedContact=NONE&date=" + firstOccurrence()
					+ "&startTime=15:00&endTime=17:00&query=q%3DMatrix&listing=" + answerable()
					+ "&text=Matrix%20Nachricht")
			.exchange()
			.expectBody()
			.returnResult();
	}

	private static Outcome classify(EntityExchangeResult<byte[]> result) {
		int status = result.getStatus().value();
		if (status == 404) {
			return Outcome.NOT_FOUND;
		}
		URI location = result.getResponseHeaders().getLocation();
		if (status == 401 || status == 403
				|| (location != null && location.toString().contains("/oauth2/authorization/"))) {
			return Outcome.DENIED;
		}
		return Outcome.ALLOWED;
	}

	/** The rule's path with fresh objects for its variables. */
	private String path(Rule rule, Actor actor, Whose whose) {
		String pattern = rule.pattern().replace("{lang}", "ar");
		switch (rule.resource()) {
			case ORGANISATION -> {
				return pattern.replace("{id}", organisation(actor, whose).toString());
			}
			case ORGANISATION_MEMBER -> {
				java.util.UUID organisation = organisation(actor, whose);
				java.util.UUID plain = accountId("matrix-org-plain");
				this.memberships.put(organisation, plain, de.pinnwand.organisations.OrganisationRole.MEMBER).block();
				return pattern.replace("{id}", organisation.toString()).replace("{accountId}", plain.toString());
			}
			case INVITATION -> {
				java.util.UUID organisation = organisation(Actor.MEMBER, Whose.OTHERS);
				String link = (String) this.web.post()
					.uri("/api/v1/organisations/" + organisation + "/invitations")
					.headers(TestMembers.bearer("matrix-org-founder"))
					.bodyValue(Map.of("role", "MEMBER"))
					.exchange()
					.expectStatus()
					.isCreated()
					.expectBody(Map.class)
					.returnResult()
					.getResponseBody()
					.get("link");
				return pattern.replace("{token}", link.substring(link.lastIndexOf('/') + 1));
			}
			case ACTIVITY -> {
				// A sign-up number no one has: removing it is allowed and changes
				// nothing.
				return pattern.replace("{id}", activity(organisation(actor, whose)))
					.replace("{date}", firstOccurrence().toString())
					.replace("{signup}", "0");
			}
			case ACTIVITY_SIGNUP -> {
				String activity = activity(organisation(Actor.MEMBER, Whose.OTHERS));
				String who = (whose == Whose.OWN && actor != Actor.ANONYMOUS) ? actor.username() : "matrix-stranger";
				this.web.post()
					.uri("/api/v1/activities/" + activity + "/signups")
					.headers(TestMembers.bearer(who))
					.bodyValue(Map.of("occurrence", firstOccurrence().toString(), "sharedContact", "NONE"))
					.exchange()
					.expectStatus()
					.isCreated();
				return pattern.replace("{id}", activity).replace("{occurrence}", firstOccurrence().toString());
			}
			case OWN_ACCOUNT -> {
				return pattern;
			}
			case ACCOUNT -> {
				return pattern.replace("{accountId}", accountId("matrix-area-coordinator").toString());
			}
			case CONVERSATION -> {
				String who = (whose == Whose.OWN && actor != Actor.ANONYMOUS) ? actor.username()
						: "matrix-conversation-stranger";
				// A poster of its own for each, as a blocked cell leaves its actor
				// blocked by that poster.
				String poster = "matrix-conversation-poster-"
						+ this.counters.merge("conversation-poster", 1, Integer::sum);
				String listing = (String) this.web.post()
					.uri("/api/v1/listings")
					.headers(TestMembers.bearer(poster))
					.bodyValue(TestListings.offer("Matrix Gespräch"))
					.exchange()
					.expectStatus()
					.isCreated()
					.expectBody(Map.class)
					.returnResult()
					.getResponseBody()
					.get("id");
				String id = (String) this.web.post()
					.uri("/api/v1/conversations")
					.headers(TestMembers.bearer(who))
					.bodyValue(Map.of("listing", listing, "text", "Matrix Antwort"))
					.exchange()
					.expectStatus()
					.isCreated()
					.expectBody(Map.class)
					.returnResult()
					.getResponseBody()
					.get("id");
				return pattern.replace("{id}", id);
			}
			case SAVED_SEARCH -> {
				String who = (whose == Whose.OWN && actor != Actor.ANONYMOUS) ? actor.username() : "matrix-stranger";
				String id = (String) this.web.post()
					.uri("/api/v1/me/searches")
					.headers(TestMembers.bearer(who))
					.bodyValue(Map.of("query", "q=Matrixsuche" + this.counters.merge(who, 1, Integer::sum)))
					.exchange()
					.expectStatus()
					.isCreated()
					.expectBody(Map.class)
					.returnResult()
					.getResponseBody()
					.get("id");
				return pattern.replace("{id}", id);
			}
			default -> {
				return pattern.replace("{id}", id(rule.resource(), actor, whose));
			}
		}
	}

	/**
	 * A fresh organisation founded by someone else; when it is the actor's own, the
	 * organisation member and admin actors belong to it in their role.
	 */
	private java.util.UUID organisation(Actor actor, Whose whose) {
		String id = (String) this.web.post()
			.uri("/api/v1/organisations")
			.headers(TestMembers.bearer("matrix-org-founder"))
			.bodyValue(Map.of("name", "Matrix Organisation " + java.util.UUID.randomUUID(), "type", "ASSOCIATION"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		java.util.UUID organisation = java.util.UUID.fromString(id);
		if (whose == Whose.OWN && (actor == Actor.ORG_MEMBER || actor == Actor.ORG_ADMIN)) {
			this.memberships.put(organisation, accountId(actor.username()),
					(actor == Actor.ORG_ADMIN) ? de.pinnwand.organisations.OrganisationRole.ADMIN
							: de.pinnwand.organisations.OrganisationRole.MEMBER)
				.block();
		}
		return organisation;
	}

	private static java.time.LocalDate firstOccurrence() {
		return java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(7);
	}

	/** A weekly activity of the organisation, put up by its founder. */
	private String activity(java.util.UUID organisation) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("organisation", organisation.toString());
		body.put("title", "Matrix-Café");
		body.put("description", "Ein Treffen für die Berechtigungsprüfung.");
		body.put("languages", List.of("de"));
		body.put("place", "71634");
		body.put("date", firstOccurrence().toString());
		body.put("startTime", "15:00");
		body.put("endTime", "17:00");
		body.put("recurrence", "WEEKLY");
		body.put("repeatUntil", firstOccurrence().plusWeeks(4).toString());
		body.put("capacity", 10);
		return this.web.post()
			.uri("/api/v1/activities")
			.headers(TestMembers.bearer("matrix-org-founder"))
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

	private java.util.UUID accountId(String username) {
		return java.util.UUID.fromString((String) this.web.get()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer(username))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id"));
	}

	/**
	 * A fresh object for every request, so that what one request changes (a withdrawal)
	 * never decides another's answer: the actor's own, or one of a stranger's.
	 */
	private String answerableListing;

	/** A stranger's listing that any actor may answer. */
	private String answerable() {
		if (this.answerableListing == null) {
			this.answerableListing = id(Resource.LISTING, Actor.ANONYMOUS, Whose.OTHERS);
		}
		return this.answerableListing;
	}

	private String id(Resource resource, Actor actor, Whose whose) {
		if (resource == Resource.NONE) {
			return "";
		}
		String owner = (whose == Whose.OWN && actor != Actor.ANONYMOUS) ? actor.username() : "matrix-stranger";
		int n = this.counters.merge(owner, 1, Integer::sum);
		String id = this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer(owner))
			.bodyValue(TestListings.offer("Matrix " + owner + " " + n))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();
		if (resource == Resource.ENDED_LISTING) {
			this.web.post()
				.uri("/api/v1/listings/" + id + "/fulfilment")
				.headers(TestMembers.bearer(owner))
				.exchange()
				.expectStatus()
				.isOk();
		}
		return id;
	}

}
