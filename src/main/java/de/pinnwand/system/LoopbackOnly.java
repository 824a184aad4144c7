package de.pinnwand.system;

import java.net.InetSocketAddress;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/**
 * Operator endpoints (such as the search index rebuild) answer only requests from this machine until admin
 * sign-in exists.
 */
enum LoopbackOnly implements ReactiveAuthorizationManager<AuthorizationContext> {

	INSTANCE;

	@Override
	public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
		InetSocketAddress remote = context.getExchange().getRequest().getRemoteAddress();
		boolean local = remote != null && remote.getAddress() != null && remote.getAddress().isLoopbackAddress();
		return Mono.just(new AuthorizationDecision(local));
	}

}
