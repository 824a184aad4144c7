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
 * The coordinators' queue and their decisions, and readers' reports. Each decision and
 * each take-down after reports is recorded in the audit log in the same transaction as
 * the change.
 */
@Service
public class ModerationService {

	/** The longest free text a report may carry. */
	public static final int MAX_REPORT_TEXT = 1000;

	/** The longest block a coordinator may give at once. */
	public static final int MAX_BLOCK_DAYS = 365;

	/**
	 * {@code blockDays} of a block for good: the author never posts again unless an admin
	 * lifts it.
	 */
	public static final int BLOCK_FOR_GOOD = 0;

	private static final Instant FOR_GOOD = Instant.parse("9999-12-31T00:00:00Z");

	/** The most areas a coordinator may be scoped to. */
	public static final int MAX_AREAS = 100;

	/** The longest name of an area. */
	public static final int MAX_AREA_LENGTH = 120;

	/** The longest text of a decision reason in one language. */
	public static final int MAX_REASON_TEXT = ReasonTexts.MAX_TEXT;

	/** The type of listings among reportable items. */
	public static final String LISTING = "listing";

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

	private final ItemReports itemReports;

	private final ReasonTexts reasonTexts;

	/** The modules' reportable items by type. */
	private final Map<String, ReportableItems> reportable;

	private final byte[] salt;

	ModerationService(ListingService listings, Reports reports, PostingBlocks blocks, AuditLog audit,
			ModerationDecisions decisions, CoordinatorAreas areas, AccountService accounts,
			ModerationProperties properties, TransactionalOperator transaction, Clock clock,
			ApplicationEventPublisher events, ItemReports itemReports, List<ReportableItems> reportable,
			ReasonTexts reasonTexts) {
		this.events = events;
		this.reasonTexts = reasonTexts;
		this.itemReports = itemReports;
		Map<String, ReportableItems> byType = new java.util.LinkedHashMap<>();
		for (ReportableItems items : reportable) {
			if (LISTING.equals(items.type()) || byType.putIfAbsent(items.type(), items) != null) {
				throw new IllegalStateException("A second kind of reportable item of type " + items.type());
			}
		}
		this.reportable = Map.copyOf(byType);
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

	/** Filters of the queue; null or blank fields do not filter. */
	public record QueueFilter(String district, String topic, String language, String type) {

		public QueueFilter(String district, String topic, String language) {
			this(district, topic, language, null);
		}

		/** Other items have no topics: a topic filter leaves them out. */
		boolean accepts(ReportedItem item) {
			return (blank(this.type) || this.type.equals(item.type()))
					&& (blank(this.district) || this.district.equalsIgnoreCase(item.district())) && blank(this.topic)
					&& (blank(this.language) || item.languages().contains(this.language));
		}

		private static boolean blank(String value) {
			return value == null || value.isBlank();
		}

	}

	/**
	 * An item waiting for review with what helps to decide: how many listings its author
	 * has in each status and the open reports (none for a new member's listing).
	 *
	 * @param item what it is, for every type
	 * @param listing the listing; null for other items
	 * @param waitingSince since when it waits
	 */
	public record QueueItem(ReportedItem item, Listing listing, Instant waitingSince,
			Map<ListingStatus, Long> authorHistory, List<ListingReport> reports) {

		public boolean reported() {
			return !this.reports.isEmpty();
		}

		public String type() {
			return this.item.type();
		}

	}

	/**
	 * The queue, longest-waiting first; only coordinators see it, and one scoped to areas
	 * only the listings there.
	 */
	public Flux<QueueItem> queue(Member coordinator, QueueFilter filter) {
		if (!coordinator.isCoordinator()) {
			return Flux.error(QueueNotFound::new);
		}
		return this.areas.of(coordinator.accountId()).collectList().flatMapMany((areas) -> {
			// Listings are filtered in the database; other items are few (only reported
			// ones) and come from their modules.
			Flux<Listing> listings = (filter.type() == null || filter.type().isBlank() || LISTING.equals(filter.type()))
					? this.listings.findInReview(filter.district(), filter.topic(), filter.language(), areas)
					: Flux.empty();
			Flux<QueueItem> listingItems = listings.concatMap((listing) -> history(listing.ownerAccountId())
				.zipWith(this.reports.open(listing.id()).collectList())
				.map((both) -> new QueueItem(itemOf(listing), listing, listing.updatedAt(), both.getT1(),
						both.getT2())));
			Flux<QueueItem> others = this.itemReports.holds()
				.concatMap((hold) -> Mono.justOrEmpty(this.reportable.get(hold.type()))
					.flatMap((items) -> items.describe(hold.id()))
					.filter((item) -> covers(areas, item.placeName(), item.district()))
					.filter(filter::accepts)
					.flatMap((item) -> history(item.authorAccountId())
						.zipWith(this.itemReports.open(hold.type(), hold.id()).collectList())
						.map((both) -> new QueueItem(item, null, hold.heldAt(), both.getT1(), both.getT2()))));
			return Flux.concat(listingItems, others)
				.collectSortedList(java.util.Comparator.comparing(QueueItem::waitingSince))
				.flatMapIterable(java.util.function.Function.identity());
		});
	}

	private Mono<Map<ListingStatus, Long>> history(UUID authorAccountId) {
		return (authorAccountId != null)
				? this.listings.findOwnedBy(authorAccountId).collectList().map(ModerationService::countByStatus)
				: Mono.just(Map.of());
	}

	private static ReportedItem itemOf(Listing listing) {
		return new ReportedItem(LISTING, listing.id(), listing.title(), listing.description(), listing.textLanguage(),
				"/listings/" + listing.id(), listing.district(), listing.placeName(), listing.languages(),
				listing.ownerAccountId(), listing.createdAt(), listing.status() == ListingStatus.PUBLISHED);
	}

	/**
	 * Whether the municipality or district is among the areas; no areas cover everywhere.
	 */
	private static boolean covers(List<String> areas, String placeName, String district) {
		return areas.isEmpty() || areas.stream()
			.anyMatch((area) -> area.equalsIgnoreCase(placeName) || area.equalsIgnoreCase(district));
	}

	/**
	 * Whether the listing's municipality or district is among the areas; no areas cover
	 * everywhere.
	 */
	private static boolean covers(List<String> areas, Listing listing) {
		return covers(areas, listing.placeName(), listing.district());
	}

	/**
	 * Scopes a coordinator to districts or municipalities (their names as the gazetteer
	 * spells them, in any case); none lets them review everywhere. Only admins scope; the
	 * change is audited.
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
			return Mono.error(new InvalidModeration(
					List.of(new FieldProblem("areas", "moderation.areas", MAX_AREAS, MAX_AREA_LENGTH))));
		}
		return this.accounts.member(coordinatorAccountId)
			.switchIfEmpty(Mono.error(AccountNotFound::new))
			.flatMap((coordinator) -> this.areas.replace(coordinatorAccountId, cleaned)
				.then(this.audit.record(admin.accountId(), ModerationAudit.AREAS, "account",
						coordinatorAccountId.toString(), cleaned.isEmpty() ? "everywhere" : String.join(", ", cleaned),
						null)))
			.as(this.transaction::transactional)
			.thenReturn(cleaned);
	}

	/**
	 * A coordinator and the areas they review.
	 *
	 * @param areas none for everywhere
	 */
	public record CoordinatorScope(UUID accountId, String displayName, List<String> areas) {
	}

	/** Every coordinator with their areas, by name; only admins see them. */
	public Flux<CoordinatorScope> coordinators(Member admin) {
		if (!admin.isAdmin()) {
			return Flux.error(QueueNotFound::new);
		}
		return this.areas.coordinators()
			.concatMap((coordinator) -> this.areas.of(coordinator.accountId())
				.collectList()
				.map((areas) -> new CoordinatorScope(coordinator.accountId(), coordinator.displayName(), areas)));
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

	/**
	 * The texts of every decision reason by interface language, as authors read them; for
	 * coordinators (and admins) only.
	 */
	public Mono<Map<String, Map<String, String>>> reasonTexts(Member coordinator) {
		if (!coordinator.isCoordinator()) {
			return Mono.error(QueueNotFound::new);
		}
		return Mono.just(this.reasonTexts.all());
	}

	/**
	 * Replaces the texts of a decision reason, in every interface language at once (each
	 * 1 to {@value ReasonTexts#MAX_TEXT} characters); coordinators and admins edit them,
	 * and each change is audited with the languages whose text changed. Authors read the
	 * new text from then on, also about earlier decisions.
	 */
	public Mono<Void> editReason(Member coordinator, String code, Map<String, String> texts) {
		if (!coordinator.isCoordinator()) {
			return Mono.error(QueueNotFound::new);
		}
		if (code == null || !this.properties.decisionReasons().contains(code)) {
			return Mono.error(new InvalidModeration(List.of(new FieldProblem("reason", "moderation.reason"))));
		}
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, String> cleaned = new java.util.LinkedHashMap<>();
		for (String language : ReasonTexts.languages()) {
			String text = (texts != null) ? texts.get(language) : null;
			if (text == null || text.isBlank() || text.strip().length() > ReasonTexts.MAX_TEXT) {
				problems.add(new FieldProblem("text." + language, "moderation.reason-text", ReasonTexts.MAX_TEXT));
			}
			else {
				cleaned.put(language, text.strip());
			}
		}
		if (!problems.isEmpty()) {
			return Mono.error(new InvalidModeration(problems));
		}
		Map<String, String> before = this.reasonTexts.all().get(code);
		List<String> changed = cleaned.entrySet()
			.stream()
			.filter((entry) -> !entry.getValue().equals(before.get(entry.getKey())))
			.map(Map.Entry::getKey)
			.toList();
		if (changed.isEmpty()) {
			return Mono.empty();
		}
		return this.reasonTexts.save(code, cleaned, coordinator.accountId())
			.then(this.audit.record(coordinator.accountId(), ModerationAudit.REASON_TEXT, "reason", code,
					changed.stream()
						.map((language) -> language + ": " + cleaned.get(language))
						.collect(java.util.stream.Collectors.joining(" | ")),
					null))
			.as(this.transaction::transactional)
			.then(this.reasonTexts.reload());
	}

	/** The reason codes a reader may report for. */
	public List<String> reportReasons() {
		return this.properties.reportReasons();
	}

	/**
	 * Decides about a listing in the queue. {@code version} must be the one the
	 * coordinator saw; a stale or already decided item answers
	 * {@link de.pinnwand.listings.ListingAlreadyDecided} (409) and nothing changes. A
	 * rejection or closing needs one of the configured reasons; asking for changes needs
	 * a note to the author. The decision is kept for the author, who sees the reason
	 * (and, when asked for changes, the note); once it committed, {@link ListingDecided}
	 * is published.
	 */
	public Mono<Listing> decide(Member coordinator, UUID listingId, Decision decision, Long version, String reason,
			String note) {
		return decide(coordinator, listingId, decision, version, reason, note, null);
	}

	/**
	 * Decides as {@link #decide(Member, UUID, Decision, Long, String, String)}; a
	 * {@link Decision#BLOCK} also needs {@code blockDays} (1 to {@value #MAX_BLOCK_DAYS},
	 * or {@value #BLOCK_FOR_GOOD} for good) for which the author may not post.
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
		if (decision == Decision.BLOCK
				&& (blockDays == null || blockDays < BLOCK_FOR_GOOD || blockDays > MAX_BLOCK_DAYS)) {
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
				.flatMap((resolved) -> this.audit
					.record(coordinator.accountId(), decision.action(), "listing", listingId.toString(), "version "
							+ version + ", reports " + resolved
							+ ((decision == Decision.BLOCK) ? ", author blocked "
									+ ((blockDays == BLOCK_FOR_GOOD) ? "for good" : "for " + blockDays + " days") : ""),
							recordedReason))
				.then(this.decisions.record(listingId, decision, reasoned ? reason : null,
						(note != null && !note.isBlank()) ? note.strip() : null, now, coordinator.accountId()))
				.then((decision == Decision.BLOCK) ? this.blocks.block(decided.ownerAccountId(),
						(blockDays == BLOCK_FOR_GOOD) ? FOR_GOOD : now.plus(java.time.Duration.ofDays(blockDays)),
						coordinator.accountId(), recordedReason) : Mono.empty())
				.thenReturn(decided))
			.as(this.transaction::transactional)
			// Only after the commit: a listener (the author's notice) must never see a
			// decision that was rolled back.
			.doOnNext((decided) -> this.events
				.publishEvent(new ListingDecided(decided.id(), decided.ownerAccountId(), decision, now)));
	}

	/**
	 * Reports a public listing. A member counts by account, a visitor by a salted hash of
	 * their address; the same reporter counts once. At the configured number of reporters
	 * the listing leaves the board and search and waits in the queue.
	 * @param reporterAccountId the signed-in member; null for a visitor
	 * @param address the visitor's address; only its salted hash is stored
	 */
	public Mono<Void> report(UUID listingId, UUID reporterAccountId, String address, String reason, String text) {
		InvalidModeration invalid = checkReport(reason, text);
		if (invalid != null) {
			return Mono.error(invalid);
		}
		String reporter = reporter(reporterAccountId, address);
		String stored = (text != null && !text.isBlank()) ? text.strip() : null;
		return this.listings.findPublic(listingId)
			.flatMap((listing) -> this.reports.add(listingId, reporter, reason, stored, this.clock.instant()))
			.then(this.reports.openReporters(listingId))
			.filter((reporters) -> reporters >= this.properties.reportThreshold())
			.flatMap((reporters) -> this.listings.holdForReview(listingId)
				.flatMap((held) -> this.audit.record(null, ModerationAudit.HIDDEN, "listing", listingId.toString(),
						"reports " + reporters, "reported")))
			.as(this.transaction::transactional)
			.then();
	}

	/**
	 * Reports an item of any reportable type: {@value #LISTING} (as {@link #report}) or
	 * one a module made reportable through {@link ReportableItems}. A member counts by
	 * account, a visitor by a salted hash of their address; the same reporter counts
	 * once, so one address's flood never takes an item down by itself. At the type's
	 * threshold of reporters the item is hidden and waits in the queue until a
	 * coordinator decides ({@link #decideItem}); that take-down is audited. An unknown
	 * type, or an item the public cannot see, answers {@link ReportableItemNotFound}; a
	 * reason not among the configured ones or a text longer than
	 * {@value #MAX_REPORT_TEXT} characters {@link InvalidModeration}.
	 * @param type the item type, e.g. {@code organisation}
	 * @param id the item
	 * @param reporterAccountId the signed-in member; null for a visitor
	 * @param clientAddress the visitor's address; only its salted hash is stored
	 * @param reason one of {@link #reportReasons()}
	 * @param text optional free text
	 */
	public Mono<Void> reportItem(String type, UUID id, UUID reporterAccountId, String clientAddress, String reason,
			String text) {
		if (LISTING.equals(type)) {
			return report(id, reporterAccountId, clientAddress, reason, text);
		}
		ReportableItems items = (type != null) ? this.reportable.get(type) : null;
		if (items == null || id == null) {
			return Mono.error(() -> new ReportableItemNotFound(type, id));
		}
		InvalidModeration invalid = checkReport(reason, text);
		if (invalid != null) {
			return Mono.error(invalid);
		}
		String reporter = reporter(reporterAccountId, clientAddress);
		String stored = (text != null && !text.isBlank()) ? text.strip() : null;
		Instant now = this.clock.instant();
		int threshold = (items.threshold() > 0) ? items.threshold() : this.properties.reportThreshold();
		return items.describe(id)
			.filter(ReportedItem::publiclyVisible)
			.switchIfEmpty(Mono.error(() -> new ReportableItemNotFound(type, id)))
			.flatMap((item) -> this.itemReports.add(type, id, reporter, reason, stored, now))
			.then(this.itemReports.openReporters(type, id))
			.filter((reporters) -> reporters >= threshold)
			// Only the report that puts it into the queue takes it down; concurrent ones
			// find it held.
			.flatMap((reporters) -> this.itemReports.hold(type, id, now)
				.filter(Boolean::booleanValue)
				.flatMap((held) -> items.hide(id)
					.then(this.audit.record(null, ModerationAudit.HIDDEN, type, id.toString(), "reports " + reporters,
							"reported"))))
			.as(this.transaction::transactional)
			.then();
	}

	/**
	 * An item (not a listing) the public may see and report;
	 * {@link ReportableItemNotFound} for an unknown type, no such item, or a hidden one.
	 */
	public Mono<ReportedItem> reportable(String type, UUID id) {
		ReportableItems items = (type != null) ? this.reportable.get(type) : null;
		if (items == null || id == null) {
			return Mono.error(() -> new ReportableItemNotFound(type, id));
		}
		return items.describe(id)
			.filter(ReportedItem::publiclyVisible)
			.switchIfEmpty(Mono.error(() -> new ReportableItemNotFound(type, id)));
	}

	/** The types of items that can be reported, listings first. */
	public List<String> reportableTypes() {
		List<String> types = new ArrayList<>(List.of(LISTING));
		types.addAll(this.reportable.keySet().stream().sorted().toList());
		return types;
	}

	/**
	 * Decides about an item (not a listing) that reports took down:
	 * {@link Decision#APPROVE} puts it back up, {@link Decision#CLOSE} (with one of the
	 * configured reasons) leaves it hidden for good; other decisions are for listings and
	 * refused. The reports are closed and the decision audited in one transaction; an
	 * item not (or no longer) waiting answers {@link ItemAlreadyDecided} (409), one
	 * outside a scoped coordinator's areas {@link ReportableItemNotFound}.
	 */
	public Mono<ReportedItem> decideItem(Member coordinator, String type, UUID id, Decision decision, String reason,
			String note) {
		if (!coordinator.isCoordinator()) {
			return Mono.error(QueueNotFound::new);
		}
		ReportableItems items = (type != null) ? this.reportable.get(type) : null;
		if (items == null || id == null) {
			return Mono.error(() -> new ReportableItemNotFound(type, id));
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (decision != Decision.APPROVE && decision != Decision.CLOSE) {
			problems.add(new FieldProblem("decision", "moderation.decision"));
		}
		boolean reasoned = reason != null && !reason.isBlank();
		if ((decision == Decision.CLOSE && !reasoned)
				|| (reasoned && !this.properties.decisionReasons().contains(reason))) {
			problems.add(new FieldProblem("reason", "moderation.reason"));
		}
		if (note != null && note.length() > MAX_REPORT_TEXT) {
			problems.add(new FieldProblem("note", "report.text-too-long", MAX_REPORT_TEXT));
		}
		if (!problems.isEmpty()) {
			return Mono.error(new InvalidModeration(problems));
		}
		Instant now = this.clock.instant();
		String recordedReason = reasoned ? reason + ((note != null && !note.isBlank()) ? ": " + note.strip() : "")
				: ((note != null && !note.isBlank()) ? note.strip() : null);
		return this.areas.of(coordinator.accountId())
			.collectList()
			.zipWith(items.describe(id).switchIfEmpty(Mono.error(() -> new ReportableItemNotFound(type, id))))
			.filter((both) -> covers(both.getT1(), both.getT2().placeName(), both.getT2().district()))
			.switchIfEmpty(Mono.error(() -> new ReportableItemNotFound(type, id)))
			.flatMap((both) -> this.itemReports.release(type, id)
				.filter(Boolean::booleanValue)
				.switchIfEmpty(Mono.error(() -> new ItemAlreadyDecided(type, id)))
				.then((decision == Decision.APPROVE) ? items.restore(id) : Mono.empty())
				.then(this.itemReports.resolve(type, id, now))
				.flatMap((resolved) -> this.audit.record(coordinator.accountId(), decision.action(), type,
						id.toString(), "reports " + resolved, recordedReason))
				.then(items.describe(id)))
			.as(this.transaction::transactional)
			// Only after the commit, like ListingDecided: the author is told what was
			// decided.
			.doOnNext((item) -> this.events.publishEvent(new ItemDecided(type, id, item.title(), item.href(),
					item.authorAccountId(), decision, reasoned ? reason : null, now)));
	}

	private InvalidModeration checkReport(String reason, String text) {
		List<FieldProblem> problems = new ArrayList<>();
		if (reason == null || !this.properties.reportReasons().contains(reason)) {
			problems.add(new FieldProblem("reason", "report.reason"));
		}
		if (text != null && text.length() > MAX_REPORT_TEXT) {
			problems.add(new FieldProblem("text", "report.text-too-long", MAX_REPORT_TEXT));
		}
		return problems.isEmpty() ? null : new InvalidModeration(problems);
	}

	private String reporter(UUID reporterAccountId, String address) {
		return (reporterAccountId != null) ? "account:" + reporterAccountId
				: "address:" + hash(String.valueOf(address));
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
