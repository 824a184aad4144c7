package de.pinnwand.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person's account. It holds the least the portal needs; contact details are private
 * and only ever shared by the member's own decision.
 *
 * @param subject the sign-in provider's stable id for the person (never the e-mail
 * address)
 * @param displayName the name others see; a pseudonym is fine
 * @param languages the languages the member can use (ISO 639 codes)
 * @param homePostcode the member's home area as a postcode, for distances; never an
 * address
 * @param interfaceLanguage the language the portal and its e-mails speak to the member in
 */
@Table("account")
public record Account(@Id UUID id, String subject, String displayName, List<String> languages, String homePostcode,
		String contactEmail, String contactPhone, EmailNotifications emailNotifications, String interfaceLanguage,
		Instant createdAt, Instant lastSignedInAt, @Version Long version) {

	Account signedInAt(Instant now) {
		return new Account(this.id, this.subject, this.displayName, this.languages, this.homePostcode,
				this.contactEmail, this.contactPhone, this.emailNotifications, this.interfaceLanguage, this.createdAt,
				now, this.version);
	}

	Account with(Profile profile) {
		return new Account(this.id, this.subject, profile.displayName(), profile.languages(), profile.homePostcode(),
				profile.contactEmail(), profile.contactPhone(), profile.emailNotifications(),
				profile.interfaceLanguage(), this.createdAt, this.lastSignedInAt, this.version);
	}

	/** The profile part of the account, as the member edits it. */
	public Profile profile() {
		return new Profile(this.displayName, this.languages, this.homePostcode, this.contactEmail, this.contactPhone,
				this.emailNotifications, this.interfaceLanguage);
	}

}
