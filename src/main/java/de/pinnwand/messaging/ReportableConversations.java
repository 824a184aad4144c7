package de.pinnwand.messaging;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import de.pinnwand.moderation.ReportableItems;
import de.pinnwand.moderation.ReportedItem;
import org.springframework.context.annotation.Lazy;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A side of a conversation can report it: one report takes it to the coordination
 * office's queue at once (two people talk, so there is nobody to wait for). While it
 * waits it takes no messages, and coordinators may read it; restoring opens it again,
 * closing leaves it resting for good.
 */
@Component
class ReportableConversations implements ReportableItems {

	static final String TYPE = "conversation";

	/** How many of the latest messages the queue shows. */
	private static final int SHOWN = 30;

	private final DatabaseClient database;

	private final ConversationService conversations;

	private final Clock clock;

	// Lazy: the conversations need moderation to report, and moderation collects this
	// bean.
	ReportableConversations(DatabaseClient database, @Lazy ConversationService conversations, Clock clock) {
		this.database = database;
		this.conversations = conversations;
		this.clock = clock;
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public int threshold() {
		return 1;
	}

	/**
	 * The listing's title, and the latest messages with the side that wrote each, for the
	 * coordinator.
	 */
	@Override
	public Mono<ReportedItem> describe(UUID id) {
		return this.database
			.sql("select " + ConversationRecords.COLUMNS + ", c.reported_by, l.district, l.place_name "
					+ "from conversation c left join listing l on l.id = c.listing_id where c.id = :id")
			.bind("id", id)
			.map((row, meta) -> new Found(ConversationRecords.conversation(row), row.get("reported_by", String.class),
					row.get("district", String.class), row.get("place_name", String.class)))
			.one()
			.flatMap(
					(found) -> this.conversations.latest(found.conversation(), Side.OWNER, SHOWN).map((oldestFirst) -> {
						Conversation conversation = found.conversation();
						String text = oldestFirst.stream()
							.map((message) -> "[" + message.side() + "] " + message.body())
							.collect(Collectors.joining("\n"));
						// Whom the report is about: the side that did not report.
						UUID author = (found.reportedBy() != null)
								? conversation.accountOf(Side.valueOf(found.reportedBy()).other()) : null;
						return new ReportedItem(TYPE, id, conversation.listingTitle(), text, null,
								"/conversations/" + id, found.district(), found.placeName(), List.of(), author,
								conversation.createdAt(), conversation.hiddenAt() == null);
					}));
	}

	private record Found(Conversation conversation, String reportedBy, String district, String placeName) {
	}

	@Override
	public Mono<Void> hide(UUID id) {
		return this.database.sql("update conversation set hidden_at = :at where id = :id")
			.bind("at", this.clock.instant())
			.bind("id", id)
			.then();
	}

	@Override
	public Mono<Void> restore(UUID id) {
		return this.database.sql("update conversation set hidden_at = null, reported_by = null where id = :id")
			.bind("id", id)
			.then();
	}

}
