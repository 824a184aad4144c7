package de.pinnwand.activities;

import java.time.LocalDate;
import java.util.UUID;

import de.pinnwand.accounts.MemberLeaving;
import de.pinnwand.system.PortalZone;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A member who deletes their account gives up their coming places: each is cancelled like
 * by hand, so the first one waiting moves up. Past sign-ups simply go with the account
 * (cascade).
 */
@Component
class SignupsOfLeavingMember implements MemberLeaving {

	private final ActivitySignups activities;

	private final java.time.Clock clock;

	SignupsOfLeavingMember(ActivitySignups activities, java.time.Clock clock) {
		this.activities = activities;
		this.clock = clock;
	}

	@Override
	public Mono<Void> leave(UUID accountId) {
		LocalDate today = LocalDate.now(this.clock.withZone(PortalZone.ZONE));
		return this.activities.signupsFrom(accountId, today)
			.collectList()
			.flatMapMany(reactor.core.publisher.Flux::fromIterable)
			.concatMap((signup) -> this.activities.cancelSignup(signup.activityId(), accountId, signup.occurrence()))
			.then();
	}

}
