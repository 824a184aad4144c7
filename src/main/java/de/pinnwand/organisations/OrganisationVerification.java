package de.pinnwand.organisations;

import java.util.UUID;

import de.pinnwand.moderation.VerifiedOrganisations;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Tells premoderation which organisations are verified. */
@Component
class OrganisationVerification implements VerifiedOrganisations {

	private final Organisations organisations;

	OrganisationVerification(Organisations organisations) {
		this.organisations = organisations;
	}

	@Override
	public Mono<Boolean> isVerified(UUID organisationId) {
		return this.organisations.findById(organisationId).map(Organisation::isVerified).defaultIfEmpty(false);
	}

}
