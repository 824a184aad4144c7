package de.pinnwand.organisations;

import de.pinnwand.web.NotFound;

/**
 * An invitation link that is unknown, used or expired: all three answer alike, so links
 * cannot be probed.
 */
public class InvitationNotFound extends NotFound {

	public InvitationNotFound() {
		super("Invitation not found");
	}

}
