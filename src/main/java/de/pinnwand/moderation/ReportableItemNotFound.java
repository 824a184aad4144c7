package de.pinnwand.moderation;

import de.pinnwand.web.NotFound;

/** No item of that type and id that could be reported or decided about. */
public class ReportableItemNotFound extends NotFound {

	public ReportableItemNotFound(String type, Object id) {
		super("No reportable " + type + " " + id);
	}

}
