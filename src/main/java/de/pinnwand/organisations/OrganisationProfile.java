package de.pinnwand.organisations;

import java.util.List;

/**
 * What an organisation's admin types into its profile, unchecked;
 * {@link OrganisationService} checks it.
 *
 * @param type the name of an {@link OrganisationType}
 * @param languages the languages spoken there (codes of
 * {@link de.pinnwand.system.Languages})
 * @param postcode the postcode of its public address
 */
public record OrganisationProfile(String name, String type, String description, List<String> languages,
		String publicAddress, String postcode, String openingHours, String contactEmail, String contactPhone,
		String website) {

	/** The profile of a stored organisation, to fill the edit form. */
	public static OrganisationProfile of(Organisation organisation) {
		return new OrganisationProfile(organisation.name(), organisation.type().name(), organisation.description(),
				organisation.languages(), organisation.publicAddress(), organisation.postcode(),
				organisation.openingHours(), organisation.contactEmail(), organisation.contactPhone(),
				organisation.website());
	}

}
