package de.pinnwand.activities;

import java.util.UUID;

import de.pinnwand.places.Place;

/**
 * Which upcoming activities to show; every part is optional.
 *
 * @param text words to find in the title or description
 * @param language an ISO 639 code the activity is held in
 * @param near a place, with {@code radiusKm}
 */
public record ActivityFilter(UUID organisationId, String text, String language, Place near, int radiusKm) {

	public static ActivityFilter none() {
		return new ActivityFilter(null, null, null, null, 0);
	}

	public static ActivityFilter organisation(UUID organisationId) {
		return new ActivityFilter(organisationId, null, null, null, 0);
	}

}
