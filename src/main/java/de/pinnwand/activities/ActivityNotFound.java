package de.pinnwand.activities;

import java.util.UUID;

import de.pinnwand.web.NotFound;

/** No activity with that id is visible to the one asking (or they may not manage it). */
public class ActivityNotFound extends NotFound {

	public ActivityNotFound(UUID id) {
		super("Activity " + id + " not found");
	}

}
