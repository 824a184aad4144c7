package de.pinnwand.activities;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import de.pinnwand.accounts.Account;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.audit.AuditLog;
import de.pinnwand.moderation.NewItemReview;
import de.pinnwand.organisations.OrganisationMemberships;
import de.pinnwand.places.Gazetteer;
import de.pinnwand.system.FieldProblem;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import org.springframework.data.r2dbc.convert.R2dbcConverter;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Putting activities on the board and signing up for them. Only members of an activity's organisation change it
 * or see who signed up; to anyone else it answers as if it did not exist. Sign-ups take the activity's row lock
 * ({@code select … for update}) in their transaction, so two people can never both take the last place, and a
 * freed place goes to the first on the waiting list in the same transaction that freed it.
 */
@Service
public class ActivityService {

	/** How many rows an activity list reads at most before filtering by distance. */
	static final int MAX_ROWS = 500;

	private final Activities activities;

	private final ActivityRules rules;

	private final OrganisationMemberships memberships;

	private final AccountService accounts;

	private final AuditLog audit;

	private final DatabaseClient database;

	private final R2dbcConverter converter;

	private final TransactionalOperator transaction;

	private final Clock clock;

	private final NewItemReview review;

	private final ReportableActivities reportable;

	ActivityService(Activities activities, ActivityRules rules, OrganisationMemberships memberships,
			AccountService accounts, AuditLog audit, DatabaseClient database, R2dbcEntityTemplate template,
			TransactionalOperator transaction, Clock clock,
			NewItemReview review, ReportableActivities reportable) {
		this.review = review;
		this.reportable = reportable;
		this.activities = activities;
		this.rules = rules;
		this.memberships = memberships;
		this.accounts = accounts;
		this.audit = audit;
		this.database = database;
		this.converter = template.getConverter();
		this.transaction = transaction;
		this.clock = clock;
	}

	/** Puts an activity of the organisation on the board; the member must belong to the organisation. */
	public Mono<Activity> create(UUID accountId, UUID organisationId, ActivityDraft draft) {
		Instant now = this.clock.instant();
		return isMember(accountId, organisationId).flatMap((member) -> {
			List<FieldProblem> problems = new ArrayList<>();
			if (!member) {
				problems.add(new FieldProblem("organisation", "organisation.not-member"));
			}
			ActivityRules.Checked checked = null;
			try {
				checked = this.rules.check(draft, now, null);
			}
			catch (InvalidActivity invalid) {
				problems.addAll(invalid.problems());
			}
			if (!problems.isEmpty()) {
				return Mono.error(new InvalidActivity(problems));
			}
			Activity activity = build(UUID.randomUUID(), organisationId, checked, ActivityStatus.PUBLISHED, accountId,
					now, now, null);
			return this.activities.save(activity)
				.flatMap((saved) -> this.audit.record(accountId, "activity.created", "activity", saved.id().toString(),
						saved.title(), null).thenReturn(saved))
				// Like a new member's listing, it may wait for a coordinator (hidden until then).
				.flatMap((saved) -> this.review.holdIfNeeded(this.reportable, saved.id(), accountId, organisationId)
					.thenReturn(saved))
				.as(this.transaction::transactional);
		});
	}

	/**
	 * Changes an activity; {@code version} must be the one last read, else an optimistic locking failure (409).
	 * When the change makes room (more places, or no limit), waiting people move up right away.
	 */
	public Mono<Activity> update(UUID id, UUID accountId, long version, ActivityDraft draft) {
		Instant now = this.clock.instant();
		return managed(id, accountId).flatMap((existing) -> {
			ActivityRules.Checked checked = this.rules.check(draft, now, existing);
			Activity changed = build(existing.id(), existing.organisationId(), checked, existing.status(),
					existing.createdBy(), existing.createdAt(), now, version);
			return locked(id).then(this.activities.save(changed))
				.flatMap((saved) -> waitingOccurrences(id, today(now))
					.concatMap((occurrence) -> promote(saved, occurrence, now))
					.then(this.audit.record(accountId, "activity.updated", "activity", id.toString(), null, null))
					.thenReturn(saved))
				.as(this.transaction::transactional);
		});
	}

	/** Cancels an activity: it stays readable with a notice, leaves the lists and feeds, and takes no sign-ups. */
	public Mono<Activity> cancel(UUID id, UUID accountId) {
		Instant now = this.clock.instant();
		return managed(id, accountId).flatMap((existing) -> existing.isCancelled() ? Mono.just(existing)
				: this.activities.save(existing.withStatus(ActivityStatus.CANCELLED, now))
					.flatMap((saved) -> this.audit.record(accountId, "activity.cancelled", "activity", id.toString(),
							null, null).thenReturn(saved))
					.as(this.transaction::transactional));
	}

	/** Any activity, cancelled and hidden ones too. */
	public Mono<Activity> find(UUID id) {
		return this.activities.findById(id).switchIfEmpty(Mono.error(() -> new ActivityNotFound(id)));
	}

	/**
	 * An activity the public may see, cancelled ones too; one hidden after reports or by a coordinator (or whose
	 * organisation is) is not found.
	 */
	public Mono<Activity> findVisible(UUID id) {
		return find(id).filterWhen((activity) -> hidden(this.database, id).map((hidden) -> !hidden))
			.switchIfEmpty(Mono.error(() -> new ActivityNotFound(id)));
	}

	/**
	 * Whether the activity is hidden from the public: waiting for review, taken down after reports, closed by a
	 * coordinator, or of a hidden organisation.
	 */
	public Mono<Boolean> isHidden(UUID id) {
		return hidden(this.database, id);
	}

	/** Whether the activity, or its organisation, is hidden; false for none. */
	static Mono<Boolean> hidden(DatabaseClient database, UUID id) {
		return database
			.sql("select (a.hidden_at is not null or o.hidden_at is not null) as hidden from activity a "
					+ "join organisation o on o.id = a.organisation_id where a.id = :id")
			.bind("id", id)
			.map((row, meta) -> row.get("hidden", Boolean.class))
			.one()
			.defaultIfEmpty(false);
	}

	/** The activity if the member may manage it (belongs to its organisation); otherwise not found. */
	public Mono<Activity> managed(UUID id, UUID accountId) {
		return find(id).filterWhen((activity) -> mayManage(activity, accountId))
			.switchIfEmpty(Mono.error(() -> new ActivityNotFound(id)));
	}

	public Mono<Boolean> mayManage(Activity activity, UUID accountId) {
		return isMember(accountId, activity.organisationId());
	}

	private Mono<Boolean> isMember(UUID accountId, UUID organisationId) {
		return this.memberships.roleOf(accountId, organisationId).hasElement();
	}

	/**
	 * Published activities that still have an occurrence ahead, earliest first. Text matches every word in the
	 * title or description; the place filter keeps those within {@code radiusKm} of it.
	 */
	public Flux<Activity> upcoming(ActivityFilter filter) {
		StringBuilder sql = new StringBuilder("select * from activity where status = 'PUBLISHED' "
				+ "and coalesce(repeat_until, (starts_at at time zone 'Europe/Berlin')::date) >= :today "
				+ "and hidden_at is null "
				+ "and not exists (select 1 from organisation o where o.id = organisation_id and o.hidden_at is not null)");
		Map<String, Object> bindings = new HashMap<>();
		bindings.put("today", today(this.clock.instant()));
		if (filter.organisationId() != null) {
			sql.append(" and organisation_id = :organisation");
			bindings.put("organisation", filter.organisationId());
		}
		if (filter.language() != null && !filter.language().isBlank()) {
			sql.append(" and :language = any(languages)");
			bindings.put("language", filter.language());
		}
		if (filter.text() != null && !filter.text().isBlank()) {
			String[] words = filter.text().strip().toLowerCase(Locale.ROOT).split("\\s+");
			for (int i = 0; i < Math.min(words.length, 5); i++) {
				sql.append(" and (lower(title) like :word").append(i).append(" escape '\\' or lower(description) like :word")
					.append(i).append(" escape '\\')");
				bindings.put("word" + i, "%" + words[i].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			}
		}
		sql.append(" order by starts_at, id limit ").append(MAX_ROWS);
		DatabaseClient.GenericExecuteSpec spec = this.database.sql(sql.toString());
		for (Map.Entry<String, Object> binding : bindings.entrySet()) {
			spec = spec.bind(binding.getKey(), binding.getValue());
		}
		return spec.map(this::activity).all()
			.filter((activity) -> filter.near() == null || Gazetteer.distanceKm(filter.near().lat(),
					filter.near().lon(), activity.latitude(), activity.longitude()) <= filter.radiusKm());
	}

	/**
	 * Signs the member up for one occurrence: with a place while there are places, else on the waiting list.
	 * Refused for a cancelled activity, a day it does not take place, one that has started, and a second time; a
	 * hidden activity is not found.
	 */
	public Mono<Signup> signUp(UUID activityId, UUID accountId, LocalDate occurrence, SharedContact contact) {
		Instant now = this.clock.instant();
		SharedContact shared = (contact != null) ? contact : SharedContact.NONE;
		return checkContact(accountId, shared).then(findVisible(activityId)).then(locked(activityId).flatMap((activity) -> {
			if (activity.isCancelled()) {
				return Mono.error(new InvalidSignup(new FieldProblem("occurrence", "signup.cancelled")));
			}
			if (!activity.occursOn(occurrence)) {
				return Mono.error(new InvalidSignup(new FieldProblem("occurrence", "signup.no-occurrence")));
			}
			if (!activity.startOf(occurrence).toInstant().isAfter(now)) {
				return Mono.error(new InvalidSignup(new FieldProblem("occurrence", "signup.past")));
			}
			return signup(activityId, occurrence, accountId)
				.flatMap((existing) -> Mono.<Signup>error(
						new InvalidSignup(new FieldProblem("occurrence", "signup.already"))))
				.switchIfEmpty(Mono.defer(() -> count(activityId, occurrence, SignupStatus.CONFIRMED)
					.flatMap((confirmed) -> insert(activityId, occurrence, accountId,
							(activity.capacity() == null || confirmed < activity.capacity()) ? SignupStatus.CONFIRMED
									: SignupStatus.WAITING,
							shared, now))
					.then(signup(activityId, occurrence, accountId))));
		})).as(this.transaction::transactional);
	}

	/** Withdraws the member's sign-up; if it held a place, the first on the waiting list takes it. */
	public Mono<Void> cancelSignup(UUID activityId, UUID accountId, LocalDate occurrence) {
		Instant now = this.clock.instant();
		return locked(activityId).flatMap((activity) -> this.database
			.sql("delete from activity_signup where activity_id = :activity and occurrence = :occurrence "
					+ "and account_id = :account returning status")
			.bind("activity", activityId)
			.bind("occurrence", occurrence)
			.bind("account", accountId)
			.map((row, meta) -> row.get("status", String.class))
			.one()
			.switchIfEmpty(Mono.error(() -> new SignupNotFound(activityId, occurrence)))
			.then(promote(activity, occurrence, now)))
			.then()
			.as(this.transaction::transactional);
	}

	/** The member's sign-ups from {@code from} on, of every activity. */
	Flux<Signup> signupsFrom(UUID accountId, LocalDate from) {
		return this.database.sql(SIGNUP_SELECT + " where s.account_id = :account and s.occurrence >= :from "
				+ "order by s.occurrence")
			.bind("account", accountId)
			.bind("from", from)
			.map(ActivityService::signup)
			.all();
	}

	/** The member's sign-ups for one activity, earliest occurrence first. */
	public Flux<Signup> signupsOf(UUID accountId, UUID activityId) {
		return this.database.sql(SIGNUP_SELECT + " where s.account_id = :account and s.activity_id = :activity "
				+ "order by s.occurrence")
			.bind("account", accountId)
			.bind("activity", activityId)
			.map(ActivityService::signup)
			.all();
	}

	/** All of the member's sign-ups with the activities' titles, for the data export. */
	public Flux<Map<String, Object>> everySignupOf(UUID accountId) {
		return this.database.sql(SIGNUP_SELECT.replace(" from activity_signup s",
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

	/** Places taken and people waiting per occurrence from {@code from} on, for each of the activities. */
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
	 * Who signed up, for the activity's organisers only (anyone else: not found): display names, and only the
	 * contact each person chose to share. From {@code from} on, or for one occurrence when {@code occurrence} is set.
	 */
	public Flux<Attendee> attendees(UUID activityId, UUID accountId, LocalDate occurrence) {
		LocalDate from = today(this.clock.instant());
		return managed(activityId, accountId).flatMapMany((activity) -> this.database
			.sql(SIGNUP_SELECT + " where s.activity_id = :activity and "
					+ ((occurrence != null) ? "s.occurrence = :from" : "s.occurrence >= :from")
					+ " order by s.occurrence, s.status, s.id")
			.bind("activity", activityId)
			.bind("from", (occurrence != null) ? occurrence : from)
			.map(ActivityService::signup)
			.all()
			.collectList()
			.flatMapMany((signups) -> this.accounts
				.accounts(signups.stream().map(Signup::accountId).distinct().toList())
				.collectMap(Account::id, Function.identity())
				.flatMapIterable((people) -> signups.stream().map((signup) -> {
					Account person = people.get(signup.accountId());
					return new Attendee(signup.occurrence(), (person != null) ? person.displayName() : "–",
							signup.status(), signup.position(), signup.sharedContact(), contact(person, signup));
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

	private static final String SIGNUP_SELECT = "select s.activity_id, s.occurrence, s.account_id, s.status, "
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
		return this.database.sql(SIGNUP_SELECT
				+ " where s.activity_id = :activity and s.occurrence = :occurrence and s.account_id = :account")
			.bind("activity", activityId)
			.bind("occurrence", occurrence)
			.bind("account", accountId)
			.map(ActivityService::signup)
			.one();
	}

	/** The activity's row, locked until the transaction ends: sign-ups for it queue up behind each other. */
	private Mono<Activity> locked(UUID id) {
		return this.database.sql("select * from activity where id = :id for update")
			.bind("id", id)
			.map(this::activity)
			.one()
			.switchIfEmpty(Mono.error(() -> new ActivityNotFound(id)));
	}

	private Activity activity(Row row, RowMetadata meta) {
		return this.converter.read(Activity.class, row, meta);
	}

	private Mono<Long> count(UUID activityId, LocalDate occurrence, SignupStatus status) {
		return this.database.sql("select count(*) from activity_signup where activity_id = :activity "
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

	/** Moves the first waiting people up into the places that are free; run while holding the activity's lock. */
	private Mono<Long> promote(Activity activity, LocalDate occurrence, Instant now) {
		return this.database
			.sql("update activity_signup set status = 'CONFIRMED', status_since = :now where id in ("
					+ "select id from activity_signup where activity_id = :activity and occurrence = :occurrence "
					+ "and status = 'WAITING' order by id limit greatest(:capacity - (select count(*) from "
					+ "activity_signup where activity_id = :activity and occurrence = :occurrence "
					+ "and status = 'CONFIRMED'), 0))")
			.bind("now", now)
			.bind("activity", activity.id())
			.bind("occurrence", occurrence)
			.bind("capacity", (activity.capacity() != null) ? activity.capacity() : Integer.MAX_VALUE)
			.fetch()
			.rowsUpdated();
	}

	private Flux<LocalDate> waitingOccurrences(UUID activityId, LocalDate from) {
		return this.database.sql("select distinct occurrence from activity_signup where activity_id = :activity "
				+ "and status = 'WAITING' and occurrence >= :from")
			.bind("activity", activityId)
			.bind("from", from)
			.map((row, meta) -> row.get("occurrence", LocalDate.class))
			.all();
	}

	private static LocalDate today(Instant now) {
		return now.atZone(Activity.ZONE).toLocalDate();
	}

	private static Activity build(UUID id, UUID organisationId, ActivityRules.Checked checked, ActivityStatus status,
			UUID createdBy, Instant createdAt, Instant now, Long version) {
		return new Activity(id, organisationId, checked.title(), checked.description(), checked.languages(),
				checked.place().postcode(), checked.place().name(), checked.place().district(), checked.place().lat(),
				checked.place().lon(), checked.startsAt(), checked.endsAt(), checked.recurrence(),
				checked.repeatUntil(), checked.capacity(), status, createdBy, createdAt, now, version);
	}

}
