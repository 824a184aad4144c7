package de.pinnwand.accounts;

import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * A feature's part in deleting an account: what must happen before the account row goes,
 * beyond what the foreign-key cascades do (e.g. giving a freed place to the next one
 * waiting). Runs in the deletion's transaction.
 */
public interface MemberLeaving {

	Mono<Void> leave(UUID accountId);

}
