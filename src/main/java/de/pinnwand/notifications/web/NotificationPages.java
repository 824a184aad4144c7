package de.pinnwand.notifications.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.accounts.Members;
import de.pinnwand.listings.ListingIds;
import de.pinnwand.notifications.NotificationTexts;
import de.pinnwand.notifications.Notifications;
import de.pinnwand.system.PortalZone;
import de.pinnwand.web.Layout;
import de.pinnwand.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 'My notifications': the newest notices in the reader's language, unread ones marked,
 * each with its link.
 */
@Controller
class NotificationPages {

	static final String VIEW = "notifications/list";

	private final Notifications notifications;

	private final NotificationTexts texts;

	private final Members members;

	private final Layout layout;

	private final Messages messages;

	NotificationPages(Notifications notifications, NotificationTexts texts, Members members, Layout layout,
			Messages messages) {
		this.notifications = notifications;
		this.texts = texts;
		this.members = members;
		this.layout = layout;
		this.messages = messages;
	}

	/** One notice as the page lists it. */
	record NoticeLine(String id, String text, String href, String at, boolean unread) {
	}

	@GetMapping("/my/notifications")
	Mono<Rendering> mine(ServerWebExchange exchange) {
		Locale locale = Messages.localeOf(exchange);
		return this.members.required(exchange)
			.flatMap((member) -> this.notifications.recent(member.accountId())
				.map((notice) -> new NoticeLine(notice.id().toString(), this.texts.line(notice, locale), notice.link(),
						NotificationTexts.date(notice.createdAt().atZone(PortalZone.ZONE).toLocalDate().toString(),
								locale),
						!notice.isRead()))
				.collectList()
				.map((lines) -> {
					Map<String, Object> model = this.layout.model(exchange, "notifications.page-title");
					model.put("notices", lines);
					model.put("empty", lines.isEmpty());
					model.put("anyUnread", lines.stream().anyMatch(NoticeLine::unread));
					if (exchange.getRequest().getQueryParams().containsKey("read")) {
						model.put("done", this.messages.get(locale, "notifications.done.read"));
					}
					return Rendering.view(VIEW).model(model).build();
				}));
	}

	/**
	 * Marks one notice read ({@code id}), or all of them without one; another member's id
	 * changes nothing.
	 */
	@PostMapping("/my/notifications/read")
	Mono<Rendering> read(ServerWebExchange exchange) {
		return exchange.getFormData().zipWith(this.members.required(exchange)).flatMap((both) -> {
			String id = both.getT1().getFirst("id");
			List<UUID> ids = List.of();
			if (id != null && !id.isBlank()) {
				UUID parsed = ListingIds.parse(id);
				if (parsed == null) {
					return Mono.just(Rendering.redirectTo("/my/notifications").build());
				}
				ids = List.of(parsed);
			}
			return this.notifications.markRead(both.getT2().accountId(), ids)
				.thenReturn(Rendering.redirectTo("/my/notifications?read").build());
		});
	}

}
