package de.pinnwand.organisations;

/** What kind of organisation it is; each has a label {@code organisation.type.<name in lower case>}. */
public enum OrganisationType {

	WELFARE_ASSOCIATION, COUNSELLING_SERVICE, AUTHORITY, ASSOCIATION, VOLUNTEER_GROUP, COMPANY, MEETING_PLACE

}
