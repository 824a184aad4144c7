package de.pinnwand.organisations;

/**
 * What kind of organisation it is; each has a label
 * {@code organisation.type.<name in lower case>}.
 */
public enum OrganisationType {

	WELFARE_ASSOCIATION, COUNSELLING_SERVICE, AUTHORITY, ASSOCIATION, VOLUNTEER_GROUP, COMPANY, MEETING_PLACE;

	/**
	 * The type a form field, query parameter or JSON value names (any case); null for
	 * none or an unknown one.
	 */
	public static OrganisationType parse(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
