package de.pinnwand.search;

import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The operator's handle on the index: {@code GET /actuator/searchindex} tells its state,
 * {@code POST /actuator/searchindex} rebuilds it from PostgreSQL behind the alias,
 * without search downtime. Answers only requests from this machine until admin sign-in
 * exists.
 */
@Component
@Endpoint(id = "searchindex")
class SearchIndexEndpoint {

	private final ListingIndex index;

	SearchIndexEndpoint(ListingIndex index) {
		this.index = index;
	}

	@ReadOperation
	Map<String, Object> state() {
		return Map.of("alias", this.index.alias(), "ready", this.index.isReady());
	}

	/**
	 * Rebuilds; while a rebuild runs on any instance, 409 with that one's index, start
	 * and progress.
	 */
	@WriteOperation
	Mono<WebEndpointResponse<Object>> rebuild() {
		return this.index.rebuild()
			.map((rebuilt) -> new WebEndpointResponse<Object>(rebuilt, WebEndpointResponse.STATUS_OK))
			.onErrorResume(RebuildRunning.class,
					(running) -> Mono.just(new WebEndpointResponse<Object>(Map.of("running", running.running()), 409)));
	}

}
