package de.pinnwand.system;

import java.time.ZoneId;

/**
 * The portal's time zone: the dates and times people read and type (a listing's end, an
 * activity's start, the day of a digest or a figure's period) are the county's local
 * time, whatever zone the server runs in.
 */
public final class PortalZone {

	/** Germany's zone; the portal serves one German county. */
	public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	private PortalZone() {
	}

}
