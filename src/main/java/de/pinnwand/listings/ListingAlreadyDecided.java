package de.pinnwand.listings;

import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A review decision was made on an outdated version of a listing, or the listing no
 * longer waits for review: it is not applied (409), so no decision is ever taken twice.
 */
public class ListingAlreadyDecided extends OptimisticLockingFailureException {

	public ListingAlreadyDecided(UUID id) {
		super("Listing " + id + " changed or was decided in the meantime");
	}

}
