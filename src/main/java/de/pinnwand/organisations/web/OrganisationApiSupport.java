package de.pinnwand.organisations.web;

import java.util.Locale;

import de.pinnwand.organisations.InvalidOrganisation;
import de.pinnwand.organisations.OrganisationRole;
import de.pinnwand.organisations.OrganisationType;

/** Reading types and roles from query parameters, form fields and JSON bodies. */
final class OrganisationApiSupport {

	private OrganisationApiSupport() {
	}

	/** The type, or null for none or an unknown one (a list filter then shows all). */
	static OrganisationType type(String value) {
		return OrganisationType.parse(value);
	}

	/** The role, null for none; an unknown one is refused with a field error. */
	static OrganisationRole role(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return OrganisationRole.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidOrganisation("role", "organisation.role.unknown");
		}
	}

}
