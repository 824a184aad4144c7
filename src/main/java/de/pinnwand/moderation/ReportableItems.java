package de.pinnwand.moderation;

import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * The plug-in point that makes a module's items reportable: readers report them through
 * {@link ModerationService#reportItem}, and at {@link #threshold()} independent reporters
 * moderation takes the item down through {@link #hide(UUID)} and puts it into the
 * coordinators' queue until one of them decides: to restore it ({@link Decision#APPROVE},
 * then {@link #restore(UUID)}) or to close it ({@link Decision#CLOSE}: it stays hidden).
 * Listings are moderated by moderation itself and do not use this.
 * <p>
 * To make items reportable, a module declares one bean implementing this interface, e.g.
 * the messaging module for {@code "conversation"}: <pre>
 * &#64;Component
 * class ReportableConversations implements ReportableItems {
 *     public String type() { return "conversation"; }
 *     public int threshold() { return 1; } // a party's report goes straight to the queue
 *     public Mono&lt;ReportedItem&gt; describe(UUID id) { ... } // empty for none (or not reportable)
 *     public Mono&lt;Void&gt; hide(UUID id) { ... }   // e.g. set hidden_at; its pages then answer 404
 *     public Mono&lt;Void&gt; restore(UUID id) { ... } // clear it again
 * }
 * </pre> and lets its readers report through
 * {@code moderation.reportItem("conversation", id, reporter, address, reason,
 * text)} (its own routes; add them to the {@code reports} rate-limit rule). Moderation
 * keeps the reports, the queue, the decisions and the audit; the module keeps the hidden
 * state of its items, and must hide its hidden items from everyone but coordinators.
 * {@link #hide} and {@link #restore} run in moderation's transaction: use the shared
 * R2DBC connection (repositories or {@code DatabaseClient}) and do not start threads of
 * your own.
 */
public interface ReportableItems {

	/**
	 * The item type, lower case, unique among the beans: {@code organisation},
	 * {@code activity}, ...
	 */
	String type();

	/**
	 * The item as a coordinator sees it in the queue; empty when there is none with this
	 * id. Hidden items must be described too (the queue shows them);
	 * {@link ReportedItem#publiclyVisible()} tells whether it may be reported.
	 */
	Mono<ReportedItem> describe(UUID id);

	/**
	 * Takes the item down: it leaves lists, feeds and search, and its page answers 404
	 * for the public.
	 */
	Mono<Void> hide(UUID id);

	/** Puts a hidden item back up. */
	Mono<Void> restore(UUID id);

	/**
	 * After how many independent reporters (members by account, visitors by address) the
	 * item is hidden; 0 or less for the configured
	 * {@code pinnwand.moderation.report-threshold}.
	 */
	default int threshold() {
		return 0;
	}

}
