package de.pinnwand.moderation;

import de.pinnwand.audit.AuditAction;

/**
 * What the audit log records of moderation beyond the decisions (those are
 * {@link Decision#action()}).
 */
public enum ModerationAudit implements AuditAction {

	/** A new item waits for review. */
	HELD("moderation.held"),

	/** Reports took an item down. */
	HIDDEN("moderation.hidden"),

	/** A coordinator's areas were set. */
	AREAS("moderation.areas"),

	/** The text of a decision reason was changed. */
	REASON_TEXT("moderation.reason-text");

	private final String code;

	ModerationAudit(String code) {
		this.code = code;
	}

	@Override
	public String code() {
		return this.code;
	}

}
