package de.pinnwand.moderation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.accounts.AccountNotFound;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.accounts.Member;
import de.pinnwand.audit.AuditLog;
import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingNotFound;
import de.pinnwand.listings.ListingService;
import de.pinnwand.listings.ListingStatus;
import de.pinnwand.system.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The coordinators' queue and their decisions, and readers' reports. Each decision and each take-down after
 * reports is recorded in the audit log in the same transaction as the change.
 */
@Service
public class ModerationService {

	/** The longest free text a report may carry. */
	public static final int MAX_REPORT_TEXT = 1000;

	/** The longest block a coordinator may give at once. */
	public static final int MAX_BLOCK_DAYS = 365;

	/** The most areas a coordinator may be scoped to. */
	public static final int MAX_AREAS = 100;

	/** The longest name of an area. */
	public static final int MAX_AREA_LENGTH = 120;

	private final ListingService listings;

	private final Reports reports;

	private final PostingBlocks blocks;

	private final AuditLog audit;

	private final ModerationDecisions decisions;

	private final CoordinatorAreas areas;

	private final AccountService accounts;

	private final ModerationProperties properties;

	private final TransactionalOperator transaction;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final byte[] salt;

	ModerationService(ListingService listings, Reports reports, PostingBlocks blocks, AuditLog audit,
			ModerationDecisions decisions, CoordinatorAreas areas, AccountService accounts,
			ModerationProperties properties, TransactionalOperator transaction, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.decisions = decisions;
		this.areas = areas;
		this.accounts = accounts;
		this.blocks = blocks;
		this.listings = listings;
		this.reports = reports;
		this.audit = audit;
		this.properties = properties;
		this.transaction = transaction;
		this.clock = clock;
		if (properties.addressSalt() != null && !properties.addressSalt().isBlank()) {
			this.salt = properties.addressSalt().getBytes(StandardCharsets.UTF_8);
		}
		else {
			this.salt = new byte[32];
			new SecureRandom().nextBytes(this.salt);
		}
	}

	/** Filters of the queue; null fields do not filter. */
	public record QueueFilter(String district, String topic, String language) {

		boolean accepts(Listing listing) {
			return (this.district == null || this.district.isBlank() || this.district.equalsIgnoreCase(listing.district()))
					&& (this.topic == null || this.topic.isBlank() || listing.topics().stream()
						.anyMatch((topic) -> topic.equals(this.topic) || topic.startsWith(this.topic + "/")))
					&& (this.language == null || this.language.isBlank() || listing.languages().contains(this.language)
							|| this.language.equals(listing.textLanguage()));
		}

	}

	/**
	 * A listing waiting for review with what helps to decide: how many listings its author has in each status
	 * and the open reports (none for a new member's listing).
	 */
	public record QueueItem(Listing listing, Map<ListingStatus, Long> authorHistory, List<ListingReport> reports) {

		public boolean reported() {
			return !this.reports.isEmpty();
		}

	}

	/**
	 * The queue, longest-waiting first; only coordinators see it, and one scoped to areas only the listings
	 * there.
	 */
	public Flux<QueueItem> queue(Member coordinator, QueueFilter filter) {
		if (!coordinator.isCoordinator()) {
			return Flux.error(QueueNotFound::new);
		}
		return this.areas.of(coordinator.accountId())
			.collectList()
			.flatMapMany((areas) -> this.listings.findInReview().filter((listing) -> covers(areas, listing)))
			.filter(filter::accepts)
			.concatMap((listing) -> this.listings.findOwnedBy(listing.ownerAccountId())
				.collectList()
				.map(ModerationService::countByStatus)
				.zipWith(this.reports.open(listing.id()).collectList())
				.map((both) -> new QueueItem(listing, both.getT1(), both.getT2())));
	}

	/** Whether the listing's municipality or district is among the areas; no areas cover everywhere. */
	private static boolean covers(List<String> areas, Listing listing) {
		return areas.isEmpty() || areas.stream()
			.anyMatch((area) -> area.equalsIgnoreCase(listing.placeName()) || area.equalsIgnoreCase(listing.district()));
	}

	/**
	 * Scopes a coordinator to districts or municipalities (their names as the gazetteer spells them, in any
	 * case); none lets them review everywhere. Only admins scope; the change is audited.
	 */
	public Mono<List<String>> scope(Member admin, UUID coordinatorAccountId, List<String> areas) {
		if (!admin.isAdmin()) {
			return Mono.error(QueueNotFound::new);
		}
		List<String> cleaned = (areas != null) ? areas.stream()
			.filter((area) -> area != null && !area.isBlank())
			.map(String::strip)
			.distinct()
			.sorted()
			.toList() : List.of();
		if (cleaned.size() > MAX_AREAS || cleaned.stream().anyMatch((area) -> area.length() > MAX_AREA_LENGTH)) {
			return Mono.error(new InvalidModeration(List.of(new FieldProblem("areas", "moderation.areas", MAX_AREAS,
					MAX_AREA_LENGTH))));
		}
		return this.accounts.member(coordinatorAccountId)
			.switchIfEmpty(Mono.error(AccountNotFound::new))
			.flatMap((coordinator) -> this.areas.replace(coordinatorAccountId, cleaned)
				.then(this.audit.record(admin.accountId(), "moderation.areas", "account",
						coordinatorAccountId.toString(), cleaned.isEmpty() ? "everywhere" : String.join(", ", cleaned),
						null)))
			.as(this.transaction::transactional)
			.thenReturn(cleaned);
	}

	private static Map<ListingStatus, Long> countByStatus(List<Listing> listings) {
		Map<ListingStatus, Long> counts = new EnumMap<>(ListingStatus.class);
		listings.forEach((listing) -> counts.merge(listing.status(), 1L, Long::sum));
		return counts;
	}

	/** The reason codes a coordinator may give. */
	public List<String> decisionReasons() {
		return this.properties.decisionReasons();
	}

	/** The reason codes a reader may report for. */
	public List<String> reportReasons() {
		return this.properties.reportReasons();
	}

	/**
	 * Decides about a listing in the queue. {@code version} must be the one the coordinator saw; a stale or
	 * already decided item answers {@link de.pinnwand.listings.ListingAlreadyDecided} (409) and nothing changes.
	 * A rejection or closing needs one of the configured reasons; asking for changes needs a note to the author.
	 * The decision is kept for the author, who sees the reason (and, when asked for changes, the note); once it
	 * committed, {@link ListingDecided} is published.
	 */
	public Mono<Listing> decide(Member coordinator, UUID listingId, Decision decision, Long version, String reason,
			String note) {
		return decide(coordinator, listingId, decision, version, reason, note, null);
	}

	/**
	 * Decides as {@link #decide(Member, UUID, Decision, Long, String, String)}; a {@link Decision#BLOCK} also needs
	 * {@code blockDays} (1 to {@value #MAX_BLOCK_DAYS}) for which the author may not post.
	 */
	public Mono<Listing> decide(Member coordinator, UUID listingId, Decision decision, Long version, String reason,
			String note, Integer blockDays) {
		if (!coordinator.isCoordinator()) {
			return Mono.error(QueueNotFound::new);
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (decision == null) {
			problems.add(new FieldProblem("decision", "moderation.decision"));
		}
		if (version == null) {
			problems.add(new FieldProblem("version", "version.missing"));
		}
		boolean reasoned = reason != null && !reason.isBlank();
		boolean reasonNeeded = decision != null && decision != Decision.APPROVE && decision != Decision.ASK_FOR_CHANGES;
		if ((reasonNeeded && !reasoned) || (reasoned && !this.properties.decisionReasons().contains(reason))) {
			problems.add(new FieldProblem("reason", "moderation.reason"));
		}
		if (decision == Decision.ASK_FOR_CHANGES && (note == null || note.isBlank())) {
			problems.add(new FieldProblem("note", "moderation.note"));
		}
		if (note != null && note.length() > MAX_REPORT_TEXT) {
			problems.add(new FieldProblem("note", "report.text-too-long", MAX_REPORT_TEXT));
		}
		if (decision == Decision.BLOCK && (blockDays == null || blockDays < 1 || blockDays > MAX_BLOCK_DAYS)) {
			problems.add(new FieldProblem("blockDays", "moderation.block-days", MAX_BLOCK_DAYS));
		}
		if (!problems.isEmpty()) {
			return Mono.error(new InvalidModeration(problems));
		}
		Instant now = this.clock.instant();
		// Outside a scoped coordinator's areas the listing does not exist for them.
		Mono<Void> inArea = this.areas.of(coordinator.accountId())
			.collectList()
			.filter((areas) -> !areas.isEmpty())
			.flatMap((areas) -> this.listings.find(listingId)
				.filter((listing) -> covers(areas, listing))
				.switchIfEmpty(Mono.error(() -> new ListingNotFound(listingId))))
			.then();
		String recordedReason = reasoned ? reason + ((note != null && !note.isBlank()) ? ": " + note.strip() : "")
				: ((note != null && !note.isBlank()) ? note.strip() : null);
		return inArea.then(this.listings.decide(listingId, version, decision.status()))
			.flatMap((decided) -> this.reports.resolve(listingId, now)
				.flatMap((resolved) -> this.audit.record(coordinator.accountId(), decision.action(), "listing",
						listingId.toString(), "version " + version + ", reports " + resolved
								+ ((decision == Decision.BLOCK) ? ", author blocked for " + blockDays + " days" : ""),
						recordedReason))
				.then(this.decisions.record(listingId, decision, reasoned ? reason : null,
						(note != null && !note.isBlank()) ? note.strip() : null, now, coordinator.accountId()))
				.then((decision == Decision.BLOCK) ? this.blocks.block(decided.ownerAccountId(),
						now.plus(java.time.Duration.ofDays(blockDays)), coordinator.accountId(), recordedReason)
						: Mono.empty())
				.thenReturn(decided))
			.as(this.transaction::transactional)
			// Only after the commit: a listener (the author's notice) must never see a decision that was rolled back.
			.doOnNext((decided) -> this.events
				.publishEvent(new ListingDecided(decided.id(), decided.ownerAccountId(), decision, now)));
	}

	/**
	 * Reports a public listing. A member counts by account, a visitor by a salted hash of their address; the
	 * same reporter counts once. At the configured number of reporters the listing leaves the board and search
	 * and waits in the queue.
	 * @param reporterAccountId the signed-in member; null for a visitor
	 * @param address the visitor's address; only its salted hash is stored
	 */
	public Mono<Void> report(UUID listingId, UUID reporterAccountId, String address, String reason, String text) {
		List<FieldProblem> problems = new ArrayList<>();
		if (reason == null || !this.properties.reportReasons().contains(reason)) {
			problems.add(new FieldProblem("reason", "report.reason"));
		}
		if (text != null && text.length() > MAX_REPORT_TEXT) {
			problems.add(new FieldProblem("text", "report.text-too-long", MAX_REPORT_TEXT));
		}
		if (!problems.isEmpty()) {
			return Mono.error(new InvalidModeration(problems));
		}
		String reporter = (reporterAccountId != null) ? "account:" + reporterAccountId
				: "address:" + hash(String.valueOf(address));
		String stored = (text != null && !text.isBlank()) ? text.strip() : null;
		return this.listings.findPublic(listingId)
			.flatMap((listing) -> this.reports.add(listingId, reporter, reason, stored, this.clock.instant()))
			.then(this.reports.openReporters(listingId))
			.filter((reporters) -> reporters >= this.properties.reportThreshold())
			.flatMap((reporters) -> this.listings.holdForReview(listingId)
				.flatMap((held) -> this.audit.record(null, "moderation.hidden", "listing", listingId.toString(),
						"reports " + reporters, "reported")))
			.as(this.transaction::transactional)
			.then();
	}

	private String hash(String address) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(this.salt);
			return HexFormat.of().formatHex(digest.digest(address.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
