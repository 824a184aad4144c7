package de.pinnwand.listings.web;

import java.util.Locale;

import de.pinnwand.listings.ReviewOutcomes;
import de.pinnwand.listings.ReviewOutcomes.ReviewOutcome;
import org.springframework.stereotype.Component;

/**
 * A coordinator's decision as its author reads it; the caller passes the author's
 * language (see {@link ReviewOutcomes#languageOf}).
 */
@Component
class ReviewTexts {

	private final ReviewOutcomes reviews;

	ReviewTexts(ReviewOutcomes reviews) {
		this.reviews = reviews;
	}

	/**
	 * E.g. 'Rejected: Commercial offer'; the note only when changes were asked for, the
	 * one time it is meant for the author.
	 */
	String text(ReviewOutcome outcome, Locale locale) {
		return this.reviews.text(outcome, locale);
	}

	ListingJson.ReviewJson json(ReviewOutcome outcome, Locale locale) {
		return new ListingJson.ReviewJson(outcome.decision(), outcome.reasonCode(),
				"ASK_FOR_CHANGES".equals(outcome.decision()) ? outcome.note() : null, text(outcome, locale));
	}

}
