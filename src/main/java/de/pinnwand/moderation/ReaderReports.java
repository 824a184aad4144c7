package de.pinnwand.moderation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import de.pinnwand.audit.AuditLog;
import de.pinnwand.listings.ListingService;
import de.pinnwand.system.FieldProblem;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Readers reporting listings and other items; enough distinct reporters take an item off
 * the board into the queue.
 */
@Component
class ReaderReports {

	private final ListingService listings;

	private final Reports reports;

	private final ItemReports itemReports;

	private final ReportableTypes reportable;

	private final ModerationProperties properties;

	private final AuditLog audit;

	private final TransactionalOperator transaction;

	private final Clock clock;

	private final byte[] salt;

	ReaderReports(ListingService listings, Reports reports, ItemReports itemReports, ReportableTypes reportable,
			ModerationProperties properties, AuditLog audit, TransactionalOperator transaction, Clock clock) {
		this.listings = listings;
		this.reports = reports;
		this.itemReports = itemReports;
		this.reportable = reportable;
		this.properties = properties;
		this.audit = audit;
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

	/** See {@link ModerationService#report}. */
	Mono<Void> report(UUID listingId, UUID reporterAccountId, String address, String reason, String text) {
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

	/** See {@link ModerationService#reportItem}. */
	Mono<Void> reportItem(String type, UUID id, UUID reporterAccountId, String clientAddress, String reason,
			String text) {
		if (ModerationService.LISTING.equals(type)) {
			return report(id, reporterAccountId, clientAddress, reason, text);
		}
		ReportableItems items = this.reportable.get(type);
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

	/** See {@link ModerationService#reportable}. */
	Mono<ReportedItem> reportable(String type, UUID id) {
		ReportableItems items = this.reportable.get(type);
		if (items == null || id == null) {
			return Mono.error(() -> new ReportableItemNotFound(type, id));
		}
		return items.describe(id)
			.filter(ReportedItem::publiclyVisible)
			.switchIfEmpty(Mono.error(() -> new ReportableItemNotFound(type, id)));
	}

	private InvalidModeration checkReport(String reason, String text) {
		List<FieldProblem> problems = new ArrayList<>();
		if (reason == null || !this.properties.reportReasons().contains(reason)) {
			problems.add(new FieldProblem("reason", "report.reason"));
		}
		if (text != null && text.length() > ModerationService.MAX_REPORT_TEXT) {
			problems.add(new FieldProblem("text", "report.text-too-long", ModerationService.MAX_REPORT_TEXT));
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
