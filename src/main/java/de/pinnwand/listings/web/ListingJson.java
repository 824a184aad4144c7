package de.pinnwand.listings.web;

import java.time.Instant;
import java.util.List;

import de.pinnwand.listings.Listing;

/**
 * A listing in the JSON API. The place is a postcode centroid; nothing in it identifies a person.
 *
 * @param timeFrame when the help is available; null until listings carry time frames
 * @param capacity for how many people; null until listings carry capacities
 * @param organisation the organisation it is posted for; null until organisations exist
 */
public record ListingJson(String id, String kind, String status, String title, String description,
		List<String> topics, List<String> languages, String textLanguage, PlaceJson place, int reachKm,
		String timeFrame, Integer capacity, String organisation, Instant createdAt, Instant expiresAt) {

	/** Where a listing is, as a postcode centroid. */
	public record PlaceJson(String name, String postcode, String district, double lat, double lon) {
	}

	public static ListingJson of(Listing listing) {
		return new ListingJson(listing.id().toString(), listing.kind().name(), listing.status().name(),
				listing.title(), listing.description(), listing.topics(), listing.languages(), listing.textLanguage(),
				new PlaceJson(listing.placeName(), listing.postcode(), listing.district(), listing.latitude(),
						listing.longitude()),
				listing.reachKm(), null, null, null, listing.createdAt(), listing.expiresAt());
	}

}
