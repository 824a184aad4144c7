package de.pinnwand.accounts;

import java.util.List;
import java.util.UUID;

import de.pinnwand.audit.AuditLog;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A member deletes their account (DSGVO Art. 17). In one transaction: features that must
 * do more than the foreign-key cascades take part as {@link MemberLeaving} (their own
 * listings go and leave the index, a freed place at an activity goes to the next one
 * waiting, reports they filed stop naming them), then the account row goes and with it,
 * by cascades, their roles, memberships, activity sign-ups and saved searches. Listings
 * and activities they made for an organisation stay with it without their name. The audit
 * log keeps its entries: they name the account id only, and the log is append-only by
 * design (Art. 17 (3) b/e: accountability of moderation decisions).
 */
@Service
public class AccountDeletion {

	private final DatabaseClient database;

	private final AuditLog audit;

	private final TransactionalOperator transaction;

	private final List<MemberLeaving> parts;

	AccountDeletion(DatabaseClient database, AuditLog audit, TransactionalOperator transaction,
			List<MemberLeaving> parts) {
		this.parts = parts;
		this.database = database;
		this.audit = audit;
		this.transaction = transaction;
	}

	/**
	 * Deletes the account; an account that is already gone is fine (a form sent twice).
	 */
	public Mono<Void> delete(UUID accountId) {
		return Flux.fromIterable(this.parts)
			.concatMap((part) -> part.leave(accountId))
			.then(this.database.sql("delete from account where id = :id").bind("id", accountId).fetch().rowsUpdated())
			.flatMap((deleted) -> (deleted > 0)
					? this.audit.record(accountId, AccountAudit.DELETED, "account", accountId.toString(), null, null)
					: Mono.<Void>empty())
			.as(this.transaction::transactional)
			.then();
	}

}
