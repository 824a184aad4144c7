package de.pinnwand.listings;

import java.util.List;
import java.util.UUID;

/**
 * What someone typed to post a listing, before it is checked. Any field may be missing or wrong.
 *
 * @param place a postcode or a place name from the gazetteer
 * @param reachKm how far the poster can go or the help reaches; null for the default
 * @param submissionKey the form's one-time key, so a double-clicked submit stores one listing
 */
public record ListingDraft(String kind, String title, String description, List<String> topics,
		List<String> languages, String textLanguage, String place, Integer reachKm, UUID submissionKey) {

}
