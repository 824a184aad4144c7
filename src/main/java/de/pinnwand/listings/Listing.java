package de.pinnwand.listings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An offer or a request on the notice board. Its place is a postcode centroid, never a
 * street address.
 *
 * @param submissionKeyHash SHA-256 of the form's submission key: a form posted twice
 * stores one listing
 * @param timeFrame when the help is available, in {@link TimeFrame}'s stored form; null
 * for none
 * @param capacity for how many people; null for not said
 * @param languageNeed for a request, whether it needs a shared language, takes any, or
 * asks for an interpreter
 * @param ownerAccountId the account that posted it
 * @param organisationId the organisation it was posted on behalf of; null for a person's
 * own listing
 * @param version optimistic lock, also the external version of the search document
 */
@Table("listing")
public record Listing(@Id UUID id, ListingKind kind, ListingStatus status, String title, String description,
		List<String> topics, List<String> languages, String textLanguage, String postcode, String placeName,
		String district, double latitude, double longitude, int reachKm, String submissionKeyHash, String timeFrame,
		Integer capacity, LanguageNeed languageNeed, UUID ownerAccountId, UUID organisationId, Instant createdAt,
		Instant updatedAt, Instant expiresAt, @Version Long version) {

	/** A copy with another status, e.g. withdrawn or fulfilled. */
	Listing withStatus(ListingStatus status, Instant now) {
		return new Listing(this.id, this.kind, status, this.title, this.description, this.topics, this.languages,
				this.textLanguage, this.postcode, this.placeName, this.district, this.latitude, this.longitude,
				this.reachKm, this.submissionKeyHash, this.timeFrame, this.capacity, this.languageNeed,
				this.ownerAccountId, this.organisationId, this.createdAt, now, this.expiresAt, this.version);
	}

	/**
	 * A copy that stays up until {@code expiresAt}, published again if it had expired.
	 */
	Listing renewedUntil(Instant expiresAt, Instant now) {
		ListingStatus status = (this.status == ListingStatus.EXPIRED) ? ListingStatus.PUBLISHED : this.status;
		return new Listing(this.id, this.kind, status, this.title, this.description, this.topics, this.languages,
				this.textLanguage, this.postcode, this.placeName, this.district, this.latitude, this.longitude,
				this.reachKm, this.submissionKeyHash, this.timeFrame, this.capacity, this.languageNeed,
				this.ownerAccountId, this.organisationId, this.createdAt, now, expiresAt, this.version);
	}

	/** Whether people can see and find it now. */
	public boolean isPublic(Instant now) {
		return this.status == ListingStatus.PUBLISHED && this.expiresAt.isAfter(now);
	}

}
