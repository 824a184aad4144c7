package de.pinnwand.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.accounts.Member;
import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The coordinators' queue and their decisions, and readers' reports. Each decision and
 * each take-down after reports is recorded in the audit log in the same transaction as
 * the change. The module's public face: the work is done by {@link ModerationQueue},
 * {@link QueueDecisions}, {@link ReaderReports}, {@link CoordinatorScopes} and
 * {@link DecisionReasons}.
 */
@Service
public class ModerationService {

	/** The longest free text a report may carry. */
	public static final int MAX_REPORT_TEXT = 1000;

	/** The longest block a coordinator may give at once. */
	public static final int MAX_BLOCK_DAYS = 365;

	/**
	 * {@code blockDays} of a block for good: the author never posts again unless an admin
	 * lifts it.
	 */
	public static final int BLOCK_FOR_GOOD = 0;

	/** The most areas a coordinator may be scoped to. */
	public static final int MAX_AREAS = 100;

	/** The longest name of an area. */
	public static final int MAX_AREA_LENGTH = 120;

	/** The longest text of a decision reason in one language. */
	public static final int MAX_REASON_TEXT = ReasonTexts.MAX_TEXT;

	/** The type of listings among reportable items. */
	public static final String LISTING = "listing";

	private final ModerationQueue queue;

	private final QueueDecisions decisions;

	private final ReaderReports reports;

	private final CoordinatorScopes scopes;

	private final DecisionReasons reasons;

	private final ReportableTypes reportable;

	private final ModerationProperties properties;

	ModerationService(ModerationQueue queue, QueueDecisions decisions, ReaderReports reports, CoordinatorScopes scopes,
			DecisionReasons reasons, ReportableTypes reportable, ModerationProperties properties) {
		this.queue = queue;
		this.decisions = decisions;
		this.reports = reports;
		this.scopes = scopes;
		this.reasons = reasons;
		this.reportable = reportable;
		this.properties = properties;
	}

	/** Filters of the queue; null or blank fields do not filter. */
	public record QueueFilter(String district, String topic, String language, String type) {

		public QueueFilter(String district, String topic, String language) {
			this(district, topic, language, null);
		}

		/** Other items have no topics: a topic filter leaves them out. */
		boolean accepts(ReportedItem item) {
			return (blank(this.type) || this.type.equals(item.type()))
					&& (blank(this.district) || this.district.equalsIgnoreCase(item.district())) && blank(this.topic)
					&& (blank(this.language) || item.languages().contains(this.language));
		}

		private static boolean blank(String value) {
			return value == null || value.isBlank();
		}

	}

	/**
	 * An item waiting for review with what helps to decide: how many listings its author
	 * has in each status and the open reports (none for a new member's listing).
	 *
	 * @param item what it is, for every type
	 * @param listing the listing; null for other items
	 * @param waitingSince since when it waits
	 */
	public record QueueItem(ReportedItem item, Listing listing, Instant waitingSince,
			Map<ListingStatus, Long> authorHistory, List<ListingReport> reports) {

		public boolean reported() {
			return !this.reports.isEmpty();
		}

		public String type() {
			return this.item.type();
		}

	}

	/**
	 * The queue, longest-waiting first; only coordinators see it, and one scoped to areas
	 * only the listings there.
	 */
	public Flux<QueueItem> queue(Member coordinator, QueueFilter filter) {
		return this.queue.queue(coordinator, filter);
	}

	/**
	 * Scopes a coordinator to districts or municipalities (their names as the gazetteer
	 * spells them, in any case); none lets them review everywhere. Only admins scope; the
	 * change is audited.
	 */
	public Mono<List<String>> scope(Member admin, UUID coordinatorAccountId, List<String> areas) {
		return this.scopes.scope(admin, coordinatorAccountId, areas);
	}

	/**
	 * A coordinator and the areas they review.
	 *
	 * @param areas none for everywhere
	 */
	public record CoordinatorScope(UUID accountId, String displayName, List<String> areas) {
	}

	/** Every coordinator with their areas, by name; only admins see them. */
	public Flux<CoordinatorScope> coordinators(Member admin) {
		return this.scopes.coordinators(admin);
	}

	/** The reason codes a coordinator may give. */
	public List<String> decisionReasons() {
		return this.properties.decisionReasons();
	}

	/**
	 * The texts of every decision reason by interface language, as authors read them; for
	 * coordinators (and admins) only.
	 */
	public Mono<Map<String, Map<String, String>>> reasonTexts(Member coordinator) {
		return this.reasons.reasonTexts(coordinator);
	}

	/**
	 * Replaces the texts of a decision reason, in every interface language at once (each
	 * 1 to {@value ReasonTexts#MAX_TEXT} characters); coordinators and admins edit them,
	 * and each change is audited with the languages whose text changed. Authors read the
	 * new text from then on, also about earlier decisions.
	 */
	public Mono<Void> editReason(Member coordinator, String code, Map<String, String> texts) {
		return this.reasons.editReason(coordinator, code, texts);
	}

	/** The reason codes a reader may report for. */
	public List<String> reportReasons() {
		return this.properties.reportReasons();
	}

	/**
	 * Decides about a listing in the queue. {@code version} must be the one the
	 * coordinator saw; a stale or already decided item answers
	 * {@link de.pinnwand.listings.ListingAlreadyDecided} (409) and nothing changes. A
	 * rejection or closing needs one of the configured reasons; asking for changes needs
	 * a note to the author. The decision is kept for the author, who sees the reason
	 * (and, when asked for changes, the note); once it committed, {@link ListingDecided}
	 * is published.
	 */
	public Mono<Listing> decide(Member coordinator, UUID listingId, Decision decision, Long version, String reason,
			String note) {
		return decide(coordinator, listingId, decision, version, reason, note, null);
	}

	/**
	 * Decides as {@link #decide(Member, UUID, Decision, Long, String, String)}; a
	 * {@link Decision#BLOCK} also needs {@code blockDays} (1 to {@value #MAX_BLOCK_DAYS},
	 * or {@value #BLOCK_FOR_GOOD} for good) for which the author may not post.
	 */
	public Mono<Listing> decide(Member coordinator, UUID listingId, Decision decision, Long version, String reason,
			String note, Integer blockDays) {
		return this.decisions.decide(coordinator, listingId, decision, version, reason, note, blockDays);
	}

	/**
	 * Reports a public listing. A member counts by account, a visitor by a salted hash of
	 * their address; the same reporter counts once. At the configured number of reporters
	 * the listing leaves the board and search and waits in the queue.
	 * @param reporterAccountId the signed-in member; null for a visitor
	 * @param address the visitor's address; only its salted hash is stored
	 */
	public Mono<Void> report(UUID listingId, UUID reporterAccountId, String address, String reason, String text) {
		return this.reports.report(listingId, reporterAccountId, address, reason, text);
	}

	/**
	 * Reports an item of any reportable type: {@value #LISTING} (as {@link #report}) or
	 * one a module made reportable through {@link ReportableItems}. A member counts by
	 * account, a visitor by a salted hash of their address; the same reporter counts
	 * once, so one address's flood never takes an item down by itself. At the type's
	 * threshold of reporters the item is hidden and waits in the queue until a
	 * coordinator decides ({@link #decideItem}); that take-down is audited. An unknown
	 * type, or an item the public cannot see, answers {@link ReportableItemNotFound}; a
	 * reason not among the configured ones or a text longer than
	 * {@value #MAX_REPORT_TEXT} characters {@link InvalidModeration}.
	 * @param type the item type, e.g. {@code organisation}
	 * @param id the item
	 * @param reporterAccountId the signed-in member; null for a visitor
	 * @param clientAddress the visitor's address; only its salted hash is stored
	 * @param reason one of {@link #reportReasons()}
	 * @param text optional free text
	 */
	public Mono<Void> reportItem(String type, UUID id, UUID reporterAccountId, String clientAddress, String reason,
			String text) {
		return this.reports.reportItem(type, id, reporterAccountId, clientAddress, reason, text);
	}

	/**
	 * An item (not a listing) the public may see and report;
	 * {@link ReportableItemNotFound} for an unknown type, no such item, or a hidden one.
	 */
	public Mono<ReportedItem> reportable(String type, UUID id) {
		return this.reports.reportable(type, id);
	}

	/** The types of items that can be reported, listings first. */
	public List<String> reportableTypes() {
		return this.reportable.types();
	}

	/**
	 * Decides about an item (not a listing) that reports took down:
	 * {@link Decision#APPROVE} puts it back up, {@link Decision#CLOSE} (with one of the
	 * configured reasons) leaves it hidden for good; other decisions are for listings and
	 * refused. The reports are closed and the decision audited in one transaction; an
	 * item not (or no longer) waiting answers {@link ItemAlreadyDecided} (409), one
	 * outside a scoped coordinator's areas {@link ReportableItemNotFound}.
	 */
	public Mono<ReportedItem> decideItem(Member coordinator, String type, UUID id, Decision decision, String reason,
			String note) {
		return this.decisions.decideItem(coordinator, type, id, decision, reason, note);
	}

}
