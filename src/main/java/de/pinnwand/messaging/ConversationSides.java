package de.pinnwand.messaging;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.pinnwand.accounts.Account;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.organisations.OrganisationMemberships;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who is on each side of a conversation: a person, or every member of an organisation.
 */
@Component
class ConversationSides {

	private final ConversationRecords records;

	private final OrganisationMemberships memberships;

	private final AccountService accounts;

	ConversationSides(ConversationRecords records, OrganisationMemberships memberships, AccountService accounts) {
		this.records = records;
		this.memberships = memberships;
		this.accounts = accounts;
	}

	/** A conversation and the side of the member who asked. */
	record Participation(Conversation conversation, Side side) {
	}

	/**
	 * The conversation if the member takes part in it, with their side;
	 * {@link ConversationNotFound} otherwise.
	 */
	Mono<Participation> participating(UUID conversationId, UUID accountId) {
		if (conversationId == null || accountId == null) {
			return Mono.error(new ConversationNotFound());
		}
		return this.records.find(conversationId)
			.flatMap((conversation) -> sideOf(conversation, accountId)
				.map((side) -> new Participation(conversation, side)))
			.switchIfEmpty(Mono.error(ConversationNotFound::new));
	}

	private Mono<Side> sideOf(Conversation conversation, UUID accountId) {
		return isOn(conversation, Side.OWNER, accountId)
			.flatMap((owner) -> owner ? Mono.just(Side.OWNER) : isOn(conversation, Side.ANSWERER, accountId)
				.flatMap((answerer) -> answerer ? Mono.just(Side.ANSWERER) : Mono.empty()));
	}

	private Mono<Boolean> isOn(Conversation conversation, Side side, UUID accountId) {
		UUID organisation = conversation.organisationOf(side);
		return (organisation != null) ? this.memberships.roleOf(accountId, organisation).hasElement()
				: Mono.just(accountId.equals(conversation.accountOf(side)));
	}

	/** Everyone who reads for a side: the person, or every member of the organisation. */
	Flux<UUID> recipients(Conversation conversation, Side side) {
		UUID organisation = conversation.organisationOf(side);
		if (organisation != null) {
			return this.memberships.members(organisation).map(OrganisationMemberships.Membership::accountId);
		}
		UUID person = conversation.accountOf(side);
		return (person != null) ? Flux.just(person) : Flux.empty();
	}

	/** The name a side goes by: the organisation's or the person's; none once gone. */
	Mono<Optional<String>> nameOf(Conversation conversation, Side side) {
		UUID organisation = conversation.organisationOf(side);
		Mono<String> name = (organisation != null)
				? this.memberships.names(List.of(organisation)).mapNotNull((names) -> names.get(organisation))
				: (conversation.accountOf(side) != null)
						? this.accounts.account(conversation.accountOf(side)).map(Account::displayName) : Mono.empty();
		return name.map(Optional::of).defaultIfEmpty(Optional.empty());
	}

}
