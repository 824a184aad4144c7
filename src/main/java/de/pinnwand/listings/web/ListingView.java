package de.pinnwand.listings.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import de.pinnwand.listings.LanguageNeed;
import de.pinnwand.listings.ListingStatus;
import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingKind;
import de.pinnwand.listings.TimeFrame;
import de.pinnwand.listings.TopicTree;
import de.pinnwand.system.Languages;
import de.pinnwand.system.PortalZone;
import de.pinnwand.web.Messages;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.server.ServerWebExchange;

/**
 * A listing's detail page: its text split into lines, labels in the reader's language.
 */
@NamedInterface("listing-views")
public record ListingView(String id, String kindLabel, boolean offer, String title,
		List<TextLines.Line> descriptionLines, String textLanguage, List<String> topics, List<String> languages,
		String place, String reach, String timeFrame, String capacity, String languageNeed, String expires,
		String status, boolean justPosted, String organisationId, String organisationName, String onlyYou) {

	private static final ZoneId ZONE = PortalZone.ZONE;

	static ListingView of(Listing listing, boolean justPosted, Messages messages, ServerWebExchange exchange) {
		return of(listing, null, justPosted, messages, exchange);
	}

	/**
	 * @param organisationName the name of the organisation it was posted for; null for a
	 * person's own
	 */
	static ListingView of(Listing listing, String organisationName, boolean justPosted, Messages messages,
			ServerWebExchange exchange) {
		Locale locale = Messages.localeOf(exchange);
		String status = messages.get(locale, "status." + listing.status().name().toLowerCase(Locale.ROOT));
		return new ListingView(listing.id().toString(),
				messages.get(exchange, "kind." + listing.kind().name().toLowerCase(Locale.ROOT)),
				listing.kind() == ListingKind.OFFER, listing.title(), TextLines.of(listing.description()),
				listing.textLanguage(), topics(listing.topics(), messages, locale),
				listing.languages().stream().map(Languages::endonym).toList(),
				listing.postcode() + " " + listing.placeName() + " (" + listing.district() + ")",
				messages.get(exchange, "listing.reach", listing.reachKm()),
				timeFrame(TimeFrame.parse(listing.timeFrame()), messages, locale),
				(listing.capacity() != null) ? messages.get(locale, "listing.capacity", listing.capacity()) : null,
				(listing.languageNeed() != LanguageNeed.SHARED)
						? messages.get(locale,
								"listing.language-need." + listing.languageNeed().name().toLowerCase(Locale.ROOT))
						: null,
				// Only a listing that is up is visible until a day; fulfilled, refused or
				// waiting ones say so instead.
				(listing.status() == ListingStatus.PUBLISHED) ? date(listing.expiresAt(), locale) : null, status,
				justPosted, (organisationName != null) ? listing.organisationId().toString() : null, organisationName,
				(listing.status() != ListingStatus.PUBLISHED) ? messages.get(locale, "listing.only-you", status)
						: null);
	}

	/**
	 * A listing's topics as people read them, one entry per topic with its sub-topics:
	 * 'Health: Mental health, Pregnancy'.
	 */
	public static List<String> topics(List<String> codes, Messages messages, Locale locale) {
		var byParent = new LinkedHashMap<String, List<String>>();
		for (String code : codes) {
			List<String> subtopics = byParent.computeIfAbsent(TopicTree.parentOf(code), (parent) -> new ArrayList<>());
			if (TopicTree.isSubtopic(code)) {
				subtopics.add(messages.get(locale, "topic." + code));
			}
		}
		return byParent.entrySet().stream().map((topic) -> {
			String label = messages.get(locale, "topic." + topic.getKey());
			return topic.getValue().isEmpty() ? label
					: messages.get(locale, "topic.with-subtopics", label, String.join(", ", topic.getValue()));
		}).toList();
	}

	static String date(java.time.Instant instant, Locale locale) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(instant.atZone(ZONE));
	}

	/** E.g. 'every Tuesday, 15:00–17:00', in the reader's language. */
	public static String timeFrame(TimeFrame frame, Messages messages, Locale locale) {
		if (frame == null) {
			return null;
		}
		return switch (frame.type()) {
			case FLEXIBLE -> messages.get(locale, "timeframe.flexible");
			case DATE -> DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(frame.date());
			case WEEKLY -> {
				String day = frame.weekday().getDisplayName(TextStyle.FULL, locale);
				DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
				yield (frame.from() != null) ? messages.get(locale, "timeframe.weekly-hours", day,
						time.format(frame.from()), time.format(frame.to()))
						: messages.get(locale, "timeframe.weekly", day);
			}
		};
	}

}
