package de.pinnwand.organisations;

/** A member's role in one organisation. */
public enum OrganisationRole {

	/** Posts listings and activities for the organisation. */
	MEMBER,

	/** Also edits the profile, invites and removes members. */
	ADMIN

}
