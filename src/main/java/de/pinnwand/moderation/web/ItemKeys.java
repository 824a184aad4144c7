package de.pinnwand.moderation.web;

import java.util.UUID;

import de.pinnwand.listings.ListingIds;
import de.pinnwand.moderation.ModerationService;
import de.pinnwand.moderation.ReportedItem;

/**
 * How queue items are named in decision paths: a listing by its bare id (as before other
 * items could be reported), any other item as {@code <type>:<id>}.
 */
final class ItemKeys {

	private ItemKeys() {
	}

	/** A parsed key; {@code isItem} for another type than listings. */
	record Key(String type, UUID id) {

		boolean isItem() {
			return !ModerationService.LISTING.equals(this.type);
		}

	}

	static String of(ReportedItem item) {
		return ModerationService.LISTING.equals(item.type()) ? item.id().toString() : item.type() + ":" + item.id();
	}

	/**
	 * The key in a path; a value without a type is a listing's id (perhaps not a valid
	 * one).
	 */
	static Key parse(String value) {
		int colon = (value != null) ? value.indexOf(':') : -1;
		if (colon < 0) {
			return new Key(ModerationService.LISTING, null);
		}
		return new Key(value.substring(0, colon), ListingIds.parse(value.substring(colon + 1)));
	}

}
