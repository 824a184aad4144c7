package de.pinnwand.activities;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import de.pinnwand.accounts.Account;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.audit.AuditLog;
import de.pinnwand.system.FieldProblem;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Signing up for activities, and the organisers' view of who did. Sign-ups take the
 * activity's row lock ({@code select … for update}) in their transaction, so two people
 * can never both take the last place, and a freed place goes to the first on the waiting
 * list in the same transaction that freed it. Organisers see display names and only the
 * contact each person chose to share.
 */
@Service
public class ActivitySignups {

	private final ActivityService activityService;

	private final Waitlist waitlist;

	private final CancelledDates cancelledDates;

	private final AccountService accounts;

	private final AuditLog audit;

	private final DatabaseClient database;

	private final TransactionalOperator transaction;

	private final Clock clock;

	ActivitySignups(ActivityService activityService, Waitlist waitlist, CancelledDates cancelledDates,
			AccountService accounts, AuditLog audit, DatabaseClient database, TransactionalOperator transaction,
			Clock clock) {
		this.activityService = activityService;
		this.waitlist = waitlist;
		this.cancelledDates = cancelledDates;
		this.accounts = accounts;
		this.audit = audit;
		this.database = database;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Signs the member up for one occurrence: with a place while there are places, else
	 * on the waiting list. Refused for a cancelled activity, a day it does not take
	 * place, one that has started, and a second time; a hidden activity is not found.
	 */
	public Mono<Signup> signUp(UUID activityId, UUID accountId, LocalDate occurrence, SharedContact contact) {
		Instant now = this.clock.instant();
		SharedContact shared = (contact != null) ? contact : SharedContact.NONE;
		return checkContact(accountId, shared).then(this.activityService.findVisible(activityId))
			.then(this.waitlist.locked(activityId).flatMap((activity) -> {
				if (activity.isCancelled()) {
					return Mono.error(new InvalidSignup(new FieldProblem("occurrence", "signup.cancelled")));
				}
				if (!activity.occursOn(occurrence)) {
					return Mono.error(new InvalidSignup(new FieldProblem("occurrence", "signup.no-occurrence")));
				}
				if (!activity.startOf(occurrence).toInstant().isAfter(now)) {
					return Mono.error(new InvalidSignup(new FieldProblem("occurrence", "signup.past")));
				}
				return this.cancelledDates.contains(activityId, occurrence)
					.filter((cancelled) -> cancelled)
					.flatMap((cancelled) -> Mono
						.<Signup>error(new InvalidSignup(new FieldProblem("occurrence", "signup.date-cancelled"))))
					.switchIfEmpty(
							Mono.defer(
									() -> signup(activityId, occurrence, accountId)
										.flatMap((existing) -> Mono.<Signup>error(
												new InvalidSignup(new FieldProblem("occurrence", "signup.already"))))
										.switchIfEmpty(
												Mono.defer(() -> count(activityId, occurrence, SignupStatus.CONFIRMED)
													.flatMap((confirmed) -> insert(activityId, occurrence, accountId,
															(activity.capacity() == null
																	|| confirmed < activity.capacity())
																			? SignupStatus.CONFIRMED
																			: SignupStatus.WAITING,
															shared, now))
													.then(signup(activityId, occurrence, accountId))))));
			}))
			.as(this.transaction::transactional);
	}

	/**
	 * Withdraws the member's sign-up; if it held a place, the first on the waiting list
	 * takes it.
	 */
	public Mono<Void> cancelSignup(UUID activityId, UUID accountId, LocalDate occurrence) {
		return withdraw(activityId, "s.occurrence = :occurrence and s.account_id = :account",
				Map.of("occurrence", occurrence, "account", accountId), new SignupNotFound(activityId, occurrence))
			.then();
	}

	/**
	 * An organiser takes someone off the list (a no-show, a mistaken sign-up); the place
	 * goes to the first waiting. Only for the activity's organisers; the sign-up is named
	 * by its number on their list. One that is gone already (a second click) changes
	 * nothing.
	 */
	public Mono<Void> removeSignup(UUID activityId, UUID organiserId, long signupId) {
		return this.activityService.managed(activityId, organiserId)
			.then(withdraw(activityId, "s.id = :signup", Map.of("signup", signupId), null))
			.flatMap((occurrence) -> this.audit.record(organiserId, "activity.signup-removed", "activity",
					activityId.toString(), occurrence.toString(), null))
			.as(this.transaction::transactional);
	}

	/**
	 * Deletes the sign-up and moves the first waiting up; emits its date, or {@code none}
	 * when there was none.
	 */
	private Mono<LocalDate> withdraw(UUID activityId, String which, Map<String, Object> bindings, SignupNotFound none) {
		Instant now = this.clock.instant();
		return this.waitlist.locked(activityId).flatMap((activity) -> {
			DatabaseClient.GenericExecuteSpec delete = this.database
				.sql("delete from activity_signup s where s.activity_id = :activity and " + which
						+ " returning s.occurrence")
				.bind("activity", activityId);
			for (Map.Entry<String, Object> binding : bindings.entrySet()) {
				delete = delete.bind(binding.getKey(), binding.getValue());
			}
			return delete.map((row, meta) -> row.get("occurrence", LocalDate.class))
				.one()
				.switchIfEmpty((none != null) ? Mono.error(none) : Mono.empty())
				.flatMap((occurrence) -> this.waitlist.promote(activity, occurrence, now).thenReturn(occurrence));
		}).as(this.transaction::transactional);
	}

	/** The member's sign-ups from {@code from} on, of every activity. */
	Flux<Signup> signupsFrom(UUID accountId, LocalDate from) {
		return this.database
			.sql(SIGNUP_SELECT + " where s.account_id = :account and s.occurrence >= :from " + "order by s.occurrence")
			.bind("account", accountId)
			.bind("from", from)
			.map(ActivitySignups::signup)
			.all();
	}

	/** The member's sign-ups for one activity, earliest occurrence first. */
	public Flux<Signup> signupsOf(UUID accountId, UUID activityId) {
		return this.database
			.sql(SIGNUP_SELECT + " where s.account_id = :account and s.activity_id = :activity "
					+ "order by s.occurrence")
			.bind("account", accountId)
			.bind("activity", activityId)
			.map(ActivitySignups::signup)
			.all();
	}

	/** All of the member's sign-ups with the activities' titles, for the data export. */
	public Flux<Map<String, Object>> everySignupOf(UUID accountId) {
		return this.database
			.sql(SIGNUP_SELECT.replace(" from activity_signup s",
					", a.title from activity_signup s join activity a on a.id = s.activity_id")
					+ " where s.account_id = :account order by s.occurrence")
			.bind("account", accountId)
			.map((row, meta) -> {
				Signup signup = signup(row, meta);
				Map<String, Object> entry = new java.util.LinkedHashMap<>();
				entry.put("activityId", signup.activityId());
				entry.put("activity", row.get("title", String.class));
				entry.put("occurrence", signup.occurrence());
				entry.put("status", signup.status());
				entry.put("position", signup.position());
				entry.put("sharedContact", signup.sharedContact());
				entry.put("signedUpAt", signup.createdAt());
				return entry;
			})
			.all();
	}

	/**
	 * Places taken and people waiting per occurrence from {@code from} on, for each of
	 * the activities.
	 */
	public Mono<Map<UUID, Map<LocalDate, OccurrenceCount>>> counts(Collection<UUID> activityIds, LocalDate from) {
		if (activityIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database
			.sql("select activity_id, occurrence, count(*) filter (where status = 'CONFIRMED') as confirmed, "
					+ "count(*) filter (where status = 'WAITING') as waiting from activity_signup "
					+ "where activity_id = any(:ids) and occurrence >= :from group by activity_id, occurrence")
			.bind("ids", activityIds.toArray(UUID[]::new))
			.bind("from", from)
			.map((row, meta) -> Map.entry(row.get("activity_id", UUID.class),
					new OccurrenceCount(row.get("occurrence", LocalDate.class),
							row.get("confirmed", Long.class).intValue(), row.get("waiting", Long.class).intValue())))
			.all()
			.collect(HashMap::new, (map, entry) -> map.computeIfAbsent(entry.getKey(), (key) -> new HashMap<>())
				.put(entry.getValue().occurrence(), entry.getValue()));
	}

	/**
	 * Who signed up, for the activity's organisers only (anyone else: not found): display
	 * names, and only the contact each person chose to share. From {@code from} on, or
	 * for one occurrence when {@code occurrence} is set.
	 */
	public Flux<Attendee> attendees(UUID activityId, UUID accountId, LocalDate occurrence) {
		LocalDate from = today(this.clock.instant());
		return this.activityService.managed(activityId, accountId)
			.flatMapMany((activity) -> this.database
				.sql(SIGNUP_SELECT + " where s.activity_id = :activity and "
						+ ((occurrence != null) ? "s.occurrence = :from" : "s.occurrence >= :from")
						+ " order by s.occurrence, s.status, s.id")
				.bind("activity", activityId)
				.bind("from", (occurrence != null) ? occurrence : from)
				.map((row, meta) -> Map.entry(row.get("id", Long.class), signup(row, meta)))
				.all()
				.collectList()
				.flatMapMany((signups) -> this.accounts
					.accounts(signups.stream().map((entry) -> entry.getValue().accountId()).distinct().toList())
					.collectMap(Account::id, Function.identity())
					.flatMapIterable((people) -> signups.stream().map((entry) -> {
						Signup signup = entry.getValue();
						Account person = people.get(signup.accountId());
						return new Attendee(entry.getKey(), signup.occurrence(),
								(person != null) ? person.displayName() : "–", signup.status(), signup.position(),
								signup.sharedContact(), contact(person, signup));
					}).toList())));
	}

	private static String contact(Account person, Signup signup) {
		if (person == null) {
			return null;
		}
		return switch (signup.sharedContact()) {
			case EMAIL -> person.contactEmail();
			case PHONE -> person.contactPhone();
			case NONE -> null;
		};
	}

	private Mono<Void> checkContact(UUID accountId, SharedContact shared) {
		if (shared == SharedContact.NONE) {
			return Mono.empty();
		}
		return this.accounts.account(accountId).flatMap((account) -> {
			String value = (shared == SharedContact.EMAIL) ? account.contactEmail() : account.contactPhone();
			return (value == null || value.isBlank())
					? Mono.error(new InvalidSignup(new FieldProblem("sharedContact", "signup.contact-missing")))
					: Mono.empty();
		});
	}

	private static final String SIGNUP_SELECT = "select s.id, s.activity_id, s.occurrence, s.account_id, s.status, "
			+ "s.shared_contact, s.created_at, case when s.status = 'WAITING' then (select count(*) from "
			+ "activity_signup w where w.activity_id = s.activity_id and w.occurrence = s.occurrence "
			+ "and w.status = 'WAITING' and w.id <= s.id) end as position from activity_signup s";

	private static Signup signup(Row row, RowMetadata meta) {
		Long position = row.get("position", Long.class);
		return new Signup(row.get("activity_id", UUID.class), row.get("occurrence", LocalDate.class),
				row.get("account_id", UUID.class), SignupStatus.valueOf(row.get("status", String.class)),
				(position != null) ? position.intValue() : null,
				SharedContact.valueOf(row.get("shared_contact", String.class)), row.get("created_at", Instant.class));
	}

	private Mono<Signup> signup(UUID activityId, LocalDate occurrence, UUID accountId) {
		return this.database
			.sql(SIGNUP_SELECT
					+ " where s.activity_id = :activity and s.occurrence = :occurrence and s.account_id = :account")
			.bind("activity", activityId)
			.bind("occurrence", occurrence)
			.bind("account", accountId)
			.map(ActivitySignups::signup)
			.one();
	}

	private Mono<Long> count(UUID activityId, LocalDate occurrence, SignupStatus status) {
		return this.database
			.sql("select count(*) from activity_signup where activity_id = :activity "
					+ "and occurrence = :occurrence and status = :status")
			.bind("activity", activityId)
			.bind("occurrence", occurrence)
			.bind("status", status.name())
			.map((row, meta) -> row.get(0, Long.class))
			.one();
	}

	private Mono<Void> insert(UUID activityId, LocalDate occurrence, UUID accountId, SignupStatus status,
			SharedContact shared, Instant now) {
		return this.database
			.sql("insert into activity_signup (activity_id, occurrence, account_id, status, shared_contact, "
					+ "created_at, status_since) values (:activity, :occurrence, :account, :status, :shared, :now, :now)")
			.bind("activity", activityId)
			.bind("occurrence", occurrence)
			.bind("account", accountId)
			.bind("status", status.name())
			.bind("shared", shared.name())
			.bind("now", now)
			.then();
	}

	private static LocalDate today(Instant now) {
		return now.atZone(Activity.ZONE).toLocalDate();
	}

}
