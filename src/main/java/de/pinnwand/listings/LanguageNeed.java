package de.pinnwand.listings;

/**
 * What a request needs in the way of language. Offers always say which languages their
 * poster speaks, so for them it is always {@link #SHARED}.
 */
public enum LanguageNeed {

	/** Help from someone who speaks one of the requester's languages. */
	SHARED,

	/** Any language will do (a sofa can be carried without words). */
	ANY,

	/**
	 * The requester asks for an interpreter: interpreting offers come in, and help in
	 * other languages too.
	 */
	INTERPRETER

}
