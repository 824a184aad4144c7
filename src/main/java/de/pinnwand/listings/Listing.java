package de.pinnwand.listings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An offer or a request on the notice board. Its place is a postcode centroid, never a street address.
 *
 * @param version optimistic lock, also the external version of the search document
 */
@Table("listing")
public record Listing(@Id UUID id, ListingKind kind, ListingStatus status, String title, String description,
		List<String> topics, List<String> languages, String textLanguage, String postcode, String placeName,
		String district, double latitude, double longitude, int reachKm, UUID submissionKey, Instant createdAt,
		Instant updatedAt, Instant expiresAt, @Version Long version) {

	/** Whether people can see and find it now. */
	public boolean isPublic(Instant now) {
		return this.status == ListingStatus.PUBLISHED && this.expiresAt.isAfter(now);
	}

}
