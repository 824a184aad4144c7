package de.pinnwand.notifications;

import java.util.UUID;

import de.pinnwand.listings.ListingService;
import de.pinnwand.matching.MatchNoticeRecorded;
import de.pinnwand.messaging.ConversationRead;
import de.pinnwand.messaging.MessageWritten;
import de.pinnwand.moderation.ItemDecided;
import de.pinnwand.moderation.ListingDecided;
import de.pinnwand.search.SavedSearchHitRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns what happened elsewhere into notices. Each listener starts its work and returns
 * at once: the publishing feature's action is never delayed, and
 * {@link Notifications#notify} swallows its own failures.
 */
@Component
class NotificationTriggers {

	private final Notifications notifications;

	private final ListingService listings;

	NotificationTriggers(Notifications notifications, ListingService listings) {
		this.notifications = notifications;
		this.listings = listings;
	}

	@EventListener
	void on(MessageWritten written) {
		if (written.recipientAccountIds() == null) {
			return;
		}
		for (UUID recipient : written.recipientAccountIds()) {
			// One line per conversation: further messages before the member read it count
			// up the notice.
			this.notifications
				.notify(new Notifications.NewNotification(recipient, NotificationKind.NEW_MESSAGE,
						written.conversationId(), written.listingTitle(), null,
						"/conversations/" + written.conversationId(), "conversation:" + written.conversationId(), null,
						1, true))
				.subscribe();
		}
	}

	/** Whoever read a conversation has no news of it left. */
	@EventListener
	void on(ConversationRead read) {
		this.notifications.markReadAbout(read.accountId(), NotificationKind.NEW_MESSAGE, read.conversationId())
			.subscribe();
	}

	/**
	 * The author of an activity, organisation or conversation hears what a coordinator
	 * decided, and why.
	 */
	@EventListener
	void on(ItemDecided decided) {
		if (decided.authorAccountId() == null || decided.decision() == null) {
			return;
		}
		String detail = decided.decision().name() + ((decided.reason() != null) ? ":" + decided.reason() : "");
		this.notifications
			.notify(new Notifications.NewNotification(decided.authorAccountId(), NotificationKind.MODERATION_DECISION,
					decided.itemId(), decided.title(), detail, decided.href(), null))
			.subscribe();
	}

	@EventListener
	void on(ListingDecided decided) {
		if (decided.authorAccountId() == null || decided.decision() == null) {
			return;
		}
		this.listings.find(decided.listingId())
			.map((listing) -> listing.title())
			.defaultIfEmpty("")
			.onErrorReturn("")
			.flatMap((title) -> this.notifications.notify(
					new Notifications.NewNotification(decided.authorAccountId(), NotificationKind.MODERATION_DECISION,
							decided.listingId(), title, decided.decision().name(), "/my/listings", null)))
			.subscribe();
	}

	/**
	 * One notice per member and new listing, naming the member's listing it fits best and
	 * counting the rest; a member hears of a new listing once, through a match or a saved
	 * search, whichever comes first.
	 */
	@EventListener
	void on(MatchNoticeRecorded recorded) {
		this.notifications
			.notify(new Notifications.NewNotification(recorded.ownerAccountId(), NotificationKind.NEW_MATCH,
					recorded.matchedListingId(), recorded.matchedTitle(), null,
					"/listings/" + recorded.matchedListingId(), newListingKey(recorded.matchedListingId()),
					recorded.listingTitle(), recorded.listingIds().size(), false))
			.subscribe();
	}

	/** The once key of a notice that tells a member of a new listing. */
	static String newListingKey(UUID listingId) {
		return "new-listing:" + listingId;
	}

	@EventListener
	void on(SavedSearchHitRecorded hit) {
		// Several saved searches of one member may find the same listing, or it matched
		// one of theirs: one notice.
		this.notifications
			.notify(new Notifications.NewNotification(hit.accountId(), NotificationKind.SAVED_SEARCH_HIT,
					hit.listingId(), hit.listingTitle(), null, "/listings/" + hit.listingId(),
					newListingKey(hit.listingId())))
			.subscribe();
	}

}
