package de.pinnwand.moderation;

import java.time.Clock;
import java.util.UUID;

import de.pinnwand.audit.AuditLog;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Review of a new item of another module (e.g. an activity) whose author's listings would
 * wait too (see {@link Premoderation#mustReview}): the item is hidden through its
 * {@link ReportableItems} and waits in the queue, without reports, until a coordinator
 * shows it ({@link Decision#APPROVE}) or closes it. The module that stores the item asks;
 * this type needs none of the modules it serves, so they can depend on it without a
 * cycle.
 */
@Component
public class NewItemReview {

	private final Premoderation premoderation;

	private final ItemReports itemReports;

	private final AuditLog audit;

	private final Clock clock;

	NewItemReview(Premoderation premoderation, ItemReports itemReports, AuditLog audit, Clock clock) {
		this.premoderation = premoderation;
		this.itemReports = itemReports;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Holds the new item for review when its author's listings would wait. Call it in the
	 * transaction that stores the item; the hold is audited.
	 * @return whether the item waits for review
	 */
	public Mono<Boolean> holdIfNeeded(ReportableItems items, UUID id, UUID authorAccountId, UUID organisationId) {
		String type = items.type();
		return this.premoderation.mustReview(authorAccountId, organisationId)
			.filter(Boolean::booleanValue)
			.flatMap((review) -> this.itemReports.hold(type, id, this.clock.instant())
				.filter(Boolean::booleanValue)
				.flatMap((held) -> items.hide(id)
					.then(this.audit.record(authorAccountId, ModerationAudit.HELD, type, id.toString(),
							"new member or unverified organisation", null)))
				.thenReturn(true))
			.defaultIfEmpty(false);
	}

}
