package de.pinnwand.moderation;

import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Whether an organisation is verified, which lets its listings go up without review; the
 * organisations feature answers (it needs moderation for reports, so moderation asks
 * through this interface).
 */
public interface VerifiedOrganisations {

	/** True for a verified organisation; false for any other and for an unknown id. */
	Mono<Boolean> isVerified(UUID organisationId);

}
