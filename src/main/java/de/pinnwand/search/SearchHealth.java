package de.pinnwand.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import de.pinnwand.listings.SearchOutbox;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code /actuator/health} component "elasticsearch": the cluster's health (this
 * distribution has no {@code GET /}), whether the index is ready, and how many changes
 * wait in the outbox. Not part of readiness.
 */
@Component("elasticsearch")
class SearchHealth extends AbstractReactiveHealthIndicator {

	/**
	 * Elasticsearch away takes search out, not the portal: writes go on into the outbox,
	 * so the status is 'DEGRADED' (answered with 200, see application.properties), never
	 * DOWN.
	 */
	static final Status DEGRADED = new Status("DEGRADED", "Search is unavailable; writes wait in the outbox");

	private final ElasticsearchAsyncClient client;

	private final ListingIndex index;

	private final SearchOutbox outbox;

	SearchHealth(ElasticsearchAsyncClient client, ListingIndex index, SearchOutbox outbox) {
		super("Elasticsearch health check failed");
		this.client = client;
		this.index = index;
		this.outbox = outbox;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return this.index.call(() -> this.client.cluster().health())
			.zipWith(this.outbox.pending().onErrorReturn(-1L))
			.map((both) -> {
				var health = both.getT1();
				Health.Builder result = switch (health.status()) {
					case Green, Yellow -> builder.up();
					default -> builder.status(DEGRADED);
				};
				return result.withDetail("cluster", health.clusterName())
					.withDetail("status", health.status().jsonValue())
					.withDetail("indexReady", this.index.isReady())
					.withDetail("pendingChanges", both.getT2())
					.build();
			})
			.onErrorResume((ex) -> Mono
				.just(builder.status(DEGRADED).withDetail("error", "Elasticsearch is not reachable").build()));
	}

}
