package de.pinnwand.listings;

import java.util.List;
import java.util.UUID;

import de.pinnwand.accounts.MemberLeaving;
import de.pinnwand.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * A member who deletes their account takes their own listings with them (through the
 * search outbox they leave the index too); listings they made for an organisation stay
 * with it. The removed ids are announced as {@link ListingChanged} once the deletion
 * committed, and the audit log notes how many went.
 */
@Component
class ListingsOfLeavingMember implements MemberLeaving {

	private final ListingService listings;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	ListingsOfLeavingMember(ListingService listings, AuditLog audit, ApplicationEventPublisher events) {
		this.listings = listings;
		this.audit = audit;
		this.events = events;
	}

	@Override
	public Mono<Void> leave(UUID accountId) {
		return this.listings.removeAllOf(accountId)
			.filter((removed) -> !removed.isEmpty())
			.flatMap((removed) -> this.audit
				.record(accountId, ListingAudit.REMOVED_WITH_ACCOUNT, "account", accountId.toString(),
						removed.size() + " listing(s) removed", null)
				.then(announceAfterCommit(removed)));
	}

	private Mono<Void> announceAfterCommit(List<UUID> removed) {
		return TransactionSynchronizationManager.forCurrentTransaction().doOnNext((transaction) -> {
			if (transaction.isSynchronizationActive()) {
				transaction.registerSynchronization(new TransactionSynchronization() {
					@Override
					public Mono<Void> afterCommit() {
						return Mono.fromRunnable(() -> announce(removed));
					}
				});
			}
			else {
				announce(removed);
			}
		}).then();
	}

	private void announce(List<UUID> removed) {
		removed.forEach((id) -> this.events.publishEvent(new ListingChanged(id)));
	}

}
