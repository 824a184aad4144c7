package de.pinnwand.texts;

import java.time.LocalDate;
import java.util.Optional;

import de.pinnwand.web.LanguageReviews;
import org.springframework.stereotype.Component;

/**
 * Tells the language switcher which languages a native speaker checked, from the texts'
 * last refresh.
 */
@Component
class ReviewedLanguages implements LanguageReviews {

	private final TextOverrides overrides;

	ReviewedLanguages(TextOverrides overrides) {
		this.overrides = overrides;
	}

	@Override
	public Optional<LocalDate> reviewedOn(String code) {
		return Optional.ofNullable(this.overrides.reviewedLanguages().get(code));
	}

}
