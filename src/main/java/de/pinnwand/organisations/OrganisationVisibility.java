package de.pinnwand.organisations;

import java.time.Clock;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Whether an organisation is hidden: taken down after reports until a coordinator
 * decides, or closed by one. Kept in its own column, apart from the profile its admins
 * save, so that no save can bring it back.
 */
@Repository
class OrganisationVisibility {

	private final DatabaseClient database;

	private final Clock clock;

	OrganisationVisibility(DatabaseClient database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	/** Whether the organisation is hidden; false for none. */
	Mono<Boolean> hidden(UUID id) {
		return this.database.sql("select hidden_at is not null as hidden from organisation where id = :id")
			.bind("id", id)
			.map((row, meta) -> row.get("hidden", Boolean.class))
			.one()
			.defaultIfEmpty(false);
	}

	Mono<Void> hide(UUID id) {
		return this.database.sql("update organisation set hidden_at = :at where id = :id and hidden_at is null")
			.bind("at", this.clock.instant())
			.bind("id", id)
			.then();
	}

	Mono<Void> restore(UUID id) {
		return this.database.sql("update organisation set hidden_at = null where id = :id").bind("id", id).then();
	}

}
