package de.pinnwand.accounts.web;

import java.util.List;

import de.pinnwand.accounts.Account;
import de.pinnwand.accounts.EmailNotifications;
import de.pinnwand.accounts.InvalidProfile;
import de.pinnwand.accounts.Member;
import de.pinnwand.accounts.Profile;
import de.pinnwand.system.FieldProblem;

/**
 * The member's own profile in the JSON API ({@code /api/v1/me}). Only the member
 * themselves ever sees their contact details.
 */
record ProfileJson(String id, String displayName, List<String> languages, String homePostcode, String contactEmail,
		String contactPhone, String emailNotifications, String interfaceLanguage, List<String> roles) {

	static ProfileJson of(Account account, Member member) {
		return new ProfileJson(account.id().toString(), account.displayName(), account.languages(),
				account.homePostcode(), account.contactEmail(), account.contactPhone(),
				account.emailNotifications().name(), account.interfaceLanguage(),
				member.roles().stream().map(Enum::name).sorted().toList());
	}

	/** The fields a member can change. */
	record Change(String displayName, List<String> languages, String homePostcode, String contactEmail,
			String contactPhone, String emailNotifications, String interfaceLanguage) {

		Profile toProfile() {
			return new Profile(this.displayName, this.languages, this.homePostcode, this.contactEmail,
					this.contactPhone, notifications(this.emailNotifications), this.interfaceLanguage);
		}

		/** Blank means never; anything but the three choices is refused. */
		static EmailNotifications notifications(String value) {
			if (value == null || value.isBlank()) {
				return EmailNotifications.NEVER;
			}
			try {
				return EmailNotifications.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidProfile(List.of(new FieldProblem("emailNotifications", "choice.unknown")));
			}
		}

	}

}
