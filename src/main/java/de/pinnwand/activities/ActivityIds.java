package de.pinnwand.activities;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Ids and occurrence dates as they arrive in paths and forms: anything that is not one is
 * simply not found.
 */
public final class ActivityIds {

	private ActivityIds() {
	}

	/** The UUID in {@code value}, or null for anything else. */
	public static UUID parse(String value) {
		if (value == null || value.strip().length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The id, or {@link ActivityNotFound} for a value that cannot be one. */
	public static Mono<UUID> require(String value) {
		UUID id = parse(value);
		return (id != null) ? Mono.just(id) : Mono.error(new ActivityNotFound(null));
	}

	/** An ISO date ({@code 2026-12-03}), or null for anything else. */
	public static LocalDate date(String value) {
		if (value == null || value.isBlank() || value.strip().length() > 10) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
