package de.pinnwand.listings;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who may post for an organisation and manage its listings; the organisations feature
 * answers. Without it, no one posts on behalf of an organisation.
 */
public interface OrganisationStewards {

	/** No organisations: nobody posts for one. */
	OrganisationStewards NONE = new OrganisationStewards() {

		@Override
		public Mono<Boolean> canPostFor(UUID accountId, UUID organisationId) {
			return Mono.just(false);
		}

		@Override
		public Mono<Boolean> canManage(UUID accountId, UUID organisationId) {
			return Mono.just(false);
		}

		@Override
		public Flux<OrganisationName> organisationsOf(UUID accountId) {
			return Flux.empty();
		}

		@Override
		public Mono<Map<UUID, String>> names(Collection<UUID> organisationIds) {
			return Mono.just(Map.of());
		}

	};

	/** An organisation as a listing shows it: its id and its name. */
	record OrganisationName(UUID id, String name) {
	}

	/** Whether the member may post a listing on behalf of the organisation. */
	Mono<Boolean> canPostFor(UUID accountId, UUID organisationId);

	/** Whether the member may change the organisation's listings. */
	Mono<Boolean> canManage(UUID accountId, UUID organisationId);

	/** The organisations the member may post for, by name. */
	Flux<OrganisationName> organisationsOf(UUID accountId);

	/** The names of organisations by id; unknown ids are left out. */
	Mono<Map<UUID, String>> names(Collection<UUID> organisationIds);

}
