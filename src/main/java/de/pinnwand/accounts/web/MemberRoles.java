package de.pinnwand.accounts.web;

import de.pinnwand.accounts.Member;
import de.pinnwand.accounts.Members;
import de.pinnwand.accounts.Role;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/**
 * Lets a request through when the signed-in member holds a portal role (roles live in the
 * portal's database).
 */
@NamedInterface("sign-in")
public final class MemberRoles implements ReactiveAuthorizationManager<AuthorizationContext> {

	private final Members members;

	private final Role role;

	private MemberRoles(Members members, Role role) {
		this.members = members;
		this.role = role;
	}

	public static MemberRoles hasRole(Members members, Role role) {
		return new MemberRoles(members, role);
	}

	@Override
	public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
		return this.members.current(context.getExchange())
			.map(Member::roles)
			.map((roles) -> (AuthorizationResult) new AuthorizationDecision(
					roles.contains(this.role) || roles.contains(Role.ADMIN)))
			.defaultIfEmpty(new AuthorizationDecision(false));
	}

}
