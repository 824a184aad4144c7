package de.pinnwand.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
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

	private final DatabaseClient database;

	private final ConversationRecords records;

	private final ListingService listings;

	private final OrganisationMemberships memberships;

	private final AccountService accounts;

	private final ApplicationEventPublisher events;

	private final TransactionalOperator transaction;

	private final MessagingProperties properties;

	private final ModerationService moderation;

	private final Clock clock;

	ConversationService(DatabaseClient database, ConversationRecords records, ListingService listings,
			OrganisationMemberships memberships, AccountService accounts, ApplicationEventPublisher events,
			TransactionalOperator transaction, MessagingProperties properties, ModerationService moderation,
			Clock clock) {
		this.moderation = moderation;
		this.database = database;
		this.records = records;
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
		return Mono.fromCallable(() -> cleaned(text))
			.flatMap((body) -> this.listings.findPublic(listingId)
				.flatMap((listing) -> mayAnswer(listing, me, asOrganisationId)
					.then(existing(listingId, me, asOrganisationId)
						.flatMap((conversation) -> write(member, conversation, Side.ANSWERER, body))
						.switchIfEmpty(Mono.defer(() -> begin(member, listing, asOrganisationId, body))))));
	}

	/**
	 * Writes in a conversation the member takes part in; closed ones take no more
	 * messages.
	 */
	public Mono<Conversation> write(Member member, UUID conversationId, String text) {
		return participating(conversationId, member.accountId())
			.flatMap((found) -> write(member, found.conversation(), found.side(), cleaned(text)));
	}

	/**
	 * The conversation with its latest messages, as the member sees it; their unread
	 * messages count as read.
	 */
	public Mono<ConversationDetails> details(Member member, UUID conversationId) {
		UUID me = member.accountId();
		return participating(conversationId, me).flatMap((found) -> {
			Conversation conversation = found.conversation();
			Side mine = found.side();
			Mono<List<Message>> messages = latest(conversation, mine, this.properties.maxMessagesShown());
			// A side that blocked the other takes back what it showed.
			Mono<List<SharedContact>> theirs = (conversation.blockedBy() == mine.other()) ? Mono.just(List.of())
					: this.records.sharedBy(conversation.id(), mine.other()).collectList();
			Mono<java.util.Optional<ListingStatus>> listingStatus = (conversation.listingId() != null)
					? this.listings.find(conversation.listingId())
						.map((listing) -> java.util.Optional.of(listing.status()))
						.onErrorReturn(ListingNotFound.class, java.util.Optional.empty())
						.defaultIfEmpty(java.util.Optional.empty())
					: Mono.just(java.util.Optional.empty());
			return Mono
				.zip(listingStatus, nameOf(conversation, mine.other()), messages, theirs,
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
		return participating(conversationId, me).flatMap((found) -> {
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
				return this.database
					.sql("insert into conversation_disclosure (conversation_id, account_id, side, shows_email, "
							+ "shows_phone, disclosed_at) values (:conversation, :me, :side, :email, :phone, :at) "
							+ "on conflict (conversation_id, account_id) do update set "
							+ "shows_email = conversation_disclosure.shows_email or excluded.shows_email, "
							+ "shows_phone = conversation_disclosure.shows_phone or excluded.shows_phone, "
							+ "disclosed_at = excluded.disclosed_at")
					.bind("conversation", conversationId)
					.bind("me", me)
					.bind("side", found.side().name())
					.bind("email", email)
					.bind("phone", phone)
					.bind("at", this.clock.instant())
					.then();
			});
		});
	}

	/**
	 * Ends the conversation for both sides; it stays readable. Closing a closed one
	 * changes nothing.
	 */
	public Mono<Void> close(Member member, UUID conversationId) {
		return participating(conversationId, member.accountId()).flatMap((found) -> this.database
			.sql("update conversation set status = 'CLOSED', closed_by = :side, version = version + 1 "
					+ "where id = :id and status = 'OPEN'")
			.bind("side", found.side().name())
			.bind("id", conversationId)
			.then());
	}

	/**
	 * Closes the conversation and takes back what the member's side showed. Between two
	 * people (no organisation on either side) the blocked one can also not begin another
	 * conversation with the member.
	 */
	public Mono<Void> block(Member member, UUID conversationId) {
		UUID me = member.accountId();
		return participating(conversationId, me).flatMap((found) -> {
			Conversation conversation = found.conversation();
			Side other = found.side().other();
			Mono<Void> closed = this.database
				.sql("update conversation set status = 'CLOSED', closed_by = coalesce(closed_by, :side), "
						+ "blocked_by = :side, version = version + 1 where id = :id")
				.bind("side", found.side().name())
				.bind("id", conversationId)
				.then();
			UUID otherPerson = conversation.accountOf(other);
			boolean betweenPeople = conversation.ownerOrganisationId() == null
					&& conversation.answererOrganisationId() == null && otherPerson != null;
			Mono<Void> remembered = betweenPeople ? this.database
				.sql("insert into member_block (blocker_account_id, blocked_account_id, created_at) "
						+ "values (:me, :other, :at) on conflict do nothing")
				.bind("me", me)
				.bind("other", otherPerson)
				.bind("at", this.clock.instant())
				.then() : Mono.empty();
			return closed.then(remembered).as(this.transaction::transactional);
		});
	}

	/**
	 * The listing's side says the help was found here: the listing counts as fulfilled
	 * and leaves search.
	 */
	public Mono<Void> markFulfilled(Member member, UUID conversationId) {
		UUID me = member.accountId();
		return participating(conversationId, me).flatMap((found) -> {
			if (found.side() != Side.OWNER) {
				return Mono.error(new InvalidMessage(new FieldProblem("listing", "message.not-your-listing")));
			}
			if (found.conversation().listingId() == null) {
				return Mono.error(new ListingNotFound(null));
			}
			return this.listings.fulfil(found.conversation().listingId(), me)
				.then(this.database
					.sql("update conversation set fulfilled_at = :at, version = version + 1 where id = :id")
					.bind("at", this.clock.instant())
					.bind("id", conversationId)
					.then());
		});
	}

	/**
	 * Deletes the conversations in which nobody wrote for {@code after}, with their
	 * messages and disclosures; returns how many.
	 */
	public Mono<Long> purgeQuiet(java.time.Duration after) {
		return this.records.deleteQuietSince(this.clock.instant().minus(after));
	}

	/**
	 * A side reports the conversation to the coordination office: it stops taking
	 * messages and the office reads it to decide (see {@link ReportableConversations}).
	 */
	public Mono<Void> report(Member member, UUID conversationId, String reason, String text) {
		return participating(conversationId, member.accountId())
			.flatMap((found) -> this.database.sql("update conversation set reported_by = :side where id = :id")
				.bind("side", found.side().name())
				.bind("id", conversationId)
				.then()
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
				.zipWith(nameOf(conversation, Side.ANSWERER))
				.map((both) -> new ConversationDetails(conversation, Side.OWNER, conversation.listingTitle(),
						conversation.listingKind(), null, both.getT2().orElse(null), both.getT1(), List.of(),
						Disclosure.NOTHING, false, false, true)));
	}

	/** What a member wrote and showed in conversations, for their data export. */
	public Flux<Map<String, Object>> writtenBy(UUID accountId) {
		return this.records.writtenBy(accountId);
	}

	/** The conversation if the member takes part in it, with their side. */
	Mono<Participation> participating(UUID conversationId, UUID accountId) {
		if (conversationId == null || accountId == null) {
			return Mono.error(new ConversationNotFound());
		}
		return this.records.find(conversationId)
			.flatMap((conversation) -> sideOf(conversation, accountId)
				.map((side) -> new Participation(conversation, side)))
			.switchIfEmpty(Mono.error(ConversationNotFound::new));
	}

	/** A conversation and the side of the member who asked. */
	record Participation(Conversation conversation, Side side) {
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
		return this.database
			.sql("select count(*) as blocks from member_block where (blocker_account_id = :owner and "
					+ "blocked_account_id = :me) or (blocker_account_id = :me and blocked_account_id = :owner)")
			.bind("owner", listing.ownerAccountId())
			.bind("me", me)
			.map((row, meta) -> row.get("blocks", Long.class))
			.one()
			.flatMap((blocks) -> (blocks > 0)
					? Mono.error(new InvalidMessage(new FieldProblem("listing", "message.blocked"))) : Mono.empty());
	}

	private Mono<Conversation> existing(UUID listingId, UUID me, UUID asOrganisationId) {
		return this.records.answeredBy(listingId, me, asOrganisationId);
	}

	private Mono<Conversation> begin(Member member, Listing listing, UUID asOrganisationId, String body) {
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		GenericExecuteSpec insert = this.database
			.sql("insert into conversation (id, listing_id, listing_title, listing_kind, owner_account_id, "
					+ "owner_organisation_id, answerer_account_id, answerer_organisation_id, status, created_at, "
					+ "last_message_at, version) values (:id, :listing, :title, :kind, :owner, :ownerOrganisation, :me, "
					+ ":asOrganisation, 'OPEN', :at, :at, 0) on conflict do nothing")
			.bind("id", id)
			.bind("listing", listing.id())
			.bind("title", listing.title())
			.bind("kind", listing.kind().name())
			.bind("me", member.accountId())
			.bind("at", now);
		insert = bindNullable(insert, "owner", listing.ownerAccountId());
		insert = bindNullable(insert, "ownerOrganisation", listing.organisationId());
		insert = bindNullable(insert, "asOrganisation", asOrganisationId);
		return insert.fetch().rowsUpdated().flatMap((inserted) -> {
			// Two answers at once: the other request began it, so this one continues it.
			Mono<Conversation> conversation = (inserted == 0)
					? existing(listing.id(), member.accountId(), asOrganisationId)
					: Mono.just(new Conversation(id, listing.id(), listing.title(), listing.kind(),
							listing.ownerAccountId(), listing.organisationId(), member.accountId(), asOrganisationId,
							ConversationStatus.OPEN, null, null, now, now, null, null));
			return conversation.flatMap((begun) -> store(member, begun, Side.ANSWERER, body, now));
		}).as(this.transaction::transactional).flatMap(this::announced);
	}

	private Mono<Conversation> write(Member member, Conversation conversation, Side side, String body) {
		Side other = side.other();
		// Nobody is left on the other side once its person deleted their account: nothing
		// to write to.
		boolean nobodyThere = conversation.accountOf(other) == null && conversation.organisationOf(other) == null;
		if (!conversation.isOpen() || nobodyThere) {
			return Mono.error(new ConversationClosed());
		}
		return store(member, conversation, side, body, this.clock.instant()).as(this.transaction::transactional)
			.flatMap(this::announced);
	}

	/**
	 * A message just stored, for telling the other side once the transaction committed.
	 */
	private record Written(Conversation conversation, Side side, long messageId, Instant at) {
	}

	private Mono<Written> store(Member member, Conversation conversation, Side side, String body, Instant at) {
		return this.database
			.sql("update conversation set last_message_at = :at, version = version + 1 "
					+ "where id = :id and status = 'OPEN' and hidden_at is null")
			.bind("at", at)
			.bind("id", conversation.id())
			.fetch()
			.rowsUpdated()
			.flatMap((updated) -> (updated == 0) ? Mono.error(new ConversationClosed()) : this.database
				.sql("insert into conversation_message (conversation_id, side, author_account_id, body, created_at) "
						+ "values (:conversation, :side, :author, :body, :at) returning id")
				.bind("conversation", conversation.id())
				.bind("side", side.name())
				.bind("author", member.accountId())
				.bind("body", body)
				.bind("at", at)
				.map((row, meta) -> row.get("id", Long.class))
				.one())
			.flatMap((messageId) -> this.records.markRead(conversation.id(), member.accountId(), messageId)
				.thenReturn(new Written(conversation, side, messageId, at)));
	}

	private Mono<Conversation> announced(Written written) {
		Conversation conversation = written.conversation();
		return recipients(conversation, written.side().other()).collectList().map((recipients) -> {
			this.events.publishEvent(new MessageWritten(conversation.id(), conversation.listingId(),
					conversation.listingTitle(), recipients, written.at()));
			return conversation;
		});
	}

	/** Everyone who reads for a side: the person, or every member of the organisation. */
	private Flux<UUID> recipients(Conversation conversation, Side side) {
		UUID organisation = conversation.organisationOf(side);
		if (organisation != null) {
			return this.memberships.members(organisation).map(OrganisationMemberships.Membership::accountId);
		}
		UUID person = conversation.accountOf(side);
		return (person != null) ? Flux.just(person) : Flux.empty();
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

	private Mono<java.util.Optional<String>> nameOf(Conversation conversation, Side side) {
		UUID organisation = conversation.organisationOf(side);
		Mono<String> name = (organisation != null)
				? this.memberships.names(List.of(organisation)).mapNotNull((names) -> names.get(organisation))
				: (conversation.accountOf(side) != null)
						? this.accounts.account(conversation.accountOf(side)).map(Account::displayName) : Mono.empty();
		return name.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty());
	}

	/**
	 * Plain text as it is stored: line breaks made uniform, control characters and broken
	 * surrogates (which PostgreSQL refuses) removed, trimmed, and within the length
	 * limit.
	 */
	String cleaned(String text) {
		if (text == null) {
			throw new InvalidMessage(new FieldProblem("text", "message.required"));
		}
		StringBuilder clean = new StringBuilder(text.length());
		text.replace("\r\n", "\n").replace('\r', '\n').codePoints().forEach((codePoint) -> {
			boolean control = Character.isISOControl(codePoint) && codePoint != '\n' && codePoint != '\t';
			if (!control && Character.getType(codePoint) != Character.SURROGATE) {
				clean.appendCodePoint(codePoint);
			}
		});
		String body = clean.toString().strip();
		if (body.isEmpty()) {
			throw new InvalidMessage(new FieldProblem("text", "message.required"));
		}
		if (body.length() > this.properties.maxMessageLength()) {
			throw new InvalidMessage(new FieldProblem("text", "message.too-long", this.properties.maxMessageLength()));
		}
		return body;
	}

	private static GenericExecuteSpec bindNullable(GenericExecuteSpec spec, String name, UUID value) {
		return (value != null) ? spec.bind(name, value) : spec.bindNull(name, UUID.class);
	}

}
