package de.pinnwand.organisations.web;

import java.time.Instant;
import java.util.List;

import de.pinnwand.organisations.Organisation;

/**
 * An organisation in the JSON API. Its address and contact are public on purpose.
 *
 * @param type one of WELFARE_ASSOCIATION, COUNSELLING_SERVICE, AUTHORITY, ASSOCIATION,
 * VOLUNTEER_GROUP, COMPANY, MEETING_PLACE
 * @param logo the address of its logo (a PNG), or null for none
 * @param verified whether the coordination office verified it
 * @param version to send back with {@code PUT}; a change made in between answers 409
 */
public record OrganisationJson(String id, String name, String type, String description, List<String> languages,
		String publicAddress, String postcode, String openingHours, String contactEmail, String contactPhone,
		String website, String logo, boolean verified, Instant verifiedAt, long version) {

	static OrganisationJson of(Organisation organisation) {
		return new OrganisationJson(organisation.id().toString(), organisation.name(), organisation.type().name(),
				organisation.description(), organisation.languages(), organisation.publicAddress(),
				organisation.postcode(), organisation.openingHours(), organisation.contactEmail(),
				organisation.contactPhone(), organisation.website(), organisation.hasLogo()
						? "/organisations/" + organisation.id() + "/logo?v=" + organisation.version() : null,
				organisation.isVerified(), organisation.verifiedAt(), organisation.version());
	}

}
