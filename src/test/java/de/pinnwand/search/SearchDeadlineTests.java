package de.pinnwand.search;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call to Elasticsearch ends at its deadline even when the server never answers (a
 * frozen node keeps the connection open, so no socket timeout fires): the search answers
 * 503 instead of hanging.
 */
class SearchDeadlineTests {

	@Test
	void aCallThatNeverAnswersFailsAtTheDeadline() {
		SearchProperties properties = new SearchProperties(List.of("http://127.0.0.1:9"), null, null,
				"pinnwand-listings", 500, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMillis(300), 2000,
				3, 1, 0);
		ListingIndex index = new ListingIndex(null, null, Clock.systemUTC(), properties, null);
		CompletableFuture<String> never = new CompletableFuture<>();
		long started = System.nanoTime();
		StepVerifier.create(index.call(() -> never))
			.expectError(SearchUnavailable.class)
			.verify(Duration.ofSeconds(10));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		// Cancelled, so the HTTP request behind it is given up too.
		assertThat(never.isCancelled()).isTrue();
	}

}
