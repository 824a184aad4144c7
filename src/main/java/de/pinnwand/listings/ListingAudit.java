package de.pinnwand.listings;

import de.pinnwand.audit.AuditAction;

/** What the audit log records of listings outside moderation. */
public enum ListingAudit implements AuditAction {

	/** A member's own listings went with their account. */
	REMOVED_WITH_ACCOUNT("listings.removed-with-account");

	private final String code;

	ListingAudit(String code) {
		this.code = code;
	}

	@Override
	public String code() {
		return this.code;
	}

}
