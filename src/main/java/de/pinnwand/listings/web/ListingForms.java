package de.pinnwand.listings.web;

import java.util.List;
import java.util.UUID;

import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingDraft;
import de.pinnwand.listings.TimeFrame;
import org.springframework.util.MultiValueMap;

/**
 * The listing form's fields as a draft and back: for posting, editing, and showing a form
 * again filled in.
 */
final class ListingForms {

	private ListingForms() {
	}

	static ListingDraft draftOf(Listing listing) {
		TimeFrame frame = TimeFrame.parse(listing.timeFrame());
		return new ListingDraft(listing.kind().name(), listing.title(), listing.description(), listing.topics(),
				listing.languages(), listing.textLanguage(), listing.postcode(), listing.reachKm(), null,
				(frame != null) ? frame.type().name() : null,
				(frame != null && frame.date() != null) ? frame.date().toString() : null,
				(frame != null && frame.weekday() != null) ? Integer.toString(frame.weekday().getValue()) : null,
				(frame != null && frame.from() != null) ? frame.from().toString() : null,
				(frame != null && frame.to() != null) ? frame.to().toString() : null, listing.capacity(),
				listing.languageNeed().name());
	}

	static ListingDraft draft(MultiValueMap<String, String> form, UUID submissionKey) {
		Integer reach = integerOrInvalid(form.getFirst("reachKm"));
		Integer capacity = integerOrInvalid(form.getFirst("capacity"));
		return new ListingDraft(form.getFirst("kind"), form.getFirst("title"), form.getFirst("description"),
				form.getOrDefault("topics", List.of()), form.getOrDefault("languages", List.of()),
				form.getFirst("textLanguage"), form.getFirst("place"), reach, submissionKey,
				form.getFirst("timeFrameType"), form.getFirst("timeFrameDate"), form.getFirst("timeFrameWeekday"),
				form.getFirst("timeFrameFrom"), form.getFirst("timeFrameTo"), capacity, form.getFirst("languageNeed"));
	}

	/**
	 * Null for an empty field; -1 (which the rules refuse with a message) for something
	 * that is not a number.
	 */
	private static Integer integerOrInvalid(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return (int) parseLong(value, -1);
	}

	static long parseLong(String value, long fallback) {
		try {
			return (value != null && value.strip().length() <= 9) ? Long.parseLong(value.strip()) : fallback;
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

}
