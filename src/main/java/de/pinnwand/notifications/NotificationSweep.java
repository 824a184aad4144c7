package de.pinnwand.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import de.pinnwand.system.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The notices that time makes, every {@code sweep-interval}: 'your activity is tomorrow'
 * (once per sign-up and occurrence), 'your listing expires in N days' (once per listing
 * and expiry date), and the daily digests, queued once the configured local time has
 * passed, with every notice kept for the digest since the last one.
 */
@Component
class NotificationSweep extends BackgroundLoop {

	private static final Logger logger = LoggerFactory.getLogger(NotificationSweep.class);

	private final DatabaseClient database;

	private final Notifications notifications;

	private final MailDelivery delivery;

	private final NotificationsProperties properties;

	private final Clock clock;

	NotificationSweep(DatabaseClient database, Notifications notifications, MailDelivery delivery,
			NotificationsProperties properties, Clock clock) {
		this.database = database;
		this.notifications = notifications;
		this.delivery = delivery;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	protected Flux<?> loop() {
		return Flux.interval(java.time.Duration.ofSeconds(10), this.properties.sweepInterval())
			.onBackpressureDrop()
			.concatMap((tick) -> sweep(this.clock.instant()).onErrorResume((ex) -> {
				logger.warn("Notification sweep failed, will retry: " + ex.getMessage());
				return Mono.empty();
			}), 1);
	}

	/** Everything that is due at {@code now}. */
	Mono<Void> sweep(Instant now) {
		return remindActivities(now).then(noticeExpiringListings(now)).then(queueDigests(now)).then();
	}

	/**
	 * Reminds everyone with a confirmed place at an activity that takes place tomorrow
	 * (Europe/Berlin).
	 */
	Mono<Long> remindActivities(Instant now) {
		LocalDate tomorrow = now.atZone(NotificationMails.ZONE).toLocalDate().plusDays(1);
		return this.database.sql(
				"select s.account_id, s.activity_id, a.title from activity_signup s join activity a on a.id = s.activity_id "
						+ "where s.occurrence = :tomorrow and s.status = 'CONFIRMED' and a.status = 'PUBLISHED' "
						+ "and not exists (select 1 from notification n where n.account_id = s.account_id "
						+ "and n.once_key = 'activity-reminder:' || s.activity_id || ':' || s.occurrence)")
			.bind("tomorrow", tomorrow)
			.map((row, meta) -> new Notifications.NewNotification(row.get("account_id", UUID.class),
					NotificationKind.ACTIVITY_REMINDER, row.get("activity_id", UUID.class),
					row.get("title", String.class), tomorrow.toString(),
					"/activities/" + row.get("activity_id", UUID.class),
					"activity-reminder:" + row.get("activity_id", UUID.class) + ":" + tomorrow))
			.all()
			.concatMap((notice) -> this.notifications.notify(notice).thenReturn(1L))
			.count();
	}

	/** Tells the owners of listings that expire within {@code expiry-notice-days}. */
	Mono<Long> noticeExpiringListings(Instant now) {
		return this.database
			.sql("select id, owner_account_id, title, expires_at from listing where status = 'PUBLISHED' "
					+ "and owner_account_id is not null and expires_at > :now and expires_at <= :horizon "
					+ "and not exists (select 1 from notification n where n.account_id = listing.owner_account_id "
					+ "and n.once_key = 'listing-expiring:' || listing.id || ':' || floor(extract(epoch from listing.expires_at))::bigint)")
			.bind("now", now)
			.bind("horizon", now.plus(this.properties.expiryNoticeDays(), ChronoUnit.DAYS))
			.map((row, meta) -> {
				UUID id = row.get("id", UUID.class);
				Instant expires = row.get("expires_at", Instant.class);
				return new Notifications.NewNotification(row.get("owner_account_id", UUID.class),
						NotificationKind.LISTING_EXPIRING, id, row.get("title", String.class),
						expires.atZone(NotificationMails.ZONE).toLocalDate().toString(), "/my/listings",
						"listing-expiring:" + id + ":" + expires.getEpochSecond());
			})
			.all()
			.concatMap((notice) -> this.notifications.notify(notice).thenReturn(1L))
			.count();
	}

	/**
	 * Puts one digest mail per member into the outbox with the notices kept for it that
	 * were made before the last digest time that passed; notices made later wait for the
	 * next day's.
	 */
	Mono<Long> queueDigests(Instant now) {
		ZonedDateTime local = now.atZone(NotificationMails.ZONE);
		ZonedDateTime today = local.toLocalDate().atTime(this.properties.digestTime()).atZone(NotificationMails.ZONE);
		Instant cutoff = (local.isBefore(today) ? today.minusDays(1) : today).toInstant();
		return this.database
			// Locked rows are another instance's digest in the making: skipped, so no
			// notice goes out twice.
			.sql("with picked as (select id, account_id, created_at from notification where email_state = 'DIGEST' "
					+ "and created_at <= :cutoff for update skip locked), "
					+ "marked as (update notification set email_state = 'QUEUED' where id in (select id from picked)), "
					+ "due as (select account_id, array_agg(id order by created_at, id) as ids from picked group by account_id) "
					+ "insert into mail_outbox (id, account_id, digest, notification_ids, state, next_attempt_at, created_at) "
					+ "select gen_random_uuid(), account_id, true, ids, 'PENDING', :now, :now from due")
			.bind("cutoff", cutoff)
			.bind("now", now)
			.fetch()
			.rowsUpdated()
			.doOnNext((queued) -> {
				if (queued > 0) {
					logger.info(queued + " daily digest(s) queued");
					this.delivery.nudge();
				}
			});
	}

}
