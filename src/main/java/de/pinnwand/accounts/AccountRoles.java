package de.pinnwand.accounts;

import java.time.Instant;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Portal-wide roles of accounts in PostgreSQL, each with where it came from: the
 * provider's groups ({@code PROVIDER}) or an admin or set-up ({@code PORTAL}).
 */
@Repository
class AccountRoles {

	private final DatabaseClient database;

	AccountRoles(DatabaseClient database) {
		this.database = database;
	}

	/** A role of an account and where it came from. */
	record RoleRow(Role role, String source) {
	}

	/** The account's roles. */
	Flux<RoleRow> of(UUID accountId) {
		return this.database.sql("select role, source from account_role where account_id = :id")
			.bind("id", accountId)
			.map((row, meta) -> new RoleRow(Role.valueOf(row.get("role", String.class)),
					row.get("source", String.class)))
			.all();
	}

	/** Grants the role; one the account has already stays as it is. */
	Mono<Void> insert(UUID accountId, Role role, String source, Instant at) {
		return this.database
			.sql("insert into account_role (account_id, role, source, granted_at) values (:id, :role, :source, :at) "
					+ "on conflict do nothing")
			.bind("id", accountId)
			.bind("role", role.name())
			.bind("source", source)
			.bind("at", at)
			.then();
	}

	/** Takes the role away; how many rows went. */
	Mono<Long> delete(UUID accountId, Role role) {
		return this.database.sql("delete from account_role where account_id = :id and role = :role")
			.bind("id", accountId)
			.bind("role", role.name())
			.fetch()
			.rowsUpdated();
	}

}
