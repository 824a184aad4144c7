package de.pinnwand.accounts.web;

import de.pinnwand.accounts.Members;
import de.pinnwand.web.Layout;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts the signed-in member's display name where every page's layout finds it (the header
 * shows it with the sign-out button). Visitors cost nothing: without a sign-in no account
 * is looked up. Registered by {@link SignIn}, not by scanning, so that web slice tests
 * without accounts do not pick it up.
 */
class SignedInMemberFilter implements WebFilter {

	private final Members members;

	SignedInMemberFilter(Members members) {
		this.members = members;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/css/")
				|| path.startsWith("/js/")) {
			return chain.filter(exchange);
		}
		return this.members.current(exchange).doOnNext((member) -> {
			exchange.getAttributes().put(Layout.MEMBER_NAME, member.displayName());
			if (member.isCoordinator()) {
				exchange.getAttributes().put(Layout.MEMBER_COORDINATES, Boolean.TRUE);
			}
			if (member.isAdmin()) {
				exchange.getAttributes().put(Layout.MEMBER_ADMINISTERS, Boolean.TRUE);
			}
		}).then(chain.filter(exchange));
	}

}
