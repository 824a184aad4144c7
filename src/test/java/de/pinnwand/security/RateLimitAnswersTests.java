package de.pinnwand.security;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;

import de.pinnwand.PinnwandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person or an API client gets beyond a default limit, through the whole app: 429,
 * {@code Retry-After}, and when to try again in the reader's language. Each test is a
 * client of its own through {@code X-Forwarded-For} (trusted in tests, see
 * {@link PinnwandTest}), so the limits of other tests' clients stay untouched.
 */
@PinnwandTest
class RateLimitAnswersTests {

	@Autowired
	private WebTestClient web;

	@Test
	void signInStartsBeyondTheLimitGetAGermanPage() {
		EntityExchangeResult<byte[]> refused = firstRefusal(10,
				() -> this.web.get()
					.uri("/oauth2/authorization/pinnwand")
					.header("X-Forwarded-For", "198.51.100.21")
					.header("Accept-Language", "de"));
		// Ten sign-in starts a minute, given back one every 6 seconds.
		assertThat(retryAfter(refused)).isBetween(1L, 6L);
		assertThat(refused.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		String page = new String(refused.getResponseBody(), StandardCharsets.UTF_8);
		assertThat(page).contains("<html lang=\"de\" dir=\"ltr\">", "<h1>Zu viele Anfragen</h1>")
			.containsPattern("Bitte versuchen Sie es in \\d Sekunden? noch einmal\\.")
			.contains("Zur Startseite");
	}

	@Test
	void signInStartsBeyondTheLimitGetAnArabicPage() {
		EntityExchangeResult<byte[]> refused = firstRefusal(10,
				() -> this.web.get()
					.uri("/oauth2/authorization/pinnwand")
					.header("X-Forwarded-For", "198.51.100.22")
					.header("Accept-Language", "ar"));
		assertThat(retryAfter(refused)).isBetween(1L, 6L);
		String page = new String(refused.getResponseBody(), StandardCharsets.UTF_8);
		assertThat(page).contains("<html lang=\"ar\" dir=\"rtl\">", "<h1>طلبات كثيرة جدًا</h1>",
				"يُرجى المحاولة مرة أخرى بعد");
		assertThat(page).doesNotContain("errorpage.", "{0");
	}

	@Test
	void apiClientsBeyondTheLimitGetProblemDetails() {
		String reports = "/api/v1/listings/" + UUID.randomUUID() + "/reports";
		EntityExchangeResult<byte[]> refused = firstRefusal(10,
				() -> this.web.post()
					.uri(reports)
					.header("X-Forwarded-For", "198.51.100.23")
					.header("Accept-Language", "en")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue("{\"reason\":\"spam\"}"));
		// Ten reports an hour, given back one every 6 minutes.
		assertThat(retryAfter(refused)).isBetween(300L, 360L);
		assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		this.web.post()
			.uri(reports)
			.header("X-Forwarded-For", "198.51.100.23")
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"reason\":\"spam\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(429)
			.jsonPath("$.title")
			.isEqualTo("Too many requests")
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).endsWith("Please try again in 6 minutes."))
			.jsonPath("$.instance")
			.isEqualTo(reports);
		// Another client is not affected.
		this.web.post()
			.uri(reports)
			.header("X-Forwarded-For", "198.51.100.24")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"reason\":\"spam\"}")
			.exchange()
			.expectStatus()
			.value((status) -> assertThat(status).isNotEqualTo(429));
	}

	@Test
	void countsAnApiClientWithATokenAsItsMemberNotItsAddress() {
		EntityExchangeResult<byte[]> refused = firstRefusal(10,
				() -> this.web.post()
					.uri("/api/v1/listings")
					.headers(de.pinnwand.TestMembers.bearer("rate-limited-poster"))
					.header("X-Forwarded-For", "198.51.100.25")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(de.pinnwand.TestListings.offer("Ratenlimit Eintrag")));
		assertThat(refused.getStatus().value()).isEqualTo(429);
		// Another member behind the same address (an advice centre's network) can still
		// post.
		this.web.post()
			.uri("/api/v1/listings")
			.headers(de.pinnwand.TestMembers.bearer("rate-limited-neighbour"))
			.header("X-Forwarded-For", "198.51.100.25")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(de.pinnwand.TestListings.offer("Ratenlimit Nachbar"))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	/**
	 * Sends the request until it is refused, and checks that the first {@code capacity}
	 * went through. A few more may pass on a slow machine, where the bucket gives one
	 * back meanwhile; never more than three.
	 */
	private EntityExchangeResult<byte[]> firstRefusal(int capacity,
			Supplier<WebTestClient.RequestHeadersSpec<?>> request) {
		for (int sent = 1; sent <= capacity + 3; sent++) {
			EntityExchangeResult<byte[]> result = request.get().exchange().expectBody().returnResult();
			if (result.getStatus().value() == 429) {
				assertThat(sent).as("requests until the first refusal").isGreaterThan(capacity);
				return result;
			}
		}
		throw new AssertionError("No 429 after " + (capacity + 3) + " requests");
	}

	private static long retryAfter(EntityExchangeResult<byte[]> result) {
		return Long.parseLong(result.getResponseHeaders().getFirst("Retry-After"));
	}

}
