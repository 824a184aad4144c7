package de.pinnwand.moderation;

import java.util.List;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The districts and municipalities each coordinator reviews, in PostgreSQL; none means
 * everywhere.
 */
@Repository
class CoordinatorAreas {

	private final DatabaseClient database;

	CoordinatorAreas(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Whether the municipality or district is among the areas; no areas cover everywhere.
	 */
	static boolean covers(List<String> areas, String placeName, String district) {
		return areas.isEmpty() || areas.stream()
			.anyMatch((area) -> area.equalsIgnoreCase(placeName) || area.equalsIgnoreCase(district));
	}

	/** The coordinator's areas, alphabetically; empty for one who reviews everywhere. */
	Flux<String> of(UUID accountId) {
		return this.database.sql("select area from coordinator_area where account_id = :account order by area")
			.bind("account", accountId)
			.map((row, meta) -> row.get("area", String.class))
			.all();
	}

	/** Replaces the coordinator's areas with these. */
	Mono<Void> replace(UUID accountId, List<String> areas) {
		return this.database.sql("delete from coordinator_area where account_id = :account")
			.bind("account", accountId)
			.then()
			.thenMany(Flux.fromIterable(areas)
				.concatMap((area) -> this.database
					.sql("insert into coordinator_area (account_id, area) values (:account, :area)")
					.bind("account", accountId)
					.bind("area", area)
					.then()))
			.then();
	}

	/** A coordinator as admins see them when scoping. */
	record Coordinator(UUID accountId, String displayName) {
	}

	/** The accounts with the coordinator role, by name. */
	Flux<Coordinator> coordinators() {
		return this.database
			.sql("select a.id, a.display_name from account a where exists (select 1 from account_role r "
					+ "where r.account_id = a.id and r.role = 'COORDINATOR') order by lower(a.display_name), a.id")
			.map((row, meta) -> new Coordinator(row.get("id", UUID.class), row.get("display_name", String.class)))
			.all();
	}

}
