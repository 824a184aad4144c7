package de.pinnwand.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import de.pinnwand.accounts.AccountService;
import de.pinnwand.accounts.Member;
import de.pinnwand.accounts.Role;
import de.pinnwand.listings.InvalidListing;
import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingDraft;
import de.pinnwand.listings.ListingService;
import de.pinnwand.listings.Listings;
import de.pinnwand.system.FieldProblem;
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

	private final AccountService accounts;

	DemoContent(Listings listings, ListingService service, AccountService accounts) {
		this.listings = listings;
		this.service = service;
		this.accounts = accounts;
	}

	/**
	 * The demo accounts, by the names they sign in with at the embedded provider (see the README): a person who
	 * fled Syria, one who fled Ukraine, a volunteer, an organisation's admin, the coordination office and an admin.
	 */
	static final List<DemoAccount> ACCOUNTS = List.of(
			new DemoAccount("amal", "Amal", List.of("ar", "de"), Set.of()),
			new DemoAccount("olena", "Olena", List.of("uk", "ru"), Set.of()),
			new DemoAccount("jonas", "Jonas", List.of("de", "en"), Set.of()),
			new DemoAccount("sabine", "Sabine", List.of("de", "en"), Set.of()),
			new DemoAccount("koordination", "Ehrenamtskoordination", List.of("de", "en"), Set.of(Role.COORDINATOR)),
			new DemoAccount("admin", "Admin", List.of("de", "en"), Set.of(Role.ADMIN)));

	record DemoAccount(String username, String displayName, List<String> languages, Set<Role> roles) {
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
			return Flux.fromIterable(ACCOUNTS)
				.concatMap((account) -> this.accounts.prepare(account.username(), account.displayName(),
						account.languages(), account.roles()))
				.collectMap((member) -> member.displayName(), Member::accountId)
				.flatMap((posters) -> Mono.fromCallable(DemoContent::drafts)
					.subscribeOn(Schedulers.boundedElastic())
					.flatMapMany(Flux::fromIterable)
					.index()
					.concatMap((indexed) -> publish(indexed.getT1().intValue(), indexed.getT2(), posters))
					.count());
		});
	}

	/** Offers come from the volunteer, requests from the person whose languages fit the text. */
	private Mono<Listing> publish(int index, ListingDraft listing, java.util.Map<String, UUID> posters) {
		String poster = "OFFER".equals(listing.kind()) ? "Jonas" : List.of("uk", "ru").contains(listing.textLanguage())
				? "Olena" : "Amal";
		ListingDraft draft = new ListingDraft(listing.kind(), listing.title(), listing.description(),
				listing.topics(), listing.languages(), listing.textLanguage(), listing.place(), listing.reachKm(),
				submissionKey(index), listing.timeFrameType(), listing.timeFrameDate(), listing.timeFrameWeekday(),
				listing.timeFrameFrom(), listing.timeFrameTo(), listing.capacity());
		return this.service.publish(draft, posters.get(poster), null).onErrorResume(InvalidListing.class, (ex) -> {
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
