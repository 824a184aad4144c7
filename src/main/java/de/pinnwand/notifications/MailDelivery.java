package de.pinnwand.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import de.pinnwand.accounts.Account;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.system.BackgroundLoop;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Sends the mail outbox over SMTP, off the event loop. A new notice nudges it; otherwise
 * it looks every {@code delivery-interval}. A failed send is tried again after a growing
 * wait; after {@code max-attempts} the row is recorded as FAILED with its error (counted
 * in {@code /actuator/health}), never silently dropped. A member who stopped mails
 * meanwhile gets none (DROPPED).
 */
@Component
class MailDelivery extends BackgroundLoop {

	private static final Logger logger = LoggerFactory.getLogger(MailDelivery.class);

	/** Outbox rows taken per round. */
	private static final int BATCH = 20;

	/**
	 * A claimed row is not taken again by another round for this long, even if its send
	 * hangs.
	 */
	private static final Duration LEASE = Duration.ofMinutes(5);

	private final DatabaseClient database;

	private final AccountService accounts;

	private final NotificationMails mails;

	private final JavaMailSender sender;

	private final NotificationsProperties properties;

	private final Clock clock;

	private final Sinks.Many<Boolean> nudges = Sinks.many().multicast().directBestEffort();

	MailDelivery(DatabaseClient database, AccountService accounts, NotificationMails mails, JavaMailSender sender,
			NotificationsProperties properties, Clock clock) {
		this.database = database;
		this.accounts = accounts;
		this.mails = mails;
		this.sender = sender;
		this.properties = properties;
		this.clock = clock;
	}

	/** Looks at the outbox now rather than at the next interval. */
	void nudge() {
		this.nudges.tryEmitNext(Boolean.TRUE);
	}

	@Override
	protected Flux<?> loop() {
		return Flux
			.merge(Flux.interval(Duration.ofSeconds(2), this.properties.deliveryInterval()), this.nudges.asFlux())
			.onBackpressureLatest()
			.concatMap((tick) -> deliverDue(this.clock.instant()).onErrorResume((ex) -> {
				logger.warn("Mail delivery round failed, will retry: " + ex.getMessage());
				return Mono.just(0L);
			}), 1);
	}

	private record Row(UUID id, UUID accountId, boolean digest, List<UUID> notificationIds, int attempts) {
	}

	/** Sends the rows due at {@code now}; emits how many were sent. */
	Mono<Long> deliverDue(Instant now) {
		return this.database
			.sql("update mail_outbox set next_attempt_at = :lease where id in (select id from mail_outbox "
					+ "where state = 'PENDING' and next_attempt_at <= :now order by next_attempt_at limit " + BATCH
					+ " for update skip locked) returning id, account_id, digest, notification_ids, attempts")
			.bind("lease", now.plus(LEASE))
			.bind("now", now)
			.map((row, meta) -> new Row(row.get("id", UUID.class), row.get("account_id", UUID.class),
					Boolean.TRUE.equals(row.get("digest", Boolean.class)),
					Arrays.asList(row.get("notification_ids", UUID[].class)), row.get("attempts", Integer.class)))
			.all()
			.concatMap((row) -> deliver(row, now))
			.filter(Boolean::booleanValue)
			.count();
	}

	private Mono<Boolean> deliver(Row row, Instant now) {
		return this.accounts.account(row.accountId()).flatMap((account) -> {
			if (Notifications.emailStateFor(account) == EmailState.NONE) {
				return finish(row, "DROPPED", EmailState.NONE, now).thenReturn(false);
			}
			return notices(row).collectList()
				.flatMap((notices) -> notices.isEmpty() ? finish(row, "DROPPED", EmailState.NONE, now).thenReturn(false)
						: send(account, notices, row.digest(), now).then(finish(row, "SENT", EmailState.SENT, now))
							.thenReturn(true)
							.onErrorResume((ex) -> failed(row, ex, now).thenReturn(false)));
		}).onErrorResume((ex) -> failed(row, ex, now).thenReturn(false));
	}

	private Flux<Notification> notices(Row row) {
		return this.database
			.sql("select " + Notifications.COLUMNS + " from notification where account_id = :account "
					+ "and id = any(:ids) order by created_at, id")
			.bind("account", row.accountId())
			.bind("ids", row.notificationIds().toArray(UUID[]::new))
			.map((r, meta) -> Notifications.fromRow(r))
			.all();
	}

	/** Jakarta Mail blocks: the send runs on a worker thread, never on the event loop. */
	private Mono<Void> send(Account account, List<Notification> notices, boolean digest, Instant now) {
		return Mono.fromRunnable(() -> {
			NotificationMails.Mail mail = this.mails.write(account, notices, digest, now);
			try {
				MimeMessage message = this.sender.createMimeMessage();
				MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
				helper.setFrom(this.properties.from());
				helper.setTo(mail.to());
				helper.setSubject(mail.subject());
				helper.setText(mail.text(), mail.html());
				// RFC 2369 and RFC 8058: mail programs offer a one-click unsubscribe that
				// posts to the link.
				message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
				message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
				message.setHeader("Auto-Submitted", "auto-generated");
				this.sender.send(message);
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new org.springframework.mail.MailPreparationException(ex);
			}
		}).subscribeOn(Schedulers.boundedElastic()).then();
	}

	private Mono<Void> finish(Row row, String state, EmailState noticeState, Instant now) {
		String emailedAt = (noticeState == EmailState.SENT) ? ":now" : "emailed_at";
		return this.database.sql(
				"with done as (update mail_outbox set state = :state, attempts = attempts + :tried, finished_at = :now, "
						+ "last_error = null where id = :id returning notification_ids) update notification set "
						+ "email_state = :noticeState, emailed_at = " + emailedAt
						+ " where id = any((select notification_ids from done)::uuid[])")
			.bind("state", state)
			.bind("tried", "SENT".equals(state) ? 1 : 0)
			.bind("now", now)
			.bind("id", row.id())
			.bind("noticeState", noticeState.name())
			.then();
	}

	private Mono<Void> failed(Row row, Throwable ex, Instant now) {
		int attempts = row.attempts() + 1;
		String error = describe(ex);
		if (attempts >= this.properties.maxAttempts()) {
			logger.error("Mail " + row.id() + " to account " + row.accountId() + " failed " + attempts
					+ " times, giving up: " + error);
			return this.database.sql(
					"with done as (update mail_outbox set state = 'FAILED', attempts = :attempts, last_error = :error, "
							+ "finished_at = :now where id = :id returning notification_ids) update notification set "
							+ "email_state = 'FAILED' where id = any((select notification_ids from done)::uuid[])")
				.bind("attempts", attempts)
				.bind("error", error)
				.bind("now", now)
				.bind("id", row.id())
				.then();
		}
		logger.warn("Mail " + row.id() + " not sent (attempt " + attempts + "), will retry: " + error);
		return this.database.sql(
				"update mail_outbox set attempts = :attempts, last_error = :error, next_attempt_at = :next where id = :id")
			.bind("attempts", attempts)
			.bind("error", error)
			.bind("next", now.plus(backoff(attempts)))
			.bind("id", row.id())
			.then();
	}

	/**
	 * The wait after the n-th failed attempt: first-retry, doubling, at most max-backoff.
	 */
	Duration backoff(int attempts) {
		Duration wait = this.properties.firstRetry();
		for (int i = 1; i < attempts && wait.compareTo(this.properties.maxBackoff()) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.properties.maxBackoff()) > 0) ? this.properties.maxBackoff() : wait;
	}

	private static final java.util.regex.Pattern MAIL_ADDRESS = java.util.regex.Pattern
		.compile("[^\\s<>\"'@,;:]+@[^\\s<>\"'@,;:]+");

	static String describe(Throwable ex) {
		StringBuilder message = new StringBuilder(ex.getClass().getSimpleName());
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String text = (cause.getMessage() != null) ? cause.getMessage() : String.valueOf(ex.getMessage());
		// Mail servers name the recipient in their refusals; the log and the outbox keep
		// no addresses.
		message.append(": ").append(MAIL_ADDRESS.matcher(text).replaceAll("<address>"));
		return (message.length() > 500) ? message.substring(0, 500) : message.toString();
	}

	/** For the health check: rows waiting and rows given up on. */
	record Counts(long pending, long failed) {
	}

	Mono<Counts> counts() {
		return this.database
			.sql("select count(*) filter (where state = 'PENDING') as pending, "
					+ "count(*) filter (where state = 'FAILED') as failed from mail_outbox")
			.map((row, meta) -> new Counts(row.get("pending", Long.class), row.get("failed", Long.class)))
			.one();
	}

}
