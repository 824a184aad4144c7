package de.pinnwand.matching.web;

import java.util.List;
import java.util.Locale;

import de.pinnwand.listings.TimeFrame;
import de.pinnwand.listings.web.ListingView;
import de.pinnwand.matching.Match;
import de.pinnwand.matching.MatchReason;
import de.pinnwand.system.Languages;
import de.pinnwand.web.Messages;
import org.springframework.stereotype.Component;

/**
 * Puts a match's reasons into words in the reader's language: 'speaks العربية', '2.3 km',
 * 'every Tuesday'.
 */
@Component
public class MatchTexts {

	private final Messages messages;

	MatchTexts(Messages messages) {
		this.messages = messages;
	}

	public List<String> reasons(Match match, Locale locale) {
		return match.reasons().stream().map((reason) -> text(reason, locale)).toList();
	}

	private String text(MatchReason reason, Locale locale) {
		Object value = reason.values().isEmpty() ? "" : reason.values().get(0);
		Object shown = switch (reason.code()) {
			case "language", "interpreter" -> Languages.endonym(value.toString());
			case "topic" -> this.messages.get(locale, "topic." + value);
			case "time" -> ListingView.timeFrame(TimeFrame.parse(value.toString()), this.messages, locale);
			default -> value;
		};
		return this.messages.get(locale, "match.reason." + reason.code(), shown);
	}

}
