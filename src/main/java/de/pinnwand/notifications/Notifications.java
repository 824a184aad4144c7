package de.pinnwand.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.pinnwand.accounts.Account;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.accounts.EmailNotifications;
import io.r2dbc.spi.Readable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Notices for members. Each is stored with its kind and parameters and, depending on the
 * member's choice at that moment, queued for an immediate mail (in the same statement),
 * kept for the daily digest, or left to the portal. Making a notice never fails or delays
 * the action that caused it.
 */
@Service
public class Notifications {

	private static final Logger logger = LoggerFactory.getLogger(Notifications.class);

	/** How many notices the page and API show. */
	static final int PAGE_SIZE = 100;

	private final DatabaseClient database;

	private final AccountService accounts;

	private final MailDelivery delivery;

	private final Clock clock;

	Notifications(DatabaseClient database, AccountService accounts, MailDelivery delivery, Clock clock) {
		this.database = database;
		this.accounts = accounts;
		this.delivery = delivery;
		this.clock = clock;
	}

	/**
	 * What a notice is made of.
	 *
	 * @param onceKey makes the notice at most once per member (null for no such limit)
	 * @param aboutTitle the member's own item it concerns, e.g. their listing that a new
	 * one matches (or null)
	 * @param count how many events of this kind about this subject the notice stands for
	 * @param counted whether a further notice with the same key counts up the member's
	 * unread one (and makes a read one unread again, counting from one) instead of being
	 * dropped
	 */
	public record NewNotification(UUID accountId, NotificationKind kind, UUID subjectId, String title, String detail,
			String link, String onceKey, String aboutTitle, int count, boolean counted) {

		/** A notice about nothing of the member's own, made once per key. */
		public NewNotification(UUID accountId, NotificationKind kind, UUID subjectId, String title, String detail,
				String link, String onceKey) {
			this(accountId, kind, subjectId, title, detail, link, onceKey, null, 1, false);
		}

	}

	/**
	 * Makes a notice, and queues its mail when the member wants mails at once. Completes
	 * empty in every case: a failure is logged, never passed to the caller.
	 */
	public Mono<Void> notify(NewNotification notice) {
		return this.accounts.account(notice.accountId())
			.flatMap((account) -> store(notice, emailStateFor(account)))
			.doOnNext((queued) -> {
				if (queued) {
					this.delivery.nudge();
				}
			})
			.then()
			.onErrorResume((ex) -> {
				logger.warn("No " + notice.kind() + " notice for " + notice.accountId() + ": " + ex.getMessage());
				return Mono.empty();
			});
	}

	static EmailState emailStateFor(Account account) {
		if (account.contactEmail() == null || account.contactEmail().isBlank() || account.emailNotifications() == null
				|| account.emailNotifications() == EmailNotifications.NEVER) {
			return EmailState.NONE;
		}
		return (account.emailNotifications() == EmailNotifications.IMMEDIATELY) ? EmailState.QUEUED : EmailState.DIGEST;
	}

	/**
	 * Stores the notice and, for an immediate mail, its outbox row in one statement;
	 * emits whether a mail was queued.
	 */
	private Mono<Boolean> store(NewNotification notice, EmailState state) {
		Instant now = this.clock.instant();
		// The unique key (account, once key) decides: dropped, or counted up where the
		// notice is counted.
		DatabaseClient.GenericExecuteSpec insert = this.database.sql("with made as ("
				+ "insert into notification (id, account_id, kind, subject_id, title, detail, link, once_key, created_at, "
				+ "email_state, about_title, event_count) values (:id, :account, :kind, :subject, :title, :detail, :link, "
				+ ":once, :now, :state, :about, :count) "
				+ "on conflict (account_id, once_key) do update set event_count = case when notification.read_at is null "
				+ "then notification.event_count + excluded.event_count else excluded.event_count end, read_at = null, "
				+ "created_at = excluded.created_at, title = excluded.title, email_state = excluded.email_state, "
				+ "emailed_at = null where :counted " + "returning id, account_id, email_state) "
				+ "insert into mail_outbox (id, account_id, digest, notification_ids, state, next_attempt_at, created_at) "
				+ "select :outbox, account_id, false, array[id], 'PENDING', :now, :now from made where email_state = 'QUEUED'")
			.bind("id", UUID.randomUUID())
			.bind("account", notice.accountId())
			.bind("kind", notice.kind().name())
			.bind("link", notice.link())
			.bind("now", now)
			.bind("state", state.name())
			.bind("count", Math.max(1, notice.count()))
			.bind("counted", notice.counted())
			.bind("outbox", UUID.randomUUID());
		insert = bindNullable(insert, "subject", notice.subjectId(), UUID.class);
		insert = bindNullable(insert, "title", truncate(notice.title(), 200), String.class);
		insert = bindNullable(insert, "detail", truncate(notice.detail(), 100), String.class);
		insert = bindNullable(insert, "once", truncate(notice.onceKey(), 200), String.class);
		insert = bindNullable(insert, "about", truncate(notice.aboutTitle(), 200), String.class);
		return insert.fetch().rowsUpdated().map((rows) -> rows > 0);
	}

	private static DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name,
			Object value, Class<?> type) {
		return (value != null) ? spec.bind(name, value) : spec.bindNull(name, type);
	}

	private static String truncate(String value, int max) {
		return (value != null && value.length() > max) ? value.substring(0, max) : value;
	}

	/** What {@link #fromRow} reads. */
	static final String COLUMNS = "id, account_id, kind, subject_id, title, detail, link, created_at, read_at, "
			+ "email_state, about_title, event_count";

	static Notification fromRow(Readable row) {
		return new Notification(row.get("id", UUID.class), row.get("account_id", UUID.class),
				NotificationKind.valueOf(row.get("kind", String.class)), row.get("subject_id", UUID.class),
				row.get("title", String.class), row.get("detail", String.class), row.get("link", String.class),
				row.get("created_at", Instant.class), row.get("read_at", Instant.class),
				EmailState.valueOf(row.get("email_state", String.class)), row.get("about_title", String.class),
				row.get("event_count", Integer.class));
	}

	/** The member's newest notices, newest first. */
	public Flux<Notification> recent(UUID accountId) {
		return this.database
			.sql("select " + COLUMNS + " from notification where account_id = :account "
					+ "order by created_at desc, id limit " + PAGE_SIZE)
			.bind("account", accountId)
			.map((row, meta) -> fromRow(row))
			.all();
	}

	/** All of the member's notices, for their data export. */
	public Flux<Notification> all(UUID accountId) {
		return this.database
			.sql("select " + COLUMNS + " from notification where account_id = :account order by created_at desc, id")
			.bind("account", accountId)
			.map((row, meta) -> fromRow(row))
			.all();
	}

	/** How many notices the member has not read yet. */
	public Mono<Long> unreadCount(UUID accountId) {
		return this.database.sql("select count(*) from notification where account_id = :account and read_at is null")
			.bind("account", accountId)
			.map((row, meta) -> row.get(0, Long.class))
			.one();
	}

	/**
	 * Marks these of the member's notices read (all of them when {@code ids} is empty);
	 * others' stay as they are.
	 */
	public Mono<Long> markRead(UUID accountId, List<UUID> ids) {
		DatabaseClient.GenericExecuteSpec update = ids.isEmpty()
				? this.database
					.sql("update notification set read_at = :now where account_id = :account and read_at is null")
				: this.database
					.sql("update notification set read_at = :now where account_id = :account and read_at is null "
							+ "and id = any(:ids)")
					.bind("ids", ids.toArray(UUID[]::new));
		return update.bind("now", this.clock.instant()).bind("account", accountId).fetch().rowsUpdated();
	}

	/**
	 * Marks the member's unread notices of this kind about this subject read, e.g. once
	 * they read the conversation.
	 */
	public Mono<Long> markReadAbout(UUID accountId, NotificationKind kind, UUID subjectId) {
		return this.database
			.sql("update notification set read_at = :now where account_id = :account and kind = :kind "
					+ "and subject_id = :subject and read_at is null")
			.bind("now", this.clock.instant())
			.bind("account", accountId)
			.bind("kind", kind.name())
			.bind("subject", subjectId)
			.fetch()
			.rowsUpdated();
	}

}
