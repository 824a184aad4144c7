package de.pinnwand.search;

import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The operator's handle on the index: {@code GET /actuator/searchindex} tells its state,
 * {@code POST /actuator/searchindex} rebuilds it from PostgreSQL behind the alias, without search downtime.
 * Answers only requests from this machine until admin sign-in exists.
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

	@WriteOperation
	Mono<ListingIndex.Rebuilt> rebuild() {
		return this.index.rebuild();
	}

}
