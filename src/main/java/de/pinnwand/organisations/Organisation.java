package de.pinnwand.organisations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An organisation's public profile. Its address and contact are public on purpose, unlike
 * a person's.
 *
 * @param verifiedAt when the coordination office verified it; null for not verified
 */
@Table("organisation")
public record Organisation(@Id UUID id, String name, OrganisationType type, String description, List<String> languages,
		String publicAddress, String postcode, String openingHours, String contactEmail, String contactPhone,
		String website, byte[] logo, String logoType, Instant verifiedAt, UUID verifiedBy, Instant createdAt,
		Instant updatedAt, @Version Long version) {

	public boolean isVerified() {
		return this.verifiedAt != null;
	}

	public boolean hasLogo() {
		return this.logoType != null;
	}

}
