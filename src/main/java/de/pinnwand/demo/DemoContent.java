package de.pinnwand.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import de.pinnwand.listings.FieldProblem;
import de.pinnwand.listings.InvalidListing;
import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingDraft;
import de.pinnwand.listings.ListingService;
import de.pinnwand.listings.Listings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts the listings of {@value #LISTINGS} once the application is ready, if the board is still empty, so a
 * local run shows a realistic board. Each listing passes the same rules as one typed into the form, and carries a
 * fixed submission key, so a restart never posts it twice.
 */
@Component
@ConditionalOnBooleanProperty("pinnwand.demo.enabled")
class DemoContent {

	static final String LISTINGS = "demo/listings.json";

	private static final Log logger = LogFactory.getLog(DemoContent.class);

	private final Listings listings;

	private final ListingService service;

	DemoContent(Listings listings, ListingService service) {
		this.listings = listings;
		this.service = service;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		post().subscribe((posted) -> logger.info("Demo content: " + posted + " listings posted"),
				(ex) -> logger.error("Demo content: not posted", ex));
	}

	/** Emits how many listings were posted, or nothing when the board already has listings. */
	Mono<Long> post() {
		return this.listings.count().flatMap((existing) -> {
			if (existing > 0) {
				logger.info("Demo content: skipped, listings exist");
				return Mono.empty();
			}
			return Mono.fromCallable(DemoContent::drafts)
				.subscribeOn(Schedulers.boundedElastic())
				.flatMapMany(Flux::fromIterable)
				.index()
				.concatMap((indexed) -> publish(indexed.getT1().intValue(), indexed.getT2()))
				.count();
		});
	}

	private Mono<Listing> publish(int index, ListingDraft listing) {
		ListingDraft draft = new ListingDraft(listing.kind(), listing.title(), listing.description(),
				listing.topics(), listing.languages(), listing.textLanguage(), listing.place(), listing.reachKm(),
				submissionKey(index), listing.timeFrameType(), listing.timeFrameDate(), listing.timeFrameWeekday(),
				listing.timeFrameFrom(), listing.timeFrameTo(), listing.capacity());
		return this.service.publish(draft).onErrorResume(InvalidListing.class, (ex) -> {
			logger.warn("Demo content: listing " + index + " (\"" + listing.title() + "\") refused: "
					+ describe(ex.problems()));
			return Mono.empty();
		});
	}

	/** The demo listings as drafts without submission keys. Blocking: reads the classpath. */
	static List<ListingDraft> drafts() {
		try (InputStream json = new ClassPathResource(LISTINGS).getInputStream()) {
			return JsonMapper.builder().build().readValue(json, DemoListings.class).listings();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + LISTINGS, ex);
		}
	}

	/** Derived from the position in the file, so the same listing gets the same key on every start. */
	static UUID submissionKey(int index) {
		return UUID.nameUUIDFromBytes(("demo-" + index).getBytes(StandardCharsets.UTF_8));
	}

	private static String describe(List<FieldProblem> problems) {
		return problems.stream()
			.map((problem) -> problem.field() + " " + problem.code()
					+ ((problem.arguments().length > 0) ? " " + Arrays.toString(problem.arguments()) : ""))
			.collect(Collectors.joining(", "));
	}

	/** The shape of {@value #LISTINGS}. */
	record DemoListings(List<ListingDraft> listings) {
	}

}
