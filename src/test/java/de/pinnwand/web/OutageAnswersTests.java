package de.pinnwand.web;

import java.util.List;

import de.pinnwand.search.SearchUnavailable;
import de.pinnwand.system.SessionStoreFull;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A passing outage (a full session store, PostgreSQL or Elasticsearch away) answers 503
 * with Retry-After, a problem body without the exception, never a 500.
 */
class OutageAnswersTests {

	private final ErrorPages errors;

	OutageAnswersTests() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.setUseCodeAsDefaultMessage(true);
		this.errors = new ErrorPages(List.of(), messages);
	}

	@Test
	void aFullSessionStoreAnswers503WithRetryAfter() {
		assertAnswers503(new SessionStoreFull(new IllegalStateException("Max sessions limit reached: 50000")));
	}

	@Test
	void postgresqlAwayAnswers503WithRetryAfter() {
		assertAnswers503(new R2dbcNonTransientResourceException("Connection refused: /127.0.0.1:5432"));
		assertAnswers503(new DataAccessResourceFailureException("Failed to obtain R2DBC Connection",
				new R2dbcNonTransientResourceException("Connection closed")));
		assertAnswers503(new IllegalStateException("wrapped", new java.net.ConnectException("Connection refused")));
	}

	@Test
	void searchAwayAnswers503WithRetryAfter() {
		assertAnswers503(new SearchUnavailable("Elasticsearch did not answer", null));
	}

	private void assertAnswers503(Throwable failure) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/listings"));
		this.errors.handle(exchange, failure).block();
		assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(503);
		assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"status\":503")
			.doesNotContain("Exception")
			.doesNotContain("Connection");
	}

}
