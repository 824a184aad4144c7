package de.pinnwand.search;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import de.pinnwand.listings.Listing;
import de.pinnwand.listings.Listings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The listings index behind its alias. The physical index is named after the hash of its
 * definition in {@code search-mappings/listings.json}: when the definition changes, or
 * the index is missing, a new index is filled from PostgreSQL and the alias swapped in
 * one step, so searches never see a half-filled index.
 */
@Component
public class ListingIndex {

	private static final Logger logger = LoggerFactory.getLogger(ListingIndex.class);

	/** Below every listing id in PostgreSQL's order of uuids (byte by byte). */
	private static final UUID FIRST_ID = new UUID(0, 0);

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")
		.withZone(ZoneOffset.UTC);

	private final ElasticsearchAsyncClient client;

	private final Listings listings;

	private final Clock clock;

	private final String alias;

	private final IndexDefinition definition;

	private final AtomicBoolean ready = new AtomicBoolean();

	/**
	 * The rebuild that runs on any instance: during it every relay also writes to its new
	 * index.
	 */
	private final SearchRebuilds rebuilds;

	private final SearchProperties properties;

	ListingIndex(ElasticsearchAsyncClient client, Listings listings, Clock clock, SearchProperties properties,
			SearchRebuilds rebuilds) {
		this.client = client;
		this.rebuilds = rebuilds;
		this.listings = listings;
		this.clock = clock;
		this.alias = properties.indexAlias();
		this.properties = properties;
		this.definition = IndexDefinition.load(properties);
	}

	/** The alias that searches use. */
	public String alias() {
		return this.alias;
	}

	/** Whether the alias points to an index of the current definition. */
	public boolean isReady() {
		return this.ready.get();
	}

	/**
	 * Makes sure the alias points to an index of the current definition, rebuilding when
	 * it does not.
	 */
	public Mono<Void> ensureReady() {
		if (this.ready.get()) {
			return Mono.empty();
		}
		return currentIndices().flatMap((indices) -> {
			String prefix = this.alias + "-" + this.definition.hash() + "-";
			if (indices.size() == 1 && indices.iterator().next().startsWith(prefix)) {
				// The deployment's replicas may have changed since the index was made;
				// they apply to the live index.
				return replicas(indices.iterator().next()).doOnSuccess((done) -> this.ready.set(true));
			}
			logger.info("Search index " + (indices.isEmpty() ? "is missing" : "has an older definition " + indices)
					+ "; rebuilding from PostgreSQL");
			// Another instance rebuilding: ready once its alias swap is seen.
			return rebuild().then().onErrorResume(RebuildRunning.class, (running) -> Mono.empty());
		});
	}

	/** What a rebuild did. */
	public record Rebuilt(String index, long documents, Duration took) {
	}

	/**
	 * Fills a new index from PostgreSQL and swaps the alias to it; searches go on
	 * meanwhile. Only one rebuild runs across all instances: while one does, this answers
	 * {@link RebuildRunning} with its state.
	 */
	public Mono<Rebuilt> rebuild() {
		String index = this.alias + "-" + this.definition.hash() + "-" + STAMP.format(this.clock.instant());
		return this.rebuilds.claim(index)
			.switchIfEmpty(Mono.defer(() -> this.rebuilds.running()
				.map(RebuildRunning::new)
				// Ended between the claim and the look: the asker may simply try again.
				.defaultIfEmpty(new RebuildRunning(new SearchRebuilds.Running(index, this.clock.instant(), 0)))
				.flatMap(Mono::error)))
			// Released when done or failed; a rebuild cut off in between ends when its
			// heartbeat goes stale.
			.flatMap((claimed) -> fill(index).flatMap((rebuilt) -> this.rebuilds.release(index).thenReturn(rebuilt))
				.onErrorResume((ex) -> !(ex instanceof RebuildRunning),
						(ex) -> this.rebuilds.release(index)
							.onErrorResume((ignored) -> Mono.empty())
							.then(Mono.error(ex))));
	}

	private Mono<Rebuilt> fill(String index) {
		long started = System.nanoTime();
		AtomicLong count = new AtomicLong();
		return call(() -> this.client.indices()
			.create((create) -> create.index(index).withJson(new ByteArrayInputStream(this.definition.json()))))
			// No refreshes while the index fills (nobody searches it yet); each one
			// writes a segment to merge.
			.then(refreshInterval(index, "-1"))
			.thenMany(allInIdOrder(this.properties.rebuildBatchSize())
				.filter((listing) -> listing.isPublic(this.clock.instant()))
				.buffer(this.properties.rebuildBatchSize())
				// A few bulks in flight keep Elasticsearch busy while the next batch is
				// read from PostgreSQL.
				.flatMap(
						(batch) -> bulk(List.of(index), batch, List.of())
							.flatMap((outcome) -> this.rebuilds.beat(index, count.addAndGet(batch.size()))),
						this.properties.rebuildConcurrency()))
			.then(refreshInterval(index, this.definition.refreshInterval()))
			.then(call(() -> this.client.indices().refresh((refresh) -> refresh.index(index))))
			.then(currentIndices())
			.flatMap((old) -> swapAlias(old, index).thenReturn(old))
			.flatMap((old) -> Flux.fromIterable(old)
				.concatMap((stale) -> call(() -> this.client.indices().delete((delete) -> delete.index(stale))))
				.then())
			.then(Mono.fromSupplier(() -> {
				this.ready.set(true);
				Duration took = Duration.ofNanos(System.nanoTime() - started);
				logger.info("Search index " + index + " built with " + count.get() + " listings in " + took.toMillis()
						+ " ms");
				return new Rebuilt(index, count.get(), took);
			}));
	}

	/**
	 * Every listing in id order, read in pages of {@code size} (keyset paging, each page
	 * one short statement), the next page asked for when the last one has been read.
	 */
	Flux<Listing> allInIdOrder(int size) {
		return this.listings.findPageAfter(FIRST_ID, size)
			.collectList()
			.expand((page) -> (page.size() < size) ? Mono.empty()
					: this.listings.findPageAfter(page.get(page.size() - 1).id(), size).collectList())
			.concatMapIterable((page) -> page);
	}

	private Mono<Void> refreshInterval(String index, String interval) {
		return call(() -> this.client.indices()
			.putSettings((put) -> put.index(index)
				.settings((settings) -> settings.refreshInterval((time) -> time.time(interval)))))
			.then();
	}

	private Mono<Void> replicas(String index) {
		return call(
				() -> this.client.indices()
					.putSettings((put) -> put.index(index)
						.settings((settings) -> settings.numberOfReplicas(String.valueOf(this.definition.replicas())))))
			.then();
	}

	private Mono<Void> swapAlias(Set<String> old, String index) {
		return call(() -> this.client.indices().updateAliases((update) -> {
			old.forEach((stale) -> update.actions((a) -> a.remove((r) -> r.index(stale).alias(this.alias))));
			return update.actions((a) -> a.add((add) -> add.index(index).alias(this.alias)));
		})).then();
	}

	private Mono<Set<String>> currentIndices() {
		return call(() -> this.client.indices().existsAlias((exists) -> exists.name(this.alias))).flatMap(
				(exists) -> exists.value() ? call(() -> this.client.indices().getAlias((get) -> get.name(this.alias)))
					.map((response) -> response.result().keySet()) : Mono.just(Set.<String>of()));
	}

	/** Which listings reached the index and which must be tried again. */
	public record Outcome(List<UUID> indexed, List<UUID> failed, String firstError) {
	}

	/**
	 * Writes public listings and removes the others, with external versions so a stale
	 * write never overwrites a newer one. Writes go to the alias and, during a rebuild,
	 * to the new index too.
	 * @param listings the current state of each changed listing
	 * @param gone ids of listings that no longer exist
	 */
	public Mono<Outcome> apply(List<Listing> listings, List<UUID> gone) {
		// Asked for each batch, after its listings were read: a rebuild claimed before
		// reads them itself later.
		return this.rebuilds.running()
			.map((running) -> List.of(this.alias, running.index()))
			.defaultIfEmpty(List.of(this.alias))
			.flatMap((targets) -> bulk(targets, listings, gone));
	}

	private Mono<Outcome> bulk(List<String> targets, List<Listing> listings, List<UUID> gone) {
		List<BulkOperation> operations = new ArrayList<>();
		List<UUID> subjects = new ArrayList<>();
		for (String target : targets) {
			for (Listing listing : listings) {
				long version = ListingDocument.versionOf(listing);
				String id = listing.id().toString();
				if (listing.isPublic(this.clock.instant())) {
					ListingDocument document = ListingDocument.of(listing);
					operations.add(BulkOperation.of((op) -> op.index((index) -> index.index(target)
						.id(id)
						.document(document)
						.version(version)
						.versionType(VersionType.External))));
				}
				else {
					operations.add(BulkOperation.of((op) -> op.delete((delete) -> delete.index(target)
						.id(id)
						.version(version)
						.versionType(VersionType.External))));
				}
				subjects.add(listing.id());
			}
			for (UUID id : gone) {
				operations.add(BulkOperation.of((op) -> op.delete((delete) -> delete.index(target).id(id.toString()))));
				subjects.add(id);
			}
		}
		if (operations.isEmpty()) {
			return Mono.just(new Outcome(List.of(), List.of(), null));
		}
		return call(() -> this.client.bulk((request) -> request.operations(operations)))
			.map((response) -> outcome(response, subjects));
	}

	private static Outcome outcome(BulkResponse response, List<UUID> subjects) {
		// Sets: a rebuild's batch has thousands of items, and list lookups made this
		// quadratic.
		Set<UUID> indexed = new LinkedHashSet<>();
		Set<UUID> failed = new LinkedHashSet<>();
		String firstError = null;
		for (int i = 0; i < response.items().size(); i++) {
			BulkResponseItem item = response.items().get(i);
			UUID subject = subjects.get(i);
			// 409: a newer version is already there; 404: a delete of something never
			// indexed. Both are done.
			boolean fine = item.error() == null || item.status() == 409 || item.status() == 404;
			if (fine) {
				if (!failed.contains(subject)) {
					indexed.add(subject);
				}
			}
			else {
				indexed.remove(subject);
				failed.add(subject);
				if (firstError == null) {
					firstError = item.error().type() + ": " + item.error().reason();
				}
			}
		}
		return new Outcome(List.copyOf(indexed), List.copyOf(failed), firstError);
	}

	/**
	 * Turns the client's future into a Mono and any failure into
	 * {@link SearchUnavailable}. The deadline holds also when the server hangs without
	 * closing the connection (a frozen node), where the client's socket timeout alone
	 * restarts with every byte and a request may first wait for a free connection; at the
	 * deadline the future, and so the HTTP request, is cancelled.
	 */
	public <T> Mono<T> call(Supplier<CompletableFuture<T>> request) {
		return Mono.fromFuture(request)
			.timeout(this.properties.requestTimeout())
			.onErrorMap((ex) -> !(ex instanceof SearchUnavailable), (ex) -> new SearchUnavailable(describe(ex), ex));
	}

	static String describe(Throwable ex) {
		Throwable cause = (ex.getCause() != null && !(ex instanceof ElasticsearchException)) ? ex.getCause() : ex;
		if (cause instanceof ElasticsearchException server) {
			return "Elasticsearch refused the request: " + server.error().type() + " " + server.error().reason();
		}
		return "Elasticsearch did not answer: " + cause;
	}

}
