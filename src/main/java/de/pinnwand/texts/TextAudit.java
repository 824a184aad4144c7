package de.pinnwand.texts;

import de.pinnwand.audit.AuditAction;

/** What the audit log records of interface texts. */
public enum TextAudit implements AuditAction {

	/** A language was marked checked by a native speaker. */
	REVIEWED("texts.reviewed"),

	/** A language's texts were imported. */
	IMPORTED("texts.imported"),

	/** One text was corrected. */
	CORRECTED("text.corrected"),

	/** One text went back to the bundle's. */
	RESET("text.reset");

	private final String code;

	TextAudit(String code) {
		this.code = code;
	}

	@Override
	public String code() {
		return this.code;
	}

}
