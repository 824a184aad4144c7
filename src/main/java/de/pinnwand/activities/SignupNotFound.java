package de.pinnwand.activities;

import java.time.LocalDate;
import java.util.UUID;

import de.pinnwand.web.NotFound;

/** The member has no sign-up for that occurrence of the activity. */
public class SignupNotFound extends NotFound {

	public SignupNotFound(UUID activityId, LocalDate occurrence) {
		super("No sign-up for activity " + activityId + " on " + occurrence);
	}

}
