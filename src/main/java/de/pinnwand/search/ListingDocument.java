package de.pinnwand.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

import de.pinnwand.listings.Listing;
import de.pinnwand.listings.TimeFrame;
import de.pinnwand.system.Languages;

/**
 * A published listing as the index holds it: the public fields only, and the place as a
 * postcode centroid. The text is kept twice: folded for every language, and under
 * {@code text.<lang>} analysed by the analyzer of the language it is written in.
 */
public record ListingDocument(String id, String kind, String title, String description, Map<String, LocalizedText> text,
		List<String> topics, List<String> languages, String textLanguage, String postcode, String placeName,
		String district, Location location, int reachKm, String timeFrame, List<String> timeSlots, Integer capacity,
		String languageNeed, long createdAt, long expiresAt) {

	/** Title and description under a language's own analyzer. */
	public record LocalizedText(String title, String description) {
	}

	/** A postcode centroid. */
	public record Location(double lat, double lon) {
	}

	/** The languages that have their own analyzer in the index; Dari shares Persian's. */
	private static final Set<String> ANALYZED = Set.of("de", "en", "ar", "fa", "uk", "ru", "tr");

	static String analyzedLanguage(String language) {
		String written = Languages.writtenAs(language);
		return ANALYZED.contains(written) ? written : null;
	}

	static ListingDocument of(Listing listing) {
		String analyzed = analyzedLanguage(listing.textLanguage());
		Map<String, LocalizedText> text = (analyzed != null)
				? Map.of(analyzed, new LocalizedText(listing.title(), listing.description())) : Map.of();
		return new ListingDocument(listing.id().toString(), listing.kind().name(), listing.title(),
				listing.description(), text, listing.topics(), listing.languages(), listing.textLanguage(),
				listing.postcode(), listing.placeName(), listing.district(),
				new Location(listing.latitude(), listing.longitude()), listing.reachKm(), listing.timeFrame(),
				TimeFrame.slotsOf(listing.timeFrame()), listing.capacity(), listing.languageNeed().name(),
				listing.createdAt().toEpochMilli(), listing.expiresAt().toEpochMilli());
	}

	/**
	 * The external version of a listing's document: grows with every write, so stale
	 * writes lose.
	 */
	static long versionOf(Listing listing) {
		return listing.version() + 1;
	}

}
