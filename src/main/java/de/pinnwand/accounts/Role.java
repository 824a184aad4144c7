package de.pinnwand.accounts;

/**
 * Portal-wide roles beyond being a member; organisation roles belong to each
 * organisation.
 */
public enum Role {

	/** The Ehrenamtskoordination: moderates and verifies organisations. */
	COORDINATOR,

	/** Runs the portal: roles, audit log, search index. */
	ADMIN,

	/** Corrects the interface's texts in the app (granted by an admin, audited). */
	TRANSLATOR

}
