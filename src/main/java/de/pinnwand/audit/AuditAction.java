package de.pinnwand.audit;

/**
 * What an audit entry says was done, as its code in the log ({@code account.deleted});
 * each module declares its actions as an enum next to the code that records them, so an
 * action is spelled once.
 */
public interface AuditAction {

	/** The action's code as the log stores and shows it. */
	String code();

}
