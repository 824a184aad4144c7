package de.pinnwand.activities;

/**
 * An activity is on the board until its organisation cancels it; cancelled ones stay
 * readable with a notice.
 */
public enum ActivityStatus {

	PUBLISHED, CANCELLED

}
