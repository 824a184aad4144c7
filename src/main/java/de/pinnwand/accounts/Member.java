package de.pinnwand.accounts;

import java.util.Set;
import java.util.UUID;

/**
 * The signed-in person as the features see them: who they are and which portal-wide roles
 * they hold.
 *
 * @param accountId the account's id, what listings and sign-ups refer to
 */
public record Member(UUID accountId, String displayName, Set<Role> roles) {

	public boolean is(Role role) {
		return this.roles.contains(role);
	}

	/** Coordinators and admins moderate. */
	public boolean isCoordinator() {
		return this.roles.contains(Role.COORDINATOR) || this.roles.contains(Role.ADMIN);
	}

	public boolean isAdmin() {
		return this.roles.contains(Role.ADMIN);
	}

}
