package de.pinnwand.listings.web;

import java.util.Locale;

import de.pinnwand.listings.ReviewOutcomes.ReviewOutcome;
import de.pinnwand.system.web.Messages;
import org.springframework.stereotype.Component;

/** A coordinator's decision as its author reads it, in the reader's interface language. */
@Component
class ReviewTexts {

	private final Messages messages;

	ReviewTexts(Messages messages) {
		this.messages = messages;
	}

	/** E.g. 'Rejected: Commercial offer'; the note only when changes were asked for, the one time it is meant for the author. */
	String text(ReviewOutcome outcome, Locale locale) {
		String reason = (outcome.reasonCode() != null)
				? this.messages.get(locale, "moderation.reason." + outcome.reasonCode()) : null;
		String note = "ASK_FOR_CHANGES".equals(outcome.decision()) ? outcome.note() : null;
		String detail = (reason != null && note != null) ? reason + " – " + note : (reason != null) ? reason : note;
		return this.messages.get(locale, "mine.decision." + outcome.decision().toLowerCase(Locale.ROOT),
				(detail != null) ? detail : "");
	}

	ListingJson.ReviewJson json(ReviewOutcome outcome, Locale locale) {
		return new ListingJson.ReviewJson(outcome.decision(), outcome.reasonCode(),
				"ASK_FOR_CHANGES".equals(outcome.decision()) ? outcome.note() : null, text(outcome, locale));
	}

}
