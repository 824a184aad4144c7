package de.pinnwand.organisations;

import de.pinnwand.web.NotFound;

/**
 * No organisation with that id, or (for managing it) the one asking is not its admin:
 * both answer alike.
 */
public class OrganisationNotFound extends NotFound {

	public OrganisationNotFound(Object id) {
		super("Organisation " + id + " not found");
	}

}
