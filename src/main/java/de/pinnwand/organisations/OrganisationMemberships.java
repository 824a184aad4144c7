package de.pinnwand.organisations;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.listings.OrganisationStewards;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who belongs to which organisation, in which role. Members post listings and activities
 * for it; its admins also manage its profile and members.
 */
@Component
public class OrganisationMemberships implements OrganisationStewards {

	private final DatabaseClient database;

	private final Clock clock;

	OrganisationMemberships(DatabaseClient database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	/** A membership of one account in one organisation. */
	public record Membership(UUID organisationId, UUID accountId, OrganisationRole role) {
	}

	/** The member's role in the organisation, or empty when they do not belong to it. */
	public Mono<OrganisationRole> roleOf(UUID accountId, UUID organisationId) {
		if (accountId == null || organisationId == null) {
			return Mono.empty();
		}
		return this.database
			.sql("select role from organisation_member where account_id = :account and organisation_id = :organisation")
			.bind("account", accountId)
			.bind("organisation", organisationId)
			.map((row, meta) -> OrganisationRole.valueOf(row.get("role", String.class)))
			.one();
	}

	/** The organisations an account belongs to. */
	public Flux<Membership> of(UUID accountId) {
		return this.database
			.sql("select organisation_id, account_id, role from organisation_member where account_id = :account")
			.bind("account", accountId)
			.map((row, meta) -> new Membership(row.get("organisation_id", UUID.class),
					row.get("account_id", UUID.class), OrganisationRole.valueOf(row.get("role", String.class))))
			.all();
	}

	/** An organisation's members. */
	public Flux<Membership> members(UUID organisationId) {
		return this.database.sql(
				"select organisation_id, account_id, role from organisation_member where organisation_id = :organisation "
						+ "order by joined_at")
			.bind("organisation", organisationId)
			.map((row, meta) -> new Membership(row.get("organisation_id", UUID.class),
					row.get("account_id", UUID.class), OrganisationRole.valueOf(row.get("role", String.class))))
			.all();
	}

	/**
	 * Adds a member or changes their role. Callers check who may do it and write the
	 * audit entry.
	 */
	public Mono<Void> put(UUID organisationId, UUID accountId, OrganisationRole role) {
		return this.database
			.sql("insert into organisation_member (organisation_id, account_id, role, joined_at) "
					+ "values (:organisation, :account, :role, :at) "
					+ "on conflict (organisation_id, account_id) do update set role = excluded.role")
			.bind("organisation", organisationId)
			.bind("account", accountId)
			.bind("role", role.name())
			.bind("at", this.clock.instant())
			.then();
	}

	public Mono<Long> remove(UUID organisationId, UUID accountId) {
		return this.database
			.sql("delete from organisation_member where organisation_id = :organisation and account_id = :account")
			.bind("organisation", organisationId)
			.bind("account", accountId)
			.fetch()
			.rowsUpdated();
	}

	@Override
	public Mono<Boolean> canPostFor(UUID accountId, UUID organisationId) {
		return roleOf(accountId, organisationId).hasElement();
	}

	@Override
	public Mono<Boolean> canManage(UUID accountId, UUID organisationId) {
		return roleOf(accountId, organisationId).hasElement();
	}

	@Override
	public Flux<OrganisationName> organisationsOf(UUID accountId) {
		return this.database
			.sql("select o.id, o.name from organisation_member m join organisation o on o.id = m.organisation_id "
					+ "where m.account_id = :account order by lower(o.name)")
			.bind("account", accountId)
			.map((row, meta) -> new OrganisationName(row.get("id", UUID.class), row.get("name", String.class)))
			.all();
	}

	@Override
	public Mono<Map<UUID, String>> names(Collection<UUID> organisationIds) {
		if (organisationIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database.sql("select id, name from organisation where id = any(:ids)")
			.bind("ids", organisationIds.toArray(UUID[]::new))
			.map((row, meta) -> new OrganisationName(row.get("id", UUID.class), row.get("name", String.class)))
			.all()
			.collectMap(OrganisationName::id, OrganisationName::name);
	}

	/** How many admins the organisation has; it must always keep one. */
	Mono<Long> adminCount(UUID organisationId) {
		return this.database.sql(
				"select count(*) as admins from organisation_member where organisation_id = :organisation and role = 'ADMIN'")
			.bind("organisation", organisationId)
			.map((row, meta) -> row.get("admins", Long.class))
			.one();
	}

}
