package de.pinnwand.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.pinnwand.accounts.Account;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.accounts.Member;
import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingNotFound;
import de.pinnwand.listings.ListingService;
import de.pinnwand.listings.ListingStatus;
import de.pinnwand.messaging.ConversationDetails.Disclosure;
import de.pinnwand.messaging.ConversationDetails.SharedContact;
import de.pinnwand.moderation.ModerationService;
import de.pinnwand.organisations.OrganisationMemberships;
import de.pinnwand.system.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answering listings without exposing anyone. A member answers a listing and a
 * conversation begins between the two sides; each side writes, reads, shows its contact
 * details when it decides to, closes or blocks. Who is not part of a conversation finds
 * nothing: every method answers {@link ConversationNotFound} for them.
 */
@Service
public class ConversationService {

	private final ConversationRecords records;

	private final ConversationChanges changes;

	private final ConversationSides sides;

	private final ConversationMessages messages;

	private final ListingService listings;

	private final OrganisationMemberships memberships;

	private final AccountService accounts;

	private final ApplicationEventPublisher events;

	private final TransactionalOperator transaction;

	private final MessagingProperties properties;

	private final ModerationService moderation;

	private final Clock clock;

	ConversationService(ConversationRecords records, ConversationChanges changes, ConversationSides sides,
			ConversationMessages messages, ListingService listings, OrganisationMemberships memberships,
			AccountService accounts, ApplicationEventPublisher events, TransactionalOperator transaction,
			MessagingProperties properties, ModerationService moderation, Clock clock) {
		this.moderation = moderation;
		this.records = records;
		this.changes = changes;
		this.sides = sides;
		this.messages = messages;
		this.listings = listings;
		this.memberships = memberships;
		this.accounts = accounts;
		this.events = events;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Answers a public listing: begins a conversation with its side, or continues the one
	 * the member (or the organisation they answer for) already has about it.
	 * @param member who answers
	 * @param listingId the listing
	 * @param asOrganisationId the organisation the member answers for, or null to answer
	 * as themselves
	 * @param text the first message
	 * @return the conversation
	 */
	public Mono<Conversation> answer(Member member, UUID listingId, UUID asOrganisationId, String text) {
		UUID me = member.accountId();
		return Mono.fromCallable(() -> this.messages.cleaned(text))
			.flatMap((body) -> this.listings.findPublic(listingId)
				.flatMap((listing) -> mayAnswer(listing, me, asOrganisationId)
					.then(existing(listingId, me, asOrganisationId)
						.flatMap((conversation) -> this.messages.write(member, conversation, Side.ANSWERER, body))
						.switchIfEmpty(
								Mono.defer(() -> this.messages.begin(member, listing, asOrganisationId, body))))));
	}

	/**
	 * Writes in a conversation the member takes part in; closed ones take no more
	 * messages.
	 */
	public Mono<Conversation> write(Member member, UUID conversationId, String text) {
		return this.sides.participating(conversationId, member.accountId())
			.flatMap((found) -> this.messages.write(member, found.conversation(), found.side(),
					this.messages.cleaned(text)));
	}

	/**
	 * The conversation with its latest messages, as the member sees it; their unread
	 * messages count as read.
	 */
	public Mono<ConversationDetails> details(Member member, UUID conversationId) {
		UUID me = member.accountId();
		return this.sides.participating(conversationId, me).flatMap((found) -> {
			Conversation conversation = found.conversation();
			Side mine = found.side();
			Mono<List<Message>> messages = latest(conversation, mine, this.properties.maxMessagesShown());
			// A side that blocked the other takes back what it showed.
			Mono<List<SharedContact>> theirs = (conversation.blockedBy() == mine.other()) ? Mono.just(List.of())
					: this.records.sharedBy(conversation.id(), mine.other()).collectList();
			Mono<Optional<ListingStatus>> listingStatus = (conversation.listingId() != null)
					? this.listings.find(conversation.listingId())
						.map((listing) -> Optional.of(listing.status()))
						.onErrorReturn(ListingNotFound.class, Optional.empty())
						.defaultIfEmpty(Optional.empty())
					: Mono.just(Optional.empty());
			return Mono
				.zip(listingStatus, this.sides.nameOf(conversation, mine.other()), messages, theirs,
						this.records.disclosureOf(conversation.id(), me), this.accounts.account(me))
				.flatMap((all) -> {
					List<Message> shown = all.getT3();
					Account account = all.getT6();
					ConversationDetails details = new ConversationDetails(conversation, mine,
							conversation.listingTitle(), conversation.listingKind(), all.getT1().orElse(null),
							all.getT2().orElse(null), shown, all.getT4(), all.getT5(), account.contactEmail() != null,
							account.contactPhone() != null, false);
					return shown.isEmpty() ? Mono.just(details)
							: this.records.markRead(conversation.id(), me, shown.get(shown.size() - 1).id())
								.doOnSuccess(
										(done) -> this.events.publishEvent(new ConversationRead(conversation.id(), me)))
								.thenReturn(details);
				});
		});
	}

	/**
	 * The member's conversations, latest first, with how many messages they have not read
	 * in each.
	 */
	public Flux<InboxEntry> inbox(Member member, UUID listingId) {
		return this.records.inbox(member.accountId(), listingId);
	}

	/** How many messages wait unread for the member across all their conversations. */
	public Mono<Long> unreadCount(UUID accountId) {
		return this.records.unreadCount(accountId);
	}

	/**
	 * Shows the other side the member's e-mail address and/or phone number from their
	 * account. A choice only widens: what was seen cannot be unseen.
	 */
	public Mono<Void> disclose(Member member, UUID conversationId, boolean email, boolean phone) {
		UUID me = member.accountId();
		return this.sides.participating(conversationId, me).flatMap((found) -> {
			if (!found.conversation().isOpen()) {
				return Mono.error(new ConversationClosed());
			}
			if (!email && !phone) {
				return Mono.error(new InvalidMessage(new FieldProblem("email", "message.disclose-nothing")));
			}
			return this.accounts.account(me).flatMap((account) -> {
				if (email && account.contactEmail() == null) {
					return Mono.error(new InvalidMessage(new FieldProblem("email", "message.no-contact-email")));
				}
				if (phone && account.contactPhone() == null) {
					return Mono.error(new InvalidMessage(new FieldProblem("phone", "message.no-contact-phone")));
				}
				return this.changes.disclose(conversationId, me, found.side(), email, phone, this.clock.instant());
			});
		});
	}

	/**
	 * Ends the conversation for both sides; it stays readable. Closing a closed one
	 * changes nothing.
	 */
	public Mono<Void> close(Member member, UUID conversationId) {
		return this.sides.participating(conversationId, member.accountId())
			.flatMap((found) -> this.changes.close(conversationId, found.side()));
	}

	/**
	 * Closes the conversation and takes back what the member's side showed. Between two
	 * people (no organisation on either side) the blocked one can also not begin another
	 * conversation with the member.
	 */
	public Mono<Void> block(Member member, UUID conversationId) {
		UUID me = member.accountId();
		return this.sides.participating(conversationId, me).flatMap((found) -> {
			Conversation conversation = found.conversation();
			Side other = found.side().other();
			Mono<Void> closed = this.changes.block(conversationId, found.side());
			UUID otherPerson = conversation.accountOf(other);
			boolean betweenPeople = conversation.ownerOrganisationId() == null
					&& conversation.answererOrganisationId() == null && otherPerson != null;
			Mono<Void> remembered = betweenPeople ? this.changes.blockMember(me, otherPerson, this.clock.instant())
					: Mono.empty();
			return closed.then(remembered).as(this.transaction::transactional);
		});
	}

	/**
	 * The listing's side says the help was found here: the listing counts as fulfilled
	 * and leaves search.
	 */
	public Mono<Void> markFulfilled(Member member, UUID conversationId) {
		UUID me = member.accountId();
		return this.sides.participating(conversationId, me).flatMap((found) -> {
			if (found.side() != Side.OWNER) {
				return Mono.error(new InvalidMessage(new FieldProblem("listing", "message.not-your-listing")));
			}
			if (found.conversation().listingId() == null) {
				return Mono.error(new ListingNotFound(null));
			}
			return this.listings.fulfil(found.conversation().listingId(), me)
				.then(this.changes.fulfilled(conversationId, this.clock.instant()));
		});
	}

	/**
	 * Deletes the conversations in which nobody wrote for {@code after}, with their
	 * messages and disclosures; returns how many.
	 */
	public Mono<Long> purgeQuiet(Duration after) {
		return this.records.deleteQuietSince(this.clock.instant().minus(after));
	}

	/**
	 * A side reports the conversation to the coordination office: it stops taking
	 * messages and the office reads it to decide (see {@link ReportableConversations}).
	 */
	public Mono<Void> report(Member member, UUID conversationId, String reason, String text) {
		return this.sides.participating(conversationId, member.accountId())
			.flatMap((found) -> this.changes.reported(conversationId, found.side())
				.then(this.moderation.reportItem(ReportableConversations.TYPE, conversationId, member.accountId(), null,
						reason, text)));
	}

	/**
	 * A reported conversation as the coordination office reads it to decide, from the
	 * listing's side, without anyone's contact details and without marking anything read;
	 * anyone else, or any conversation not waiting for a decision, finds nothing.
	 */
	public Mono<ConversationDetails> forReview(Member coordinator, UUID conversationId) {
		if (!coordinator.isCoordinator() || conversationId == null) {
			return Mono.error(new ConversationNotFound());
		}
		return this.records.findHidden(conversationId)
			.switchIfEmpty(Mono.error(ConversationNotFound::new))
			.flatMap((conversation) -> latest(conversation, Side.OWNER, this.properties.maxMessagesShown())
				.zipWith(this.sides.nameOf(conversation, Side.ANSWERER))
				.map((both) -> new ConversationDetails(conversation, Side.OWNER, conversation.listingTitle(),
						conversation.listingKind(), null, both.getT2().orElse(null), both.getT1(), List.of(),
						Disclosure.NOTHING, false, false, true)));
	}

	/** What a member wrote and showed in conversations, for their data export. */
	public Flux<Map<String, Object>> writtenBy(UUID accountId) {
		return this.records.writtenBy(accountId);
	}

	private Mono<Void> mayAnswer(Listing listing, UUID me, UUID asOrganisationId) {
		return this.listings.mayManage(listing, me).flatMap((own) -> {
			if (own || (asOrganisationId != null && asOrganisationId.equals(listing.organisationId()))) {
				return Mono.error(new InvalidMessage(new FieldProblem("listing", "message.own-listing")));
			}
			Mono<Boolean> mayActFor = (asOrganisationId != null)
					? this.memberships.roleOf(me, asOrganisationId).hasElement() : Mono.just(true);
			return mayActFor.flatMap((may) -> may ? blocked(listing, me, asOrganisationId)
					: Mono.error(new InvalidMessage(new FieldProblem("organisationId", "message.not-member"))));
		});
	}

	private Mono<Void> blocked(Listing listing, UUID me, UUID asOrganisationId) {
		if (listing.organisationId() != null || asOrganisationId != null || listing.ownerAccountId() == null) {
			return Mono.empty();
		}
		return this.changes.blockedBetween(listing.ownerAccountId(), me)
			.flatMap((blocked) -> blocked
					? Mono.error(new InvalidMessage(new FieldProblem("listing", "message.blocked"))) : Mono.empty());
	}

	private Mono<Conversation> existing(UUID listingId, UUID me, UUID asOrganisationId) {
		return this.records.answeredBy(listingId, me, asOrganisationId);
	}

	/**
	 * The latest {@code limit} messages, oldest first, as the reader on side {@code mine}
	 * sees them.
	 */
	Mono<List<Message>> latest(Conversation conversation, Side mine, int limit) {
		return this.records.newestFirst(conversation, mine, limit).collectList().map((newest) -> {
			List<Message> oldestFirst = new ArrayList<>(newest);
			Collections.reverse(oldestFirst);
			return oldestFirst;
		});
	}

}
