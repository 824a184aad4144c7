package de.pinnwand.moderation.web;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import de.pinnwand.listings.Listing;
import de.pinnwand.moderation.ModerationService;
import de.pinnwand.moderation.ReportedItem;
import de.pinnwand.system.Languages;
import de.pinnwand.web.Messages;

/**
 * An item as the queue page shows it; {@code listing} whether it is a listing (with all
 * decisions), else only putting it back up or closing it apply. Topics, languages and
 * reasons are labels in the coordinator's language, never codes: a coordinator may not
 * know that "accompaniment/authorities" or "prs" stand for anything.
 */
record QueueItemView(String id, String key, String type, boolean listing, String href, Long version, String heading,
		String description, String textLanguage, String kind, String district, String topics, String languages,
		String waitingSince, boolean reported, List<String> history, List<String> reports) {

	static QueueItemView of(ModerationService.QueueItem item, Messages messages, Locale locale,
			DateTimeFormatter dates) {
		Listing listing = item.listing();
		ReportedItem reported = item.item();
		return new QueueItemView(reported.id().toString(), ItemKeys.of(reported), reported.type(), listing != null,
				reported.href(), (listing != null) ? listing.version() : null, reported.title(), reported.description(),
				reported.textLanguage(),
				(listing != null) ? messages.get(locale, "kind." + listing.kind().name().toLowerCase(Locale.ROOT))
						: messages.get(locale, "moderation.type." + reported.type()),
				reported.district(),
				(listing != null) ? String.join(", ",
						listing.topics().stream().map((topic) -> messages.get(locale, "topic." + topic)).toList()) : "",
				String.join(", ",
						reported.languages().stream().map((language) -> Languages.nameIn(language, locale)).toList()),
				dates.format(item.waitingSince()), item.reported(),
				item.authorHistory()
					.entrySet()
					.stream()
					.map((entry) -> messages.get(locale, "status." + entry.getKey().name().toLowerCase(Locale.ROOT))
							+ ": " + entry.getValue())
					.toList(),
				item.reports()
					.stream()
					.map((report) -> messages.get(locale, "report.reason." + report.reason())
							+ ((report.text() != null) ? " – " + report.text() : ""))
					.toList());
	}

}
