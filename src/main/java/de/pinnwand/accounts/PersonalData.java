package de.pinnwand.accounts;

import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * A feature's part of a member's data export (DSGVO Art. 15 and 20): each feature that
 * stores something about a member contributes what it holds under its own name.
 */
public interface PersonalData {

	/** The key of this part in the export, e.g. {@code listings}. */
	String name();

	/** What the feature holds about the member, as JSON-ready values. */
	Mono<Object> of(UUID accountId);

}
