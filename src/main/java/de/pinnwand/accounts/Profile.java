package de.pinnwand.accounts;

import java.util.List;

/**
 * What a member can say about themselves. Deliberately short: no real name, legal status,
 * nationality or birth date.
 */
public record Profile(String displayName, List<String> languages, String homePostcode, String contactEmail,
		String contactPhone, EmailNotifications emailNotifications, String interfaceLanguage) {

}
