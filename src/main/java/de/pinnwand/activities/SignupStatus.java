package de.pinnwand.activities;

/**
 * A sign-up either has a place or waits for one; the first waiting moves up when a place
 * is freed.
 */
public enum SignupStatus {

	CONFIRMED, WAITING

}
