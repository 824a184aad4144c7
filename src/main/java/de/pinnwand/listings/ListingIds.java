package de.pinnwand.listings;

import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Listing ids as they arrive in paths, forms and cookies: anything that is not one is
 * simply not found.
 */
public final class ListingIds {

	private ListingIds() {
	}

	/** The UUID in {@code value}, or null for anything else. */
	public static UUID parse(String value) {
		if (value == null || value.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The id, or {@link ListingNotFound} for a value that cannot be one. */
	public static Mono<UUID> require(String value) {
		UUID id = parse(value);
		return (id != null) ? Mono.just(id) : Mono.error(new ListingNotFound(null));
	}

}
