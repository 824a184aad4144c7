package de.pinnwand.notifications;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notices reach members by e-mail.
 *
 * @param baseUrl the portal's public address, for the absolute links in mails
 * @param from the mails' sender address
 * @param digestTime when the daily digest goes out, local time in Europe/Berlin
 * @param expiryNoticeDays how many days before a listing expires its owner is told
 * @param maxAttempts how often a mail is tried before it is recorded as failed
 * @param firstRetry the wait after the first failed attempt; it doubles with each further
 * one
 * @param maxBackoff the longest wait between two attempts
 * @param deliveryInterval how often the outbox is looked at when no new notice nudged it
 * @param sweepInterval how often reminders, expiry notices and due digests are looked for
 * @param unsubscribeSecret the key of the unsubscribe links' signature; from the
 * environment only. When unset, a random key is made at each start, and links in mails
 * sent before a restart no longer work
 */
@ConfigurationProperties("pinnwand.notifications")
public record NotificationsProperties(@DefaultValue("http://localhost:8080") String baseUrl,
		@DefaultValue("Pinnwand <pinnwand@localhost>") String from, @DefaultValue("07:00") LocalTime digestTime,
		@DefaultValue("3") int expiryNoticeDays, @DefaultValue("6") int maxAttempts,
		@DefaultValue("30s") Duration firstRetry, @DefaultValue("1h") Duration maxBackoff,
		@DefaultValue("5s") Duration deliveryInterval, @DefaultValue("1m") Duration sweepInterval,
		String unsubscribeSecret) {

	/** The absolute address of a portal path. */
	public String absolute(String path) {
		String base = this.baseUrl.endsWith("/") ? this.baseUrl.substring(0, this.baseUrl.length() - 1) : this.baseUrl;
		return base + path;
	}

}
