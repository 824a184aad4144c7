package de.pinnwand.activities;

import java.util.UUID;

import de.pinnwand.accounts.PersonalData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A member's sign-ups for activities, for their data export. */
@Component
class ActivitySignupData implements PersonalData {

	private final ActivitySignups activities;

	ActivitySignupData(ActivitySignups activities) {
		this.activities = activities;
	}

	@Override
	public String name() {
		return "activitySignups";
	}

	@Override
	public Mono<Object> of(UUID accountId) {
		return this.activities.everySignupOf(accountId).collectList().map(Object.class::cast);
	}

}
