package de.pinnwand.accounts;

import de.pinnwand.audit.AuditAction;

/** What the audit log records about accounts and their roles. */
public enum AccountAudit implements AuditAction {

	/** An account was made at a first sign-in or by an admin. */
	CREATED("account.created"),

	/** A member deleted their account. */
	DELETED("account.deleted"),

	/** A portal role was given. */
	ROLE_GRANTED("role.granted"),

	/** A portal role was taken away. */
	ROLE_REVOKED("role.revoked");

	private final String code;

	AccountAudit(String code) {
		this.code = code;
	}

	@Override
	public String code() {
		return this.code;
	}

}
