package de.pinnwand.search;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingChanged;
import de.pinnwand.listings.Listings;
import de.pinnwand.listings.SearchOutbox;
import de.pinnwand.system.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Drains the search outbox into Elasticsearch in bulk. A write nudges it at once;
 * otherwise it looks every {@code relay-interval}. Entries that fail are retried with a
 * growing delay while Elasticsearch is away, and removed only once the index has them.
 */
@Component
class IndexRelay extends BackgroundLoop {

	private static final Logger logger = LoggerFactory.getLogger(IndexRelay.class);

	private final SearchOutbox outbox;

	private final Listings listings;

	private final ListingIndex index;

	private final TransactionalOperator transaction;

	private final SearchProperties properties;

	private final Sinks.Many<Boolean> nudges = Sinks.many().multicast().directBestEffort();

	private volatile boolean unavailableLogged;

	IndexRelay(SearchOutbox outbox, Listings listings, ListingIndex index, TransactionalOperator transaction,
			SearchProperties properties) {
		this.outbox = outbox;
		this.listings = listings;
		this.index = index;
		this.transaction = transaction;
		this.properties = properties;
	}

	@EventListener
	void on(ListingChanged changed) {
		this.nudges.tryEmitNext(Boolean.TRUE);
	}

	@Override
	protected Flux<?> loop() {
		return Flux
			.merge(Flux.interval(Duration.ZERO, this.properties.relayInterval()).map((tick) -> true),
					this.nudges.asFlux())
			// A nudge during a running drain is kept (only the latest), so a write made
			// meanwhile is sent right
			// after it instead of waiting for the next tick.
			.onBackpressureLatest()
			.concatMap((tick) -> drain(), 1);
	}

	/** Drains batch after batch until the outbox has nothing due; never fails. */
	Mono<Void> drain() {
		return this.index.ensureReady()
			.then(drainBatch().repeat().takeUntil((more) -> !more).then())
			.onErrorResume((ex) -> {
				unavailable(ex);
				return Mono.empty();
			});
	}

	/** Emits whether a full batch was drained, i.e. whether more may be waiting. */
	private Mono<Boolean> drainBatch() {
		int limit = this.properties.relayBatchSize();
		return this.outbox.lockDue(limit)
			.collectList()
			.flatMap((entries) -> entries.isEmpty() ? Mono.just(false)
					: send(entries).map((sent) -> sent && entries.size() == limit))
			.as(this.transaction::transactional);
	}

	/**
	 * Emits whether Elasticsearch took the batch. A failure is recorded on the entries
	 * instead of being thrown, so that the transaction commits the new due times.
	 */
	private Mono<Boolean> send(List<SearchOutbox.Entry> entries) {
		List<UUID> ids = entries.stream().map(SearchOutbox.Entry::listingId).distinct().toList();
		return this.listings.findAllById(ids)
			.collectMap(Listing::id, Function.identity())
			.flatMap((found) -> this.index.apply(List.copyOf(found.values()), missing(ids, found)))
			.flatMap((outcome) -> {
				List<Long> done = entries.stream()
					.filter((e) -> outcome.indexed().contains(e.listingId()))
					.map(SearchOutbox.Entry::id)
					.toList();
				List<Long> failed = entries.stream()
					.filter((e) -> !outcome.indexed().contains(e.listingId()))
					.map(SearchOutbox.Entry::id)
					.toList();
				if (!failed.isEmpty()) {
					logger.warn("Elasticsearch rejected " + failed.size() + " listing(s): " + outcome.firstError());
				}
				if (this.unavailableLogged) {
					logger.info("Elasticsearch is reachable again; indexing resumed");
					this.unavailableLogged = false;
				}
				return this.outbox.done(done)
					.then(this.outbox.retryLater(failed, backoff(entries), outcome.firstError()))
					.thenReturn(failed.isEmpty());
			})
			.onErrorResume(SearchUnavailable.class, (ex) -> {
				unavailable(ex);
				return this.outbox
					.retryLater(entries.stream().map(SearchOutbox.Entry::id).toList(), backoff(entries),
							ex.getMessage())
					.thenReturn(false);
			});
	}

	private void unavailable(Throwable ex) {
		if (!this.unavailableLogged) {
			logger.warn("Indexing paused, will retry: " + ex.getMessage());
			this.unavailableLogged = true;
		}
	}

	private static List<UUID> missing(List<UUID> ids, Map<UUID, Listing> found) {
		return ids.stream().filter((id) -> !found.containsKey(id)).collect(Collectors.toList());
	}

	private Duration backoff(List<SearchOutbox.Entry> entries) {
		int attempts = entries.stream().mapToInt(SearchOutbox.Entry::attempts).max().orElse(0);
		long millis = 250L << Math.min(attempts, 10);
		return Duration.ofMillis(Math.min(millis, this.properties.relayMaxBackoff().toMillis()));
	}

}
