package de.pinnwand.activities;

/**
 * Which of their own contact details a person shows an activity's organisers when signing
 * up. Organisers see nothing else about them but their display name.
 */
public enum SharedContact {

	NONE, EMAIL, PHONE

}
