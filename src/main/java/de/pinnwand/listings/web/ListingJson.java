package de.pinnwand.listings.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.pinnwand.listings.Listing;
import de.pinnwand.listings.TimeFrame;
import org.springframework.modulith.NamedInterface;

/**
 * A listing in the JSON API. The place is a postcode centroid; nothing in it identifies a
 * person.
 *
 * @param timeFrame when the help is available; null for not said
 * @param capacity for how many people; null for not said
 * @param organisation the id of the organisation it is posted for; null for a person's
 * own listing
 * @param languageNeed SHARED, ANY (a request that takes help in any language) or
 * INTERPRETER (one that asks for an interpreter)
 * @param organisationName that organisation's name; null for a person's own listing (and
 * in search results)
 * @param review why a coordinator's decision left it where it is; only for its owner,
 * left out otherwise
 * @param version the version a replacement ({@code PUT}) must name, so that what was read
 * can be sent back
 */
@NamedInterface("listing-views")
public record ListingJson(String id, String kind, String status, String title, String description, List<String> topics,
		List<String> languages, String textLanguage, PlaceJson place, int reachKm, TimeFrameJson timeFrame,
		Integer capacity, String languageNeed, String organisation, String organisationName, Instant createdAt,
		Instant expiresAt, @JsonInclude(JsonInclude.Include.NON_NULL) ReviewJson review, Long version) {

	/**
	 * A coordinator's decision as its author reads it.
	 *
	 * @param decision REJECT, CLOSE, BLOCK or ASK_FOR_CHANGES
	 * @param reason the reason code; null for none
	 * @param note what to change, when changes were asked for; null otherwise
	 * @param text the decision and its reason in the reader's language, e.g. 'Rejected:
	 * Commercial offer'
	 */
	public record ReviewJson(String decision, String reason, String note, String text) {
	}

	/** This listing with why a coordinator decided as they did, for its owner. */
	public ListingJson withReview(ReviewJson review) {
		return new ListingJson(this.id, this.kind, this.status, this.title, this.description, this.topics,
				this.languages, this.textLanguage, this.place, this.reachKm, this.timeFrame, this.capacity,
				this.languageNeed, this.organisation, this.organisationName, this.createdAt, this.expiresAt, review,
				this.version);
	}

	/** Where a listing is, as a postcode centroid. */
	public record PlaceJson(String name, String postcode, String district, double lat, double lon) {
	}

	/**
	 * When help is available.
	 *
	 * @param type DATE, WEEKLY or FLEXIBLE
	 * @param date the day of a DATE time frame, yyyy-MM-dd
	 * @param weekday the day of a WEEKLY slot, 1 (Monday) to 7
	 * @param from start of a WEEKLY slot, HH:mm, or null
	 * @param to end of a WEEKLY slot, HH:mm, or null
	 */
	public record TimeFrameJson(String type, String date, Integer weekday, String from, String to) {

		public static TimeFrameJson of(TimeFrame timeFrame) {
			if (timeFrame == null) {
				return null;
			}
			return new TimeFrameJson(timeFrame.type().name(),
					(timeFrame.date() != null) ? timeFrame.date().toString() : null,
					(timeFrame.weekday() != null) ? timeFrame.weekday().getValue() : null,
					(timeFrame.from() != null) ? timeFrame.from().toString() : null,
					(timeFrame.to() != null) ? timeFrame.to().toString() : null);
		}

	}

	public static ListingJson of(Listing listing) {
		return of(listing, null);
	}

	/**
	 * @param organisationName the name of the organisation it is posted for; null for
	 * none
	 */
	public static ListingJson of(Listing listing, String organisationName) {
		return new ListingJson(listing.id().toString(), listing.kind().name(), listing.status().name(), listing.title(),
				listing.description(), listing.topics(), listing.languages(), listing.textLanguage(),
				new PlaceJson(listing.placeName(), listing.postcode(), listing.district(), listing.latitude(),
						listing.longitude()),
				listing.reachKm(), TimeFrameJson.of(TimeFrame.parse(listing.timeFrame())), listing.capacity(),
				listing.languageNeed().name(),
				(listing.organisationId() != null) ? listing.organisationId().toString() : null, organisationName,
				listing.createdAt(), listing.expiresAt(), null, listing.version());
	}

}
