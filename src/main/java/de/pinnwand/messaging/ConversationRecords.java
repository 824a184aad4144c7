package de.pinnwand.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.listings.ListingKind;
import de.pinnwand.messaging.ConversationDetails.Disclosure;
import de.pinnwand.messaging.ConversationDetails.SharedContact;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The conversation tables as {@link ConversationService} reads them: conversations, the
 * inbox with unread counts, messages as a side sees them, read marks and what each side
 * chose to show.
 */
@Repository
class ConversationRecords {

	static final String COLUMNS = "c.id, c.listing_id, c.listing_title, c.listing_kind, c.owner_account_id, "
			+ "c.owner_organisation_id, "
			+ "c.answerer_account_id, c.answerer_organisation_id, c.status, c.closed_by, c.blocked_by, c.created_at, "
			+ "c.last_message_at, c.fulfilled_at, c.hidden_at";

	/**
	 * The conversations a member takes part in, each with the member's side: as the
	 * person or an organisation of theirs, on the listing's side or the answering one.
	 */
	private static final String MINE = "select c.*, 'OWNER' as my_side from conversation c "
			+ "where (c.owner_organisation_id is null and c.owner_account_id = :me) or c.owner_organisation_id in "
			+ "(select organisation_id from organisation_member where account_id = :me) "
			+ "union all select c.*, 'ANSWERER' as my_side from conversation c "
			+ "where (c.answerer_organisation_id is null and c.answerer_account_id = :me) or c.answerer_organisation_id in "
			+ "(select organisation_id from organisation_member where account_id = :me)";

	private static final String UNREAD = "(select count(*) from conversation_message m where m.conversation_id = c.id "
			+ "and m.side <> c.my_side and m.id > coalesce((select r.last_read_id from conversation_read r "
			+ "where r.conversation_id = c.id and r.account_id = :me), 0))";

	private final DatabaseClient database;

	ConversationRecords(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * The member's conversations, latest first, with how many messages they have not read
	 * in each.
	 */
	Flux<InboxEntry> inbox(UUID me, UUID listingId) {
		String sql = "select c.*, " + "case when c.my_side = 'OWNER' then coalesce(ao.name, aa.display_name) "
				+ "else coalesce(oo.name, oa.display_name) end as other_name, " + UNREAD + " as unread " + "from ("
				+ MINE + ") c " + "left join organisation ao on ao.id = c.answerer_organisation_id "
				+ "left join account aa on aa.id = c.answerer_account_id "
				+ "left join organisation oo on oo.id = c.owner_organisation_id "
				+ "left join account oa on oa.id = c.owner_account_id "
				+ ((listingId != null) ? "where c.listing_id = :listing " : "")
				+ "order by c.last_message_at desc limit 200";
		GenericExecuteSpec spec = this.database.sql(sql).bind("me", me);
		if (listingId != null) {
			spec = spec.bind("listing", listingId);
		}
		return spec
			.map((row, meta) -> new InboxEntry(row.get("id", UUID.class), row.get("listing_id", UUID.class),
					row.get("listing_title", String.class), ListingKind.valueOf(row.get("listing_kind", String.class)),
					Side.valueOf(row.get("my_side", String.class)), row.get("other_name", String.class),
					ConversationStatus.valueOf(row.get("status", String.class)),
					row.get("last_message_at", Instant.class), row.get("unread", Long.class)))
			.all();
	}

	/** How many messages wait unread for the member across all their conversations. */
	Mono<Long> unreadCount(UUID accountId) {
		return this.database.sql("select coalesce(sum(" + UNREAD + "), 0) as unread from (" + MINE + ") c")
			.bind("me", accountId)
			.map((row, meta) -> ((Number) row.get("unread")).longValue())
			.one();
	}

	/** What a member wrote in conversations, for their data export. */
	Flux<Map<String, Object>> writtenBy(UUID accountId) {
		return this.database
			.sql("select m.conversation_id, c.listing_title as title, m.body, m.created_at from conversation_message m "
					+ "join conversation c on c.id = m.conversation_id "
					+ "where m.author_account_id = :me order by m.id")
			.bind("me", accountId)
			.map((row, meta) -> Map.<String, Object>of("conversation",
					row.get("conversation_id", UUID.class).toString(), "listing", row.get("title", String.class),
					"text", row.get("body", String.class), "at", row.get("created_at", Instant.class).toString()))
			.all();
	}

	/**
	 * Deletes the conversations in which nobody wrote since {@code cutoff}, with their
	 * messages; returns how many.
	 */
	Mono<Long> deleteQuietSince(Instant cutoff) {
		return this.database.sql("delete from conversation where last_message_at < :cutoff")
			.bind("cutoff", cutoff)
			.fetch()
			.rowsUpdated();
	}

	/**
	 * The conversation by id when reports have hidden it (what coordinators review), or
	 * empty.
	 */
	Mono<Conversation> findHidden(UUID conversationId) {
		return this.database
			.sql("select " + COLUMNS + " from conversation c where c.id = :id and c.hidden_at is not null")
			.bind("id", conversationId)
			.map((row, meta) -> conversation(row))
			.one();
	}

	/**
	 * The conversation about the listing that the member, or the organisation they answer
	 * for, began; or empty.
	 */
	Mono<Conversation> answeredBy(UUID listingId, UUID me, UUID asOrganisationId) {
		String who = (asOrganisationId != null) ? "c.answerer_organisation_id = :who"
				: "c.answerer_account_id = :who and c.answerer_organisation_id is null";
		return this.database.sql("select " + COLUMNS + " from conversation c where c.listing_id = :listing and " + who)
			.bind("listing", listingId)
			.bind("who", (asOrganisationId != null) ? asOrganisationId : me)
			.map((row, meta) -> conversation(row))
			.one();
	}

	/** The conversation by id, or empty. */
	Mono<Conversation> find(UUID conversationId) {
		return this.database.sql("select " + COLUMNS + " from conversation c where c.id = :id")
			.bind("id", conversationId)
			.map((row, meta) -> conversation(row))
			.one();
	}

	Mono<Void> markRead(UUID conversationId, UUID accountId, long messageId) {
		return this.database.sql(
				"insert into conversation_read (conversation_id, account_id, last_read_id) values (:conversation, :me, :id) "
						+ "on conflict (conversation_id, account_id) do update set "
						+ "last_read_id = greatest(conversation_read.last_read_id, excluded.last_read_id)")
			.bind("conversation", conversationId)
			.bind("me", accountId)
			.bind("id", messageId)
			.then();
	}

	Flux<Message> newestFirst(Conversation conversation, Side mine, int limit) {
		return this.database
			.sql("select m.id, m.side, m.author_account_id, a.display_name, o.name as organisation_name, m.body, "
					+ "m.created_at from conversation_message m left join account a on a.id = m.author_account_id "
					+ "left join organisation o on o.id = case when m.side = 'OWNER' then :ownerOrganisation "
					+ "else :answererOrganisation end "
					+ "where m.conversation_id = :id order by m.id desc limit :limit")
			.bind("ownerOrganisation", nullable(conversation.ownerOrganisationId()))
			.bind("answererOrganisation", nullable(conversation.answererOrganisationId()))
			.bind("id", conversation.id())
			.bind("limit", limit)
			.map((row, meta) -> {
				Side side = Side.valueOf(row.get("side", String.class));
				String organisation = row.get("organisation_name", String.class);
				// An organisation speaks as itself; a deleted author's messages stay,
				// without their name.
				String author = (organisation != null) ? organisation
						: (row.get("author_account_id", UUID.class) != null) ? row.get("display_name", String.class)
								: null;
				return new Message(row.get("id", Long.class), side, author, side == mine, row.get("body", String.class),
						row.get("created_at", Instant.class));
			})
			.all();
	}

	Flux<SharedContact> sharedBy(UUID conversationId, Side side) {
		return this.database
			.sql("select a.display_name, case when d.shows_email then a.contact_email end as email, "
					+ "case when d.shows_phone then a.contact_phone end as phone from conversation_disclosure d "
					+ "join account a on a.id = d.account_id where d.conversation_id = :id and d.side = :side "
					+ "order by d.disclosed_at")
			.bind("id", conversationId)
			.bind("side", side.name())
			.map((row, meta) -> new SharedContact(row.get("display_name", String.class), row.get("email", String.class),
					row.get("phone", String.class)))
			.all()
			.filter((contact) -> contact.email() != null || contact.phone() != null);
	}

	Mono<Disclosure> disclosureOf(UUID conversationId, UUID accountId) {
		return this.database.sql(
				"select shows_email, shows_phone from conversation_disclosure where conversation_id = :id and account_id = :me")
			.bind("id", conversationId)
			.bind("me", accountId)
			.map((row, meta) -> new Disclosure(Boolean.TRUE.equals(row.get("shows_email", Boolean.class)),
					Boolean.TRUE.equals(row.get("shows_phone", Boolean.class))))
			.one()
			.defaultIfEmpty(Disclosure.NOTHING);
	}

	static Conversation conversation(Readable row) {
		String closedBy = row.get("closed_by", String.class);
		String blockedBy = row.get("blocked_by", String.class);
		return new Conversation(row.get("id", UUID.class), row.get("listing_id", UUID.class),
				row.get("listing_title", String.class), ListingKind.valueOf(row.get("listing_kind", String.class)),
				row.get("owner_account_id", UUID.class), row.get("owner_organisation_id", UUID.class),
				row.get("answerer_account_id", UUID.class), row.get("answerer_organisation_id", UUID.class),
				ConversationStatus.valueOf(row.get("status", String.class)),
				(closedBy != null) ? Side.valueOf(closedBy) : null,
				(blockedBy != null) ? Side.valueOf(blockedBy) : null, row.get("created_at", Instant.class),
				row.get("last_message_at", Instant.class), row.get("fulfilled_at", Instant.class),
				row.get("hidden_at", Instant.class));
	}

	private static Object nullable(UUID value) {
		return (value != null) ? value : io.r2dbc.spi.Parameters.in(UUID.class);
	}

}
