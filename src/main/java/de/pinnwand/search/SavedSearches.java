package de.pinnwand.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingPublished;
import de.pinnwand.listings.ListingService;
import de.pinnwand.search.SavedSearchRecords.Candidate;
import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.InvalidInput;
import de.pinnwand.web.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Saved searches and their notices. When a listing is published, the saved searches whose
 * structured filters (kind, topics, languages, district, place and radius) can fit it are
 * found in PostgreSQL; once the listing is searchable, exactly those are run against the
 * index in one multi-search narrowed to the new listing, and each that finds it gets a
 * notice. The distribution embedded here has no percolator; on a cluster with one, the
 * second step would percolate the new listing against stored queries instead (see
 * docs/saved-searches.md).
 */
@Service
public class SavedSearches {

	/** How many saved searches one member may keep. */
	static final int MAX_PER_MEMBER = 20;

	private static final Logger logger = LoggerFactory.getLogger(SavedSearches.class);

	private final SavedSearchRecords records;

	private final SearchParameters parameters;

	private final ListingSearch search;

	private final ListingService listings;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	SavedSearches(SavedSearchRecords records, SearchParameters parameters, ListingSearch search,
			ListingService listings, Clock clock, ApplicationEventPublisher events) {
		this.records = records;
		this.parameters = parameters;
		this.search = search;
		this.listings = listings;
		this.clock = clock;
		this.events = events;
	}

	/** A saved search as its member sees it. */
	public record Saved(UUID id, String queryString, String label, Instant createdAt, int unseenHits) {
	}

	/** A new listing that fits one of the member's saved searches. */
	public record Hit(UUID savedSearchId, UUID listingId, String title, String textLanguage, Instant createdAt) {
	}

	/** No such saved search, or another member's. */
	public static class SavedSearchNotFound extends NotFound {

		public SavedSearchNotFound() {
			super("No such saved search");
		}

	}

	/** The search could not be saved. */
	public static class InvalidSavedSearch extends InvalidInput {

		public InvalidSavedSearch(List<FieldProblem> problems) {
			super("saved search", problems);
		}

	}

	/**
	 * Saves the search that the query string describes (as the search page takes it). A
	 * search that filters nothing, or more than {@value #MAX_PER_MEMBER} of them, is
	 * refused.
	 */
	public Mono<Saved> save(UUID accountId, String queryString, String label) {
		String canonical = canonical(queryString);
		SearchParameters.Parsed parsed = this.parameters.parse(params(canonical));
		ListingQuery query = parsed.query();
		List<FieldProblem> problems = new ArrayList<>(parsed.problems());
		boolean filtersSomething = !query.text().isBlank() || !query.kinds().isEmpty() || !query.topics().isEmpty()
				|| !query.languages().isEmpty() || !query.districts().isEmpty() || query.near() != null
				|| !query.when().isEmpty();
		if (!filtersSomething) {
			problems.add(new FieldProblem("query", "saved-search.empty"));
		}
		String name = (label != null && !label.isBlank()) ? label.strip() : describe(query);
		if (name.length() > 200) {
			name = name.substring(0, 200);
		}
		if (!problems.isEmpty()) {
			return Mono.error(new InvalidSavedSearch(problems));
		}
		String finalName = name;
		return this.records.countOf(accountId)
			.flatMap((count) -> (count >= MAX_PER_MEMBER)
					? Mono.<Saved>error(new InvalidSavedSearch(
							List.of(new FieldProblem("query", "saved-search.too-many", MAX_PER_MEMBER))))
					: this.records.insert(UUID.randomUUID(), accountId, canonical, finalName, query,
							this.clock.instant()));
	}

	/**
	 * The member's saved searches, newest first, with how many new listings each found.
	 */
	public Flux<Saved> of(UUID accountId) {
		return this.records.of(accountId);
	}

	/**
	 * Removes one of the member's saved searches; another member's answers like a missing
	 * one.
	 */
	public Mono<Void> delete(UUID accountId, UUID id) {
		return this.records.delete(accountId, id)
			.flatMap((deleted) -> (deleted == 0) ? Mono.error(new SavedSearchNotFound()) : Mono.empty());
	}

	/**
	 * The member's unseen hits of still-public listings, newest first; marks them seen.
	 */
	public Flux<Hit> takeUnseenHits(UUID accountId) {
		return this.records.unseenHits(accountId)
			.collectList()
			.flatMapMany((list) -> this.records.markSeen(accountId).thenMany(Flux.fromIterable(list)));
	}

	@EventListener
	void on(ListingPublished published) {
		notifyFor(published.listingId()).subscribe(
				(count) -> logger.debug(count + " saved-search hit(s) for " + published.listingId()), (ex) -> logger
					.warn("Saved searches not evaluated for " + published.listingId() + ": " + ex.getMessage()));
	}

	/**
	 * Evaluates the saved searches against a newly published listing; emits how many it
	 * fits.
	 */
	Mono<Long> notifyFor(UUID listingId) {
		return this.listings.find(listingId)
			.flatMap((listing) -> this.records.candidates(listing)
				.collectList()
				.flatMap((candidates) -> candidates.isEmpty() ? Mono.just(0L)
						: awaitSearchable(listingId).then(verify(listing, candidates))));
	}

	/** The relay indexes a new listing within about a second; waits up to ten. */
	private Mono<Boolean> awaitSearchable(UUID listingId) {
		return this.search.isSearchable(listingId)
			.filter(Boolean::booleanValue)
			.repeatWhenEmpty(40, (attempts) -> attempts.delayElements(Duration.ofMillis(250)))
			.defaultIfEmpty(false);
	}

	private Mono<Long> verify(Listing listing, List<Candidate> candidates) {
		return Flux.fromIterable(candidates).buffer(100).concatMap((batch) -> {
			List<ListingQuery> queries = batch.stream()
				.map((candidate) -> this.parameters.parse(params(candidate.queryString())).query())
				.toList();
			return this.search.whichFind(listing.id(), queries).flatMapMany((found) -> {
				List<Candidate> fitting = new ArrayList<>();
				for (int i = 0; i < batch.size(); i++) {
					if (found.get(i)) {
						fitting.add(batch.get(i));
					}
				}
				return Flux.fromIterable(fitting);
			});
		})
			.concatMap((candidate) -> this.records.recordHit(candidate.id(), listing.id())
				// The member hears of it through notifications as well as on 'my saved
				// searches'.
				.doOnNext((stored) -> {
					if (stored > 0) {
						this.events.publishEvent(new SavedSearchHitRecorded(candidate.accountId(), candidate.id(),
								listing.id(), listing.title()));
					}
				}))
			.reduce(0L, Long::sum);
	}

	private static final List<String> SEARCH_PARAMETERS = List.of("q", "kind", "topic", "lang", "district", "when",
			"near", "radiusKm");

	/**
	 * Only the parameters a search is made of, URL-encoded in a fixed order; paging and
	 * order are not part of what was saved.
	 */
	public static String canonical(String rawQuery) {
		org.springframework.util.MultiValueMap<String, String> params = params(rawQuery);
		List<String> parts = new ArrayList<>();
		for (String name : SEARCH_PARAMETERS) {
			params.getOrDefault(name, List.of())
				.stream()
				.filter((value) -> !value.isBlank())
				.limit(20)
				.forEach((value) -> parts
					.add(name + "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
		}
		String joined = String.join("&", parts);
		return (joined.length() <= 1000) ? joined : "";
	}

	/** A URL-encoded query string's parameters, decoded. */
	static org.springframework.util.MultiValueMap<String, String> params(String rawQuery) {
		org.springframework.util.MultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
		if (rawQuery == null || rawQuery.isBlank()) {
			return params;
		}
		for (String pair : rawQuery.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals >= 0) ? pair.substring(0, equals) : pair;
			String value = (equals >= 0) ? pair.substring(equals + 1) : "";
			try {
				params.add(java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8),
						java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException ex) {
				// A broken escape: the parameter is left out, like any other nonsense in
				// a query string.
			}
		}
		return params;
	}

	private static String describe(ListingQuery query) {
		List<String> parts = new ArrayList<>();
		if (!query.text().isBlank()) {
			parts.add("„" + query.text() + "“");
		}
		parts.addAll(query.kinds());
		parts.addAll(query.topics());
		parts.addAll(query.languages());
		if (query.near() != null) {
			parts.add(query.near().label() + " " + query.radiusKm() + " km");
		}
		parts.addAll(query.districts());
		return String.join(" · ", parts);
	}

}
