package de.pinnwand.listings.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;

import de.pinnwand.listings.Languages;
import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingKind;
import de.pinnwand.system.web.Messages;
import org.springframework.web.server.ServerWebExchange;

/** A listing's detail page: its text split into lines, labels in the reader's language. */
record ListingView(String id, String kindLabel, boolean offer, String title, List<String> descriptionLines,
		String textLanguage, List<String> topics, List<String> languages, String place, String reach,
		String expires, boolean justPosted) {

	private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	static ListingView of(Listing listing, boolean justPosted, Messages messages, ServerWebExchange exchange) {
		var locale = Messages.localeOf(exchange);
		return new ListingView(listing.id().toString(),
				messages.get(exchange, "kind." + listing.kind().name().toLowerCase()),
				listing.kind() == ListingKind.OFFER, listing.title(),
				Arrays.asList(listing.description().split("\n", -1)), listing.textLanguage(),
				listing.topics().stream().map((t) -> messages.get(exchange, "topic." + t)).toList(),
				listing.languages().stream().map(Languages::endonym).toList(),
				listing.postcode() + " " + listing.placeName() + " (" + listing.district() + ")",
				messages.get(exchange, "listing.reach", listing.reachKm()),
				DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(
						listing.expiresAt().atZone(ZONE)),
				justPosted);
	}

}
