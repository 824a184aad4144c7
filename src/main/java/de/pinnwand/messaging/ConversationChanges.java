package de.pinnwand.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The changes {@link ConversationService} makes to the conversation tables: beginning,
 * messages, disclosures, closing, blocking, fulfilment and reports; and the blocks
 * between two members.
 */
@Repository
class ConversationChanges {

	private final DatabaseClient database;

	ConversationChanges(DatabaseClient database) {
		this.database = database;
	}

	/** Begins the conversation; false when another answer at once already began it. */
	Mono<Boolean> begin(Conversation conversation) {
		GenericExecuteSpec insert = this.database
			.sql("insert into conversation (id, listing_id, listing_title, listing_kind, owner_account_id, "
					+ "owner_organisation_id, answerer_account_id, answerer_organisation_id, status, created_at, "
					+ "last_message_at, version) values (:id, :listing, :title, :kind, :owner, :ownerOrganisation, :me, "
					+ ":asOrganisation, 'OPEN', :at, :at, 0) on conflict do nothing")
			.bind("id", conversation.id())
			.bind("listing", conversation.listingId())
			.bind("title", conversation.listingTitle())
			.bind("kind", conversation.listingKind().name())
			.bind("me", conversation.answererAccountId())
			.bind("at", conversation.createdAt());
		insert = bindNullable(insert, "owner", conversation.ownerAccountId());
		insert = bindNullable(insert, "ownerOrganisation", conversation.ownerOrganisationId());
		insert = bindNullable(insert, "asOrganisation", conversation.answererOrganisationId());
		return insert.fetch().rowsUpdated().map((inserted) -> inserted > 0);
	}

	/**
	 * Stores a message in an open conversation not hidden for review; empty when it is
	 * not (or no longer) open.
	 * @return the message's id
	 */
	Mono<Long> addMessage(UUID conversationId, Side side, UUID authorAccountId, String body, Instant at) {
		return this.database
			.sql("update conversation set last_message_at = :at, version = version + 1 "
					+ "where id = :id and status = 'OPEN' and hidden_at is null")
			.bind("at", at)
			.bind("id", conversationId)
			.fetch()
			.rowsUpdated()
			.filter((updated) -> updated > 0)
			.flatMap((updated) -> this.database
				.sql("insert into conversation_message (conversation_id, side, author_account_id, body, created_at) "
						+ "values (:conversation, :side, :author, :body, :at) returning id")
				.bind("conversation", conversationId)
				.bind("side", side.name())
				.bind("author", authorAccountId)
				.bind("body", body)
				.bind("at", at)
				.map((row, meta) -> row.get("id", Long.class))
				.one());
	}

	/** Widens what the member's side shows; what was shown stays shown. */
	Mono<Void> disclose(UUID conversationId, UUID accountId, Side side, boolean email, boolean phone, Instant at) {
		return this.database
			.sql("insert into conversation_disclosure (conversation_id, account_id, side, shows_email, "
					+ "shows_phone, disclosed_at) values (:conversation, :me, :side, :email, :phone, :at) "
					+ "on conflict (conversation_id, account_id) do update set "
					+ "shows_email = conversation_disclosure.shows_email or excluded.shows_email, "
					+ "shows_phone = conversation_disclosure.shows_phone or excluded.shows_phone, "
					+ "disclosed_at = excluded.disclosed_at")
			.bind("conversation", conversationId)
			.bind("me", accountId)
			.bind("side", side.name())
			.bind("email", email)
			.bind("phone", phone)
			.bind("at", at)
			.then();
	}

	/** Closes an open conversation; a closed one stays as it is. */
	Mono<Void> close(UUID conversationId, Side by) {
		return this.database
			.sql("update conversation set status = 'CLOSED', closed_by = :side, version = version + 1 "
					+ "where id = :id and status = 'OPEN'")
			.bind("side", by.name())
			.bind("id", conversationId)
			.then();
	}

	/** Closes the conversation (if it is not yet) and marks it blocked by the side. */
	Mono<Void> block(UUID conversationId, Side by) {
		return this.database
			.sql("update conversation set status = 'CLOSED', closed_by = coalesce(closed_by, :side), "
					+ "blocked_by = :side, version = version + 1 where id = :id")
			.bind("side", by.name())
			.bind("id", conversationId)
			.then();
	}

	/** The listing's side found the help here. */
	Mono<Void> fulfilled(UUID conversationId, Instant at) {
		return this.database.sql("update conversation set fulfilled_at = :at, version = version + 1 where id = :id")
			.bind("at", at)
			.bind("id", conversationId)
			.then();
	}

	/** The side reported the conversation. */
	Mono<Void> reported(UUID conversationId, Side by) {
		return this.database.sql("update conversation set reported_by = :side where id = :id")
			.bind("side", by.name())
			.bind("id", conversationId)
			.then();
	}

	/** One member blocks another; blocking twice changes nothing. */
	Mono<Void> blockMember(UUID blocker, UUID blocked, Instant at) {
		return this.database
			.sql("insert into member_block (blocker_account_id, blocked_account_id, created_at) "
					+ "values (:me, :other, :at) on conflict do nothing")
			.bind("me", blocker)
			.bind("other", blocked)
			.bind("at", at)
			.then();
	}

	/** Whether either of two members blocked the other. */
	Mono<Boolean> blockedBetween(UUID one, UUID other) {
		return this.database
			.sql("select count(*) as blocks from member_block where (blocker_account_id = :owner and "
					+ "blocked_account_id = :me) or (blocker_account_id = :me and blocked_account_id = :owner)")
			.bind("owner", one)
			.bind("me", other)
			.map((row, meta) -> row.get("blocks", Long.class))
			.one()
			.map((blocks) -> blocks > 0);
	}

	private static GenericExecuteSpec bindNullable(GenericExecuteSpec spec, String name, UUID value) {
		return (value != null) ? spec.bind(name, value) : spec.bindNull(name, UUID.class);
	}

}
