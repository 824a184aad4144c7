package de.pinnwand.notifications.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.accounts.Members;
import de.pinnwand.accounts.PersonalData;
import de.pinnwand.listings.ListingIds;
import de.pinnwand.notifications.Notification;
import de.pinnwand.notifications.NotificationTexts;
import de.pinnwand.notifications.Notifications;
import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.InvalidInput;
import de.pinnwand.web.Messages;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/me/notifications}: the signed-in member's newest notices, with their
 * text in the reader's language ({@code Accept-Language} or {@code ?ui=}), and marking
 * them read.
 */
@RestController
@RequestMapping("/api/v1/me/notifications")
class NotificationsApi {

	private final Notifications notifications;

	private final NotificationTexts texts;

	private final Members members;

	NotificationsApi(Notifications notifications, NotificationTexts texts, Members members) {
		this.notifications = notifications;
		this.texts = texts;
		this.members = members;
	}

	record NotificationJson(String id, String kind, String text, String link, String subject, String title,
			String detail, Instant createdAt, Instant readAt, String email) {

		static NotificationJson of(Notification notice, String text) {
			return new NotificationJson(notice.id().toString(), notice.kind().name(), text, notice.link(),
					(notice.subjectId() != null) ? notice.subjectId().toString() : null, notice.title(),
					notice.detail(), notice.createdAt(), notice.readAt(), notice.emailState().name());
		}

	}

	record NotificationsJson(long unread, List<NotificationJson> items) {
	}

	/** Which notices to mark read; none (or no body) marks all. */
	record ReadRequest(List<String> ids) {
	}

	/** An id that is no notice's. */
	static class InvalidNotificationIds extends InvalidInput {

		InvalidNotificationIds() {
			super("notification ids", List.of(new FieldProblem("ids", "ids.invalid")));
		}

	}

	@GetMapping
	Mono<NotificationsJson> mine(ServerWebExchange exchange) {
		Locale locale = Messages.localeOf(exchange);
		return this.members.required(exchange)
			.flatMap((member) -> this.notifications.recent(member.accountId())
				.map((notice) -> NotificationJson.of(notice, this.texts.line(notice, locale)))
				.collectList()
				.zipWith(this.notifications.unreadCount(member.accountId()))
				.map((both) -> new NotificationsJson(both.getT2(), both.getT1())));
	}

	@PostMapping("/read")
	Mono<Map<String, Long>> read(@RequestBody(required = false) ReadRequest body, ServerWebExchange exchange) {
		List<UUID> ids = new ArrayList<>();
		if (body != null && body.ids() != null) {
			for (String id : body.ids()) {
				UUID parsed = ListingIds.parse(id);
				if (parsed == null) {
					return Mono.error(new InvalidNotificationIds());
				}
				ids.add(parsed);
			}
		}
		// The count after the update, not beside it.
		return this.members.required(exchange)
			.flatMap((member) -> this.notifications.markRead(member.accountId(), ids)
				.flatMap((marked) -> this.notifications.unreadCount(member.accountId())
					.map((unread) -> Map.of("marked", marked, "unread", unread))));
	}

	/** A member's notices in their data export. */
	@Component
	static class NotificationsInExport implements PersonalData {

		private final Notifications notifications;

		private final NotificationTexts texts;

		NotificationsInExport(Notifications notifications, NotificationTexts texts) {
			this.notifications = notifications;
			this.texts = texts;
		}

		@Override
		public String name() {
			return "notifications";
		}

		@Override
		public Mono<Object> of(UUID accountId) {
			return this.notifications.all(accountId)
				.map((notice) -> NotificationJson.of(notice, this.texts.line(notice, Locale.GERMAN)))
				.collectList()
				.map(Object.class::cast);
		}

	}

}
