package de.pinnwand.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * A notice as stored: its kind and parameters, never its text, which is rendered in the
 * reader's language.
 *
 * @param subjectId what it is about (a conversation, listing or activity)
 * @param title the listing's or activity's title, a parameter of the text
 * @param detail the kind's further parameter: the decision, the occurrence date, the
 * expiry date
 * @param link the portal path it leads to
 * @param aboutTitle the member's own item it concerns, e.g. their listing that the new
 * one matches (or null)
 * @param count how many events of its kind about its subject it stands for (matched
 * listings, messages)
 */
public record Notification(UUID id, UUID accountId, NotificationKind kind, UUID subjectId, String title, String detail,
		String link, Instant createdAt, Instant readAt, EmailState emailState, String aboutTitle, int count) {

	public boolean isRead() {
		return this.readAt != null;
	}

}
