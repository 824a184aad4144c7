package de.pinnwand.organisations;

import java.util.UUID;

import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The organisations table. */
public interface Organisations extends ReactiveCrudRepository<Organisation, UUID> {

	/**
	 * Every organisation the public may see (none hidden after reports) by name, without
	 * the logo's bytes (a list never shows them inline); never save one of these back.
	 */
	@Query("select id, name, type, description, languages, public_address, postcode, opening_hours, contact_email, "
			+ "contact_phone, website, null::bytea as logo, logo_type, verified_at, verified_by, created_at, "
			+ "updated_at, version from organisation where hidden_at is null order by lower(name)")
	Flux<Organisation> findAllByName();

	/**
	 * Whether another organisation (not {@code exceptId}) already has this name, in any
	 * case.
	 */
	@Query("select exists (select 1 from organisation where lower(name) = lower(:name) and id <> :exceptId)")
	Mono<Boolean> nameTaken(String name, UUID exceptId);

	@Query("select * from organisation where lower(name) = lower(:name)")
	Mono<Organisation> findByNameIgnoringCase(String name);

}
