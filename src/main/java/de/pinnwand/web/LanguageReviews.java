package de.pinnwand.web;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the language switcher may say about a language's texts: when a native speaker last
 * checked them. A module that keeps such reviews (the text corrections) implements it;
 * without one, the switcher says nothing.
 */
public interface LanguageReviews {

	/**
	 * The day the interface language {@code code} was last checked by a native speaker,
	 * if ever.
	 */
	Optional<LocalDate> reviewedOn(String code);

}
