package de.pinnwand.listings;

/** Whether a listing offers help (Angebot) or asks for it (Gesuch). */
public enum ListingKind {

	OFFER, REQUEST

}
