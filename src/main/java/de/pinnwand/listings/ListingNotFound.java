package de.pinnwand.listings;

import java.util.UUID;

import de.pinnwand.web.NotFound;

/** No listing with that id is visible to the one asking. */
public class ListingNotFound extends NotFound {

	public ListingNotFound(UUID id) {
		super("Listing " + id + " not found");
	}

}
