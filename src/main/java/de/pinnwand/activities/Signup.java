package de.pinnwand.activities;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A member's sign-up for one occurrence of an activity.
 *
 * @param position the place on the waiting list (1 = next to move up); null when
 * confirmed
 */
public record Signup(UUID activityId, LocalDate occurrence, UUID accountId, SignupStatus status, Integer position,
		SharedContact sharedContact, Instant createdAt) {

	public boolean isConfirmed() {
		return this.status == SignupStatus.CONFIRMED;
	}

}
