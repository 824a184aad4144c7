package de.pinnwand.activities;

import java.time.LocalDate;

/**
 * A sign-up as an activity's organisers see it: the display name and only the contact the
 * person chose to share.
 *
 * @param signupId the sign-up's number, by which organisers take it off the list
 * @param contact the shared e-mail address or phone number; null when they shared none
 * (or have none any more)
 */
public record Attendee(long signupId, LocalDate occurrence, String displayName, SignupStatus status, Integer position,
		SharedContact sharedContact, String contact) {

}
