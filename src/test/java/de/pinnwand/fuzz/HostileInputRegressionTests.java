package de.pinnwand.fuzz;

import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import de.pinnwand.TestMembers;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests of issue 19 that once answered 500 or did harm, each kept as a named case:
 * they must now get a clear 4xx (or a clean 200) and nothing of them may reach
 * PostgreSQL, Elasticsearch or an XML writer.
 */
@PinnwandTest
class HostileInputRegressionTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	private WebTestClient web;

	@LocalServerPort
	private int port;

	/**
	 * The address exactly as written: a URI template would encode the % of a broken or
	 * hostile escape again.
	 */
	private URI raw(String pathAndQuery) {
		return URI.create("http://localhost:" + this.port + pathAndQuery);
	}

	@Test
	void aTitleWithANonCharacterIsAFieldErrorAndTheFeedStaysWellFormed() throws Exception {
		for (String bad : List.of("\uFFFF", "\uFFFE", "\u0000", "\u202E", "\uD800")) {
			this.web.post()
				.uri("/api/v1/listings")
				.headers(TestMembers.bearer("fuzz-regression-poster"))
				.bodyValue(TestListings.offer("Fahrrad " + bad + " zu verschenken"))
				.exchange()
				.expectStatus()
				.isEqualTo(422)
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("title")
				.jsonPath("$.errors[0].code")
				.isEqualTo("text.forbidden");
		}
		for (String query : List.of("x=%EF%BF%BF", "q=%00", "q=%01", "q=%08", "q=Fahrrad%EF%BF%BE")) {
			String feed = this.web.get()
				.uri(raw("/search.atom?" + query))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(feed)));
		}
	}

	@Test
	void aNulInAJsonTextFieldIsAFieldErrorNotA500() {
		this.web.put()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer("fuzz-regression-me"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"displayName\":\"Amal\\u0000\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("displayName");
		this.web.post()
			.uri("/api/v1/organisations")
			.headers(TestMembers.bearer("fuzz-regression-org"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"Verein\\u0000\",\"type\":\"ASSOCIATION\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("name");
		this.web.post()
			.uri("/api/v1/me/searches")
			.headers(TestMembers.bearer("fuzz-regression-me"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"q=x\\u0000\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(422);
		this.web.post()
			.uri("/api/v1/listings/" + UUID.randomUUID() + "/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"reason\":\"spam\",\"text\":\"t\\u0000\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(422);
	}

	@Test
	void aNonCharacterInADisplayNameOrAContactEmailIsAFieldError() {
		this.web.put()
			.uri("/api/v1/me")
			.headers(TestMembers.bearer("fuzz-regression-me"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"displayName\":\"Amal\\uFFFF\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("displayName");
		this.web.post()
			.uri("/api/v1/organisations")
			.headers(TestMembers.bearer("fuzz-regression-org"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"Verein\",\"type\":\"ASSOCIATION\",\"postcode\":\"71634\","
					+ "\"contactEmail\":\"kontakt\\uFFFE@example.org\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("contactEmail");
	}

	@Test
	void aNulInAQueryParameterIsRemoved() {
		this.web.get().uri(raw("/api/v1/activities?q=x%00")).exchange().expectStatus().isOk();
		this.web.get().uri(raw("/activities.ics?q=%00")).exchange().expectStatus().isOk();
		assertThat(this.web.get()
			.uri(raw("/stats?district=x%00"))
			.exchange()
			.expectBody()
			.returnResult()
			.getStatus()
			.is5xxServerError()).isFalse();
		assertThat(this.web.get()
			.uri(raw("/moderation?topic=%00"))
			.exchange()
			.expectBody()
			.returnResult()
			.getStatus()
			.is5xxServerError()).isFalse();
		this.web.get().uri(raw("/api/v1/listings?q=Fahrrad%00%EF%BF%BF")).exchange().expectStatus().isOk();
	}

	@Test
	void aFormWithANulOrBrokenPercentEncodingIsRefusedWithA4xxPage() {
		String session = TestMembers.signIn(this.web, "fuzz-regression-form");
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
		String xsrf = page.getResponseCookies().getFirst("XSRF-TOKEN").getValue();
		this.web.post()
			.uri("/listings")
			.cookie("SESSION", session)
			.cookie("XSRF-TOKEN", xsrf)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("%%%%&&&===&_csrf=" + token.group(1))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType("text/html;charset=UTF-8");
		String body = this.web.post()
			.uri("/my/account")
			.cookie("SESSION", session)
			.cookie("XSRF-TOKEN", xsrf)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("_csrf=" + token.group(1) + "&displayName=Amal%00&languages=de")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("displayName").doesNotContain("Exception");
		// Multipart without its boundary, where a logo is uploaded.
		this.web.post()
			.uri("/organisations/" + UUID.randomUUID() + "/logo")
			.cookie("SESSION", session)
			.cookie("XSRF-TOKEN", xsrf)
			.header("X-XSRF-TOKEN", xsrf)
			.header(HttpHeaders.CONTENT_TYPE, "multipart/form-data")
			.bodyValue("--x\r\nContent-Disposition: form-data; name=\"logo\"\r\n\r\nabc\r\n--x--\r\n")
			.exchange()
			.expectStatus()
			.value((status) -> assertThat(status).isBetween(400, 499));
	}

	@Test
	void unreadableJsonNamesTheFieldAndTheTypeItExpected() {
		this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer("fuzz-regression-poster"))
			.bodyValue(TestListings.with(TestListings.offer("Kinderwagen"), "reachKm", "weit"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("reachKm")
			.jsonPath("$.errors[0].code")
			.isEqualTo("json.expected.number");
		this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer("fuzz-regression-poster"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"title\": ")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("json.syntax");
		this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer("fuzz-regression-poster"))
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("title")
			.exchange()
			.expectStatus()
			.isEqualTo(415);
		this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer("fuzz-regression-poster"))
			.bodyValue(TestListings.with(TestListings.offer("Riesig"), "description", "x".repeat(2_000_000)))
			.exchange()
			.expectStatus()
			.isEqualTo(413);
	}

	@Test
	@SuppressWarnings("unchecked")
	void whatGetAnswersCanBeSentBackWithPut() {
		Map<String, Object> created = this.web.post()
			.uri("/api/v1/listings")
			.headers(TestMembers.bearer("fuzz-regression-poster"))
			.bodyValue(TestListings.with(TestListings.offer("Sofa abzugeben"), "place", Map.of("postcode", "71634")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<String, Object> read = this.web.get()
			.uri("/api/v1/listings/" + created.get("id"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(read.get("place")).isInstanceOf(Map.class);
		EntityExchangeResult<String> put = this.web.put()
			.uri("/api/v1/listings/" + created.get("id"))
			.headers(TestMembers.bearer("fuzz-regression-poster"))
			.bodyValue(read)
			.exchange()
			.expectBody(String.class)
			.returnResult();
		assertThat(put.getStatus().value()).as(put.getResponseBody()).isEqualTo(200);
		assertThat(put.getResponseBody()).contains("\"postcode\":\"71634\"");
	}

	@Test
	void aDisclosureTakesOnlyJsonBooleans() {
		String id = UUID.randomUUID().toString();
		for (String body : List.of("{\"phone\":1}", "{\"phone\":\"true\"}", "{\"email\":1.0}",
				"{\"phone\":true,\"all\":true}")) {
			this.web.post()
				.uri("/api/v1/conversations/" + id + "/disclosure")
				.headers(TestMembers.bearer("fuzz-regression-discloser"))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isBadRequest();
		}
		// The right shape reaches the conversation, which does not exist.
		this.web.post()
			.uri("/api/v1/conversations/" + id + "/disclosure")
			.headers(TestMembers.bearer("fuzz-regression-discloser"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"phone\":true}")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void theInterfaceLanguageCookieIsSetOnce() {
		List<String> cookies = this.web.get()
			.uri("/?ui=ar")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.get(HttpHeaders.SET_COOKIE);
		assertThat(cookies.stream().filter((cookie) -> cookie.startsWith("lang=")).count()).isEqualTo(1);
	}

	@Test
	void errorPagesDeclareTheirCharset() {
		this.web.get()
			.uri("/no-such-page")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType("text/html;charset=UTF-8");
	}

	@Test
	void theMailPageIsNotForRequestsThroughAProxy() {
		this.web.get().uri("/dev/mail").exchange().expectStatus().isOk();
		// Forwarding headers from a trusted proxy make the visitor's address the remote
		// one (TrustedProxies); others
		// that name a visitor behind a proxy are refused by the page itself.
		for (String header : List.of("X-Forwarded-For", "Via", "Client-IP")) {
			this.web.get().uri("/dev/mail").header(header, "203.0.113.7").exchange().expectStatus().isNotFound();
		}
	}

	@Test
	void theMailServerDoesNotLogAddressesAtInfo() {
		assertThat(LoggerFactory.getLogger("com.icegreen.greenmail.smtp.SmtpManager").isInfoEnabled()).isFalse();
	}

}
