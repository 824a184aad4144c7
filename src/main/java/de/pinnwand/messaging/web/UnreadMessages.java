package de.pinnwand.messaging.web;

import de.pinnwand.accounts.Members;
import de.pinnwand.messaging.ConversationService;
import de.pinnwand.web.Layout;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts a signed-in member's unread messages for the header of the page they open.
 * Visitors, the API and anything but a page view cost nothing. Declared as a bean by
 * {@link Configuration}, not by scanning, so that web slice tests without accounts do not
 * pick it up.
 */
class UnreadMessages implements WebFilter {

	private final Members members;

	private final ConversationService conversations;

	UnreadMessages(Members members, ConversationService conversations) {
		this.members = members;
		this.conversations = conversations;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (exchange.getRequest().getMethod() != HttpMethod.GET || path.startsWith("/api/")
				|| path.startsWith("/actuator/") || path.startsWith("/css/") || path.startsWith("/js/")) {
			return chain.filter(exchange);
		}
		return this.members.current(exchange)
			.flatMap((member) -> this.conversations.unreadCount(member.accountId()))
			.doOnNext((unread) -> {
				if (unread > 0) {
					exchange.getAttributes().put(Layout.UNREAD_MESSAGES, unread);
				}
			})
			.onErrorResume((ex) -> Mono.empty())
			.then(chain.filter(exchange));
	}

	/** Registers the filter. */
	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class Configuration {

		@org.springframework.context.annotation.Bean
		UnreadMessages unreadMessages(Members members, ConversationService conversations) {
			return new UnreadMessages(members, conversations);
		}

	}

}
