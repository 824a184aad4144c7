package de.pinnwand.accounts;

import java.util.UUID;

import de.pinnwand.audit.AuditLog;
import de.pinnwand.listings.ListingChanged;
import de.pinnwand.listings.ListingService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A member deletes their account (DSGVO Art. 17). In one transaction: their own listings go (and, through the
 * search outbox, leave the index), the account row goes and with it, by foreign-key cascades, their roles,
 * memberships, activity sign-ups and saved searches; features that must do more first take part as
 * {@link MemberLeaving} (a freed place at an activity goes to the next one waiting). Listings and activities they made for an organisation
 * stay with it without their name. The audit log keeps its entries: they name the account id only, and the
 * log is append-only by design (Art. 17 (3) b/e: accountability of moderation decisions).
 */
@Service
public class AccountDeletion {

	private final ListingService listings;

	private final DatabaseClient database;

	private final AuditLog audit;

	private final TransactionalOperator transaction;

	private final ApplicationEventPublisher events;

	private final java.util.List<MemberLeaving> parts;

	AccountDeletion(ListingService listings, DatabaseClient database, AuditLog audit,
			TransactionalOperator transaction, ApplicationEventPublisher events, java.util.List<MemberLeaving> parts) {
		this.parts = parts;
		this.listings = listings;
		this.database = database;
		this.audit = audit;
		this.transaction = transaction;
		this.events = events;
	}

	/** Deletes the account; an account that is already gone is fine (a form sent twice). */
	public Mono<Void> delete(UUID accountId) {
		return reactor.core.publisher.Flux.fromIterable(this.parts)
			.concatMap((part) -> part.leave(accountId))
			.then(this.listings.removeAllOf(accountId))
			.flatMap((removed) -> this.database.sql("delete from account where id = :id")
				.bind("id", accountId)
				.fetch()
				.rowsUpdated()
				.flatMap((deleted) -> (deleted > 0) ? this.audit.record(accountId, "account.deleted", "account",
						accountId.toString(), removed.size() + " listing(s) removed", null) : Mono.<Void>empty())
				.thenReturn(removed))
			.as(this.transaction::transactional)
			.doOnNext((removed) -> removed.forEach((id) -> this.events.publishEvent(new ListingChanged(id))))
			.then();
	}

}
