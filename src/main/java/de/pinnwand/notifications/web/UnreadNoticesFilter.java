package de.pinnwand.notifications.web;

import de.pinnwand.accounts.Members;
import de.pinnwand.notifications.Notifications;
import de.pinnwand.web.Layout;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts the signed-in member's number of unread notices where the layout's header finds
 * it. Runs after the filter that found the member, only for pages read by a signed-in
 * member (one count query), never for visitors or the API.
 */
@Order(1)
class UnreadNoticesFilter implements WebFilter {

	private final Members members;

	private final Notifications notifications;

	UnreadNoticesFilter(Members members, Notifications notifications) {
		this.members = members;
		this.notifications = notifications;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getMethod() != HttpMethod.GET || exchange.getAttribute(Layout.MEMBER_NAME) == null) {
			return chain.filter(exchange);
		}
		return this.members.current(exchange)
			.flatMap((member) -> this.notifications.unreadCount(member.accountId()))
			.doOnNext((count) -> exchange.getAttributes().put(Layout.MEMBER_UNREAD_NOTICES, count))
			.onErrorResume((ex) -> Mono.empty())
			.then(chain.filter(exchange));
	}

	/**
	 * Registers the filter as a bean, not by scanning, so that web slice tests without
	 * accounts do not pick it up.
	 */
	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class Registration {

		@org.springframework.context.annotation.Bean
		UnreadNoticesFilter unreadNoticesFilter(Members members, Notifications notifications) {
			return new UnreadNoticesFilter(members, notifications);
		}

	}

}
