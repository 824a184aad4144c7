package de.pinnwand.accounts;

/**
 * Whether and how often a member wants notices by e-mail; in the portal they always get
 * them.
 */
public enum EmailNotifications {

	NEVER, IMMEDIATELY, DAILY

}
