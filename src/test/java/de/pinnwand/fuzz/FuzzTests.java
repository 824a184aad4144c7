package de.pinnwand.fuzz;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import de.pinnwand.TestMembers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests over every route: the API's operations as its OpenAPI document
 * ({@code /api/docs}) lists them with their body fields, and every page and form route of
 * the app. Each is sent as a visitor and as two members (pages with their session and
 * CSRF token, so that forms reach their handlers), and each answer is checked: no 5xx, no
 * stack trace or exception name, no markup of ours reflected unescaped into a page; at
 * the end a third member's data export must be as it was. Seeded ({@code -Dfuzz.seed},
 * {@code -Dfuzz.requests}), so a finding is repeated with {@code -Dfuzz.only=<index>}.
 */
@PinnwandTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzTests {

	private static final long SEED = Long.getLong("fuzz.seed", 19L);

	private static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);

	private static final Integer ONLY = Integer.getInteger("fuzz.only");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern LEAK = Pattern
		.compile("Exception|\\bat (de\\.pinnwand|org\\.springframework|java\\.|reactor\\.)|Caused by|java\\.lang\\.");

	/** Form fields the pages take, and a few no page takes. */
	private static final List<String> FORM_FIELDS = List.of("kind", "title", "description", "topics", "languages",
			"textLanguage", "place", "version", "displayName", "name", "type", "role", "occurrence", "sharedContact",
			"date", "startTime", "endTime", "query", "listing", "text", "reason", "homePostcode", "contactEmail",
			"areas", "openingHours", "website", "email", "phone", "decision", "token", "organisation", "extra");

	@Autowired
	private WebTestClient web;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@LocalServerPort
	private int port;

	/**
	 * Who sends: no one, or a member with a bearer token for the API and a page session
	 * with its CSRF token.
	 */
	record Sender(String name, String username, String session, String xsrf, String csrf) {
	}

	private final List<FuzzRoutes.Route> routes = new ArrayList<>();

	private final List<Sender> senders = new ArrayList<>();

	private final List<String> ids = new ArrayList<>();

	private String victimListing;

	private Map<String, Object> victimExport;

	/**
	 * The test client, taking answers of any size (a page may repeat a long search text).
	 */
	private WebTestClient client;

	@BeforeAll
	void prepare() {
		// Six senders on a shared two-core machine: an answer may wait its turn, a hang
		// still shows after 60 s.
		this.client = this.web.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.responseTimeout(java.time.Duration.ofSeconds(60))
			.build();
		this.senders.add(new Sender("visitor", null, null, null, null));
		for (String name : List.of("fuzz-member-a", "fuzz-member-b")) {
			String session = TestMembers.signIn(this.web, name);
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
			this.senders.add(new Sender(name, name, session,
					page.getResponseCookies().getFirst("XSRF-TOKEN").getValue(), token.group(1)));
			this.ids.add(post(name));
		}
		this.victimListing = post("fuzz-victim");
		this.victimExport = export();
		this.routes.addAll(FuzzRoutes.fromOpenApi(this.web.get()
			.uri("/api/docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()));
		assertThat(this.routes).as("operations in /api/docs").hasSizeGreaterThan(30);
		this.routes.addAll(FuzzRoutes.pages(this.mappings, FORM_FIELDS));
	}

	@Test
	void hostileRequestsBreakNothing() throws Exception {
		AtomicIntegerArray byClass = new AtomicIntegerArray(6);
		List<String> findings = Collections.synchronizedList(new ArrayList<>());
		ExecutorService senders = Executors.newFixedThreadPool(6);
		IntStream indexes = (ONLY != null) ? IntStream.of(ONLY) : IntStream.range(0, REQUESTS);
		indexes.forEach((index) -> senders.submit(() -> {
			try {
				String finding = send(index, byClass);
				if (finding != null) {
					findings.add(finding);
				}
			}
			catch (Throwable ex) {
				findings.add("seed=" + SEED + " index=" + index + ": " + ex);
			}
		}));
		senders.shutdown();
		assertThat(senders.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
		int total = IntStream.range(0, 6).map(byClass::get).sum();
		System.out.println("fuzz: requests=" + total + " 2xx=" + byClass.get(2) + " 3xx=" + byClass.get(3) + " 4xx="
				+ byClass.get(4) + " 5xx=" + byClass.get(5) + " closed=" + byClass.get(0) + " routes="
				+ this.routes.size() + " seed=" + SEED + " findings=" + findings.size());
		findings.stream().limit(40).forEach((finding) -> System.out.println("fuzz finding: " + finding));
		assertThat(findings).as("findings (repeat one with -Dfuzz.seed=%d -Dfuzz.only=<index>)", SEED).isEmpty();
		assertThat(export()).as("the third member's data after the run").isEqualTo(this.victimExport);
	}

	/**
	 * Sends request number {@code index}; returns what is wrong with its answer, or null.
	 */
	private String send(int index, AtomicIntegerArray byClass) {
		HostileValues hostile = new HostileValues(new Random(SEED * 1_000_003L + index));
		FuzzRoutes.Route route = hostile.pick(this.routes);
		Sender sender = hostile.pick(this.senders);
		String path = path(route.pattern(), hostile);
		String query = hostile.chance(40) ? "?" + query(hostile) : "";
		WebTestClient.RequestBodySpec request = this.client.method(HttpMethod.valueOf(route.method()))
			.uri(URI.create("http://localhost:" + this.port + path + query));
		if (sender.username() != null) {
			if (route.api()) {
				request.headers(TestMembers.bearer(sender.username()));
			}
			else {
				request.cookie("SESSION", sender.session()).cookie("XSRF-TOKEN", sender.xsrf());
			}
		}
		if (hostile.chance(10)) {
			request.header("Accept-Language",
					hostile.pick(List.of("*;q=x", "ar;q=2", "xx-YY", ",,,", "de;q=0.5, \u00e4")));
		}
		if (hostile.chance(5)) {
			request.header("Idempotency-Key", hostile.pick(List.of("x", "00000000-0000-0000-0000-000000000000", "")));
		}
		request.header("Accept", route.api() ? "application/json" : "text/html");
		EntityExchangeResult<byte[]> result;
		try {
			if (route.method().equals("GET") || route.method().equals("DELETE")) {
				result = request.exchange().expectBody().returnResult();
			}
			else {
				result = withBody(request, route, sender, hostile).exchange().expectBody().returnResult();
			}
		}
		catch (WebClientRequestException ex) {
			if (ex.getMessage() != null && ex.getMessage().contains("closed BEFORE response")) {
				// The server stopped reading an oversize body and closed the connection:
				// refused, nothing broke.
				byClass.incrementAndGet(0);
				return null;
			}
			return "seed=" + SEED + " index=" + index + " " + route.method() + " " + path + query + " as "
					+ sender.name() + ": " + ex;
		}
		catch (IllegalStateException ex) {
			// No answer within the client's timeout.
			return "seed=" + SEED + " index=" + index + " " + route.method() + " " + path + query + " as "
					+ sender.name() + ": " + ex.getMessage();
		}
		int status = result.getStatus().value();
		byClass.incrementAndGet(Math.min(5, status / 100));
		String body = (result.getResponseBody() != null) ? new String(result.getResponseBody(), StandardCharsets.UTF_8)
				: "";
		String where = "seed=" + SEED + " index=" + index + " " + route.method() + " " + path + query + " as "
				+ sender.name() + " -> " + status;
		if (status >= 500) {
			return where + ": " + body.substring(0, Math.min(300, body.length()));
		}
		if (LEAK.matcher(body).find()) {
			return where + ": the answer names an exception or shows a stack trace";
		}
		MediaType type = result.getResponseHeaders().getContentType();
		if (type != null && type.isCompatibleWith(MediaType.TEXT_HTML) && (body.contains("<script>pnwfuzz")
				|| body.contains("<img src=x onerror=pnwfuzz") || body.contains("<a href=\"javascript:pnwfuzz"))) {
			return where + ": markup from the request came back unescaped";
		}
		return null;
	}

	private WebTestClient.RequestHeadersSpec<?> withBody(WebTestClient.RequestBodySpec request, FuzzRoutes.Route route,
			Sender sender, HostileValues hostile) {
		int shape = hostile.below(10);
		if (shape == 0) {
			return request
				.header("Content-Type", hostile.pick(List.of("text/plain", "application/xml", "multipart/form-data",
						"application/json; charset=latin1", "application/x-www-form-urlencoded", "image/png", "*/*")))
				.bodyValue(hostile.brokenBody());
		}
		if (route.api() && shape < 8) {
			StringBuilder json = new StringBuilder("{");
			List<String> fields = new ArrayList<>(route.fields());
			fields.add("extra");
			for (String field : fields) {
				if (hostile.chance(25)) {
					continue;
				}
				json.append((json.length() > 1) ? "," : "")
					.append(HostileValues.json(field))
					.append(':')
					.append(hostile.chance(30) ? plausible(field, hostile) : hostile.jsonValue());
			}
			return request.contentType(MediaType.APPLICATION_JSON).bodyValue(json.append('}').toString());
		}
		StringBuilder form = new StringBuilder();
		if (sender.csrf() != null && !hostile.chance(5)) {
			form.append("_csrf=").append(sender.csrf());
		}
		for (String field : FORM_FIELDS) {
			if (hostile.chance(60)) {
				continue;
			}
			form.append((form.length() > 0) ? "&" : "")
				.append(field)
				.append('=')
				.append(hostile
					.brokenlyEncoded(hostile.chance(30) ? unquoted(plausible(field, hostile)) : hostile.text()));
		}
		if (shape == 9) {
			form.append("&%%%%&&&===");
		}
		return request.contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue(form.toString());
	}

	/**
	 * A value that passes the field's own checks now and then, so that requests get past
	 * the first refusal.
	 */
	private String plausible(String field, HostileValues hostile) {
		return switch (field) {
			case "kind" -> "\"OFFER\"";
			case "topics" -> "[\"mobility\"]";
			case "languages" -> "[\"de\"]";
			case "textLanguage" -> "\"de\"";
			case "place", "postcode", "homePostcode" -> "\"71634\"";
			case "listing" -> HostileValues.json(hostile.pick(this.ids));
			case "email", "phone" -> hostile.chance(50) ? "true" : "1";
			case "version", "reachKm", "capacity" -> "0";
			default -> HostileValues.json(hostile.text());
		};
	}

	private static String unquoted(String json) {
		return (json.startsWith("\"") && json.endsWith("\"")) ? json.substring(1, json.length() - 1) : json;
	}

	/**
	 * The pattern with its variables filled: one's own object, the third member's, none,
	 * or a hostile text.
	 */
	private String path(String pattern, HostileValues hostile) {
		StringBuilder path = new StringBuilder();
		Matcher variable = Pattern.compile("\\{[^}]+\\}").matcher(pattern);
		int end = 0;
		// The third member's listing only where nothing but refusal can happen, so their
		// data must stay as it was.
		boolean victimAllowed = !pattern.contains("reports") && !pattern.contains("conversations");
		while (variable.find()) {
			path.append(pattern, end, variable.start());
			int choice = hostile.below(10);
			path.append((choice < 4) ? hostile.pick(this.ids) : (choice < 6 && victimAllowed) ? this.victimListing
					: (choice < 8) ? java.util.UUID.randomUUID().toString() : hostile.encoded(hostile.text()));
			end = variable.end();
		}
		return path.append(pattern.substring(end)).toString();
	}

	private static String query(HostileValues hostile) {
		StringBuilder query = new StringBuilder();
		for (String name : List.of("q", "query", "kind", "topic", "district", "lang", "ui", "page", "size", "sort",
				"after", "from", "to", "near", "radius", "listing", "token", "organisation", "type")) {
			if (hostile.chance(20)) {
				query.append((query.length() > 0) ? "&" : "")
					.append(name)
					.append('=')
					.append(hostile.encoded(hostile.text()));
			}
		}
		return query.toString();
	}

	private String post(String username) {
		return (String) this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer(username))
			.bodyValue(TestListings.offer("Fuzz Eintrag von " + username))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> export() {
		Map<String, Object> export = this.web.get()
			.uri("/api/v1/me/export")
			.headers(TestMembers.bearer("fuzz-victim"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		export.remove("lastSignedInAt");
		return export;
	}

}
