package de.pinnwand.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import de.pinnwand.accounts.Member;
import de.pinnwand.listings.Listing;
import de.pinnwand.system.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Messages going into conversations: cleaned, stored with the writer's read mark in one
 * transaction, and announced to the other side once that committed.
 */
@Component
class ConversationMessages {

	private final ConversationRecords records;

	private final ConversationChanges changes;

	private final ConversationSides sides;

	private final ApplicationEventPublisher events;

	private final TransactionalOperator transaction;

	private final MessagingProperties properties;

	private final Clock clock;

	ConversationMessages(ConversationRecords records, ConversationChanges changes, ConversationSides sides,
			ApplicationEventPublisher events, TransactionalOperator transaction, MessagingProperties properties,
			Clock clock) {
		this.records = records;
		this.changes = changes;
		this.sides = sides;
		this.events = events;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Begins a conversation about the listing with its first message; continues the one a
	 * concurrent answer began.
	 */
	Mono<Conversation> begin(Member member, Listing listing, UUID asOrganisationId, String body) {
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		Conversation fresh = new Conversation(id, listing.id(), listing.title(), listing.kind(),
				listing.ownerAccountId(), listing.organisationId(), member.accountId(), asOrganisationId,
				ConversationStatus.OPEN, null, null, now, now, null, null);
		return this.changes.begin(fresh).flatMap((inserted) -> {
			// Two answers at once: the other request began it, so this one continues it.
			Mono<Conversation> conversation = inserted ? Mono.just(fresh)
					: this.records.answeredBy(listing.id(), member.accountId(), asOrganisationId);
			return conversation.flatMap((begun) -> store(member, begun, Side.ANSWERER, body, now));
		}).as(this.transaction::transactional).flatMap(this::announced);
	}

	/** Writes in an open conversation on the member's side. */
	Mono<Conversation> write(Member member, Conversation conversation, Side side, String body) {
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
		return this.changes.addMessage(conversation.id(), side, member.accountId(), body, at)
			.switchIfEmpty(Mono.error(ConversationClosed::new))
			.flatMap((messageId) -> this.records.markRead(conversation.id(), member.accountId(), messageId)
				.thenReturn(new Written(conversation, side, messageId, at)));
	}

	private Mono<Conversation> announced(Written written) {
		Conversation conversation = written.conversation();
		return this.sides.recipients(conversation, written.side().other()).collectList().map((recipients) -> {
			this.events.publishEvent(new MessageWritten(conversation.id(), conversation.listingId(),
					conversation.listingTitle(), recipients, written.at()));
			return conversation;
		});
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

}
