package de.pinnwand.listings;

import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Who may post for an organisation and manage its listings; the organisations feature answers. Without it, no
 * one posts on behalf of an organisation.
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

	};

	/** Whether the member may post a listing on behalf of the organisation. */
	Mono<Boolean> canPostFor(UUID accountId, UUID organisationId);

	/** Whether the member may change the organisation's listings. */
	Mono<Boolean> canManage(UUID accountId, UUID organisationId);

}
