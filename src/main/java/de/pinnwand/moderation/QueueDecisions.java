package de.pinnwand.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.pinnwand.accounts.Member;
import de.pinnwand.audit.AuditLog;
import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingNotFound;
import de.pinnwand.listings.ListingService;
import de.pinnwand.system.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Coordinators deciding about what waits in the queue: the change, the closed reports,
 * the kept decision and the audit entry in one transaction, the event after it.
 */
@Component
class QueueDecisions {

	private static final Instant FOR_GOOD = Instant.parse("9999-12-31T00:00:00Z");

	private final ListingService listings;

	private final Reports reports;

	private final ItemReports itemReports;

	private final PostingBlocks blocks;

	private final ModerationDecisions decisions;

	private final CoordinatorAreas areas;

	private final ReportableTypes reportable;

	private final ModerationProperties properties;

	private final AuditLog audit;

	private final TransactionalOperator transaction;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	QueueDecisions(ListingService listings, Reports reports, ItemReports itemReports, PostingBlocks blocks,
			ModerationDecisions decisions, CoordinatorAreas areas, ReportableTypes reportable,
			ModerationProperties properties, AuditLog audit, TransactionalOperator transaction, Clock clock,
			ApplicationEventPublisher events) {
		this.listings = listings;
		this.reports = reports;
		this.itemReports = itemReports;
		this.blocks = blocks;
		this.decisions = decisions;
		this.areas = areas;
		this.reportable = reportable;
		this.properties = properties;
		this.audit = audit;
		this.transaction = transaction;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * See
	 * {@link ModerationService#decide(Member, UUID, Decision, Long, String, String, Integer)}.
	 */
	Mono<Listing> decide(Member coordinator, UUID listingId, Decision decision, Long version, String reason,
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
		checkNote(note, problems);
		if (decision == Decision.BLOCK && (blockDays == null || blockDays < ModerationService.BLOCK_FOR_GOOD
				|| blockDays > ModerationService.MAX_BLOCK_DAYS)) {
			problems.add(new FieldProblem("blockDays", "moderation.block-days", ModerationService.MAX_BLOCK_DAYS));
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
				.filter((listing) -> CoordinatorAreas.covers(areas, listing.placeName(), listing.district()))
				.switchIfEmpty(Mono.error(() -> new ListingNotFound(listingId))))
			.then();
		String recordedReason = recordedReason(reasoned, reason, note);
		boolean forGood = blockDays != null && blockDays == ModerationService.BLOCK_FOR_GOOD;
		return inArea.then(this.listings.decide(listingId, version, decision.status()))
			.flatMap((decided) -> this.reports.resolve(listingId, now)
				.flatMap((resolved) -> this.audit.record(coordinator.accountId(), decision.action(), "listing",
						listingId.toString(),
						"version " + version + ", reports " + resolved + ((decision == Decision.BLOCK)
								? ", author blocked " + (forGood ? "for good" : "for " + blockDays + " days") : ""),
						recordedReason))
				.then(this.decisions.record(listingId, decision, reasoned ? reason : null,
						(note != null && !note.isBlank()) ? note.strip() : null, now, coordinator.accountId()))
				.then((decision == Decision.BLOCK) ? this.blocks.block(decided.ownerAccountId(),
						forGood ? FOR_GOOD : now.plus(Duration.ofDays(blockDays)), coordinator.accountId(),
						recordedReason) : Mono.empty())
				.thenReturn(decided))
			.as(this.transaction::transactional)
			// Only after the commit: a listener (the author's notice) must never see a
			// decision that was rolled back.
			.doOnNext((decided) -> this.events
				.publishEvent(new ListingDecided(decided.id(), decided.ownerAccountId(), decision, now)));
	}

	/** See {@link ModerationService#decideItem}. */
	Mono<ReportedItem> decideItem(Member coordinator, String type, UUID id, Decision decision, String reason,
			String note) {
		if (!coordinator.isCoordinator()) {
			return Mono.error(QueueNotFound::new);
		}
		ReportableItems items = this.reportable.get(type);
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
		checkNote(note, problems);
		if (!problems.isEmpty()) {
			return Mono.error(new InvalidModeration(problems));
		}
		Instant now = this.clock.instant();
		String recordedReason = recordedReason(reasoned, reason, note);
		return this.areas.of(coordinator.accountId())
			.collectList()
			.zipWith(items.describe(id).switchIfEmpty(Mono.error(() -> new ReportableItemNotFound(type, id))))
			.filter((both) -> CoordinatorAreas.covers(both.getT1(), both.getT2().placeName(), both.getT2().district()))
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

	private static void checkNote(String note, List<FieldProblem> problems) {
		if (note != null && note.length() > ModerationService.MAX_REPORT_TEXT) {
			problems.add(new FieldProblem("note", "report.text-too-long", ModerationService.MAX_REPORT_TEXT));
		}
	}

	/** The reason and the note as the audit log keeps them. */
	private static String recordedReason(boolean reasoned, String reason, String note) {
		boolean noted = note != null && !note.isBlank();
		if (reasoned) {
			return reason + (noted ? ": " + note.strip() : "");
		}
		return noted ? note.strip() : null;
	}

}
