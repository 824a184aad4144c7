package de.pinnwand.activities;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

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
 * Putting activities on the board, changing and cancelling them (or one of their dates).
 * Only members of an activity's organisation change it; to anyone else it answers as if
 * it did not exist. Sign-ups are {@link ActivitySignups}'.
 */
@Service
public class ActivityService {

	/** How many rows an activity list reads at most before filtering by distance. */
	static final int MAX_ROWS = 500;

	private final Activities activities;

	private final ActivityRules rules;

	private final OrganisationMemberships memberships;

	private final AuditLog audit;

	private final DatabaseClient database;

	private final R2dbcConverter converter;

	private final TransactionalOperator transaction;

	private final Clock clock;

	private final Waitlist waitlist;

	private final CancelledDates cancelledDates;

	private final NewItemReview review;

	private final ReportableActivities reportable;

	ActivityService(Activities activities, ActivityRules rules, OrganisationMemberships memberships, AuditLog audit,
			DatabaseClient database, R2dbcEntityTemplate template, TransactionalOperator transaction, Clock clock,
			Waitlist waitlist, CancelledDates cancelledDates, NewItemReview review, ReportableActivities reportable) {
		this.review = review;
		this.reportable = reportable;
		this.activities = activities;
		this.rules = rules;
		this.memberships = memberships;
		this.waitlist = waitlist;
		this.cancelledDates = cancelledDates;
		this.audit = audit;
		this.database = database;
		this.converter = template.getConverter();
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Puts an activity of the organisation on the board; the member must belong to the
	 * organisation.
	 */
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
				.flatMap((saved) -> this.audit
					.record(accountId, "activity.created", "activity", saved.id().toString(), saved.title(), null)
					.thenReturn(saved))
				// Like a new member's listing, it may wait for a coordinator (hidden
				// until then).
				.flatMap((saved) -> this.review.holdIfNeeded(this.reportable, saved.id(), accountId, organisationId)
					.thenReturn(saved))
				.as(this.transaction::transactional);
		});
	}

	/**
	 * Changes an activity; {@code version} must be the one last read, else an optimistic
	 * locking failure (409). When the change makes room (more places, or no limit),
	 * waiting people move up right away.
	 */
	public Mono<Activity> update(UUID id, UUID accountId, long version, ActivityDraft draft) {
		Instant now = this.clock.instant();
		return managed(id, accountId).flatMap((existing) -> {
			ActivityRules.Checked checked = this.rules.check(draft, now, existing);
			Activity changed = build(existing.id(), existing.organisationId(), checked, existing.status(),
					existing.createdBy(), existing.createdAt(), now, version);
			return this.waitlist.locked(id)
				.then(this.activities.save(changed))
				.flatMap((saved) -> this.waitlist.moveUp(saved, today(now), now)
					.then(this.audit.record(accountId, "activity.updated", "activity", id.toString(), null, null))
					.thenReturn(saved))
				.as(this.transaction::transactional);
		});
	}

	/**
	 * Cancels an activity: it stays readable with a notice, leaves the lists and feeds,
	 * and takes no sign-ups.
	 */
	public Mono<Activity> cancel(UUID id, UUID accountId) {
		Instant now = this.clock.instant();
		return managed(id, accountId).flatMap((existing) -> existing.isCancelled() ? Mono.just(existing)
				: this.activities.save(existing.withStatus(ActivityStatus.CANCELLED, now))
					.flatMap((saved) -> this.audit
						.record(accountId, "activity.cancelled", "activity", id.toString(), null, null)
						.thenReturn(saved))
					.as(this.transaction::transactional));
	}

	/**
	 * Cancels one date of an activity (a holiday, a sick organiser): the page shows it as
	 * cancelled, the feed leaves it out (EXDATE), and nobody can sign up for it any more.
	 * Refused for a day it does not take place or that has begun; cancelling it twice
	 * changes nothing.
	 */
	public Mono<Activity> cancelDate(UUID id, UUID accountId, LocalDate date) {
		Instant now = this.clock.instant();
		return managed(id, accountId).flatMap((activity) -> {
			if (activity.isCancelled() || !activity.occursOn(date)) {
				return Mono
					.error(new InvalidActivity(List.of(new FieldProblem("date", "activity.date.no-occurrence"))));
			}
			if (!activity.startOf(date).toInstant().isAfter(now)) {
				return Mono.error(new InvalidActivity(List.of(new FieldProblem("date", "activity.date.past"))));
			}
			return this.cancelledDates.add(id, date, accountId, now)
				.filter((added) -> added)
				.flatMap((added) -> this.audit.record(accountId, "activity.date-cancelled", "activity", id.toString(),
						date.toString(), null))
				.thenReturn(activity)
				.as(this.transaction::transactional);
		});
	}

	/** Any activity, cancelled and hidden ones too. */
	public Mono<Activity> find(UUID id) {
		return this.activities.findById(id).switchIfEmpty(Mono.error(() -> new ActivityNotFound(id)));
	}

	/**
	 * An activity the public may see, cancelled ones too; one hidden after reports or by
	 * a coordinator (or whose organisation is) is not found.
	 */
	public Mono<Activity> findVisible(UUID id) {
		return find(id).filterWhen((activity) -> hidden(this.database, id).map((hidden) -> !hidden))
			.switchIfEmpty(Mono.error(() -> new ActivityNotFound(id)));
	}

	/**
	 * Whether the activity is hidden from the public: waiting for review, taken down
	 * after reports, closed by a coordinator, or of a hidden organisation.
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

	/**
	 * The activity if the member may manage it (belongs to its organisation); otherwise
	 * not found.
	 */
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
	 * Published activities that still have an occurrence ahead, earliest first. Text
	 * matches every word in the title or description; the place filter keeps those within
	 * {@code radiusKm} of it.
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
				sql.append(" and (lower(title) like :word")
					.append(i)
					.append(" escape '\\' or lower(description) like :word")
					.append(i)
					.append(" escape '\\')");
				bindings.put("word" + i,
						"%" + words[i].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			}
		}
		sql.append(" order by starts_at, id limit ").append(MAX_ROWS);
		DatabaseClient.GenericExecuteSpec spec = this.database.sql(sql.toString());
		for (Map.Entry<String, Object> binding : bindings.entrySet()) {
			spec = spec.bind(binding.getKey(), binding.getValue());
		}
		return spec.map(this::activity)
			.all()
			.filter((activity) -> filter.near() == null || Gazetteer.distanceKm(filter.near().lat(),
					filter.near().lon(), activity.latitude(), activity.longitude()) <= filter.radiusKm());
	}

	private Activity activity(Row row, RowMetadata meta) {
		return this.converter.read(Activity.class, row, meta);
	}

	private static LocalDate today(Instant now) {
		return now.atZone(Activity.ZONE).toLocalDate();
	}

	private static Activity build(UUID id, UUID organisationId, ActivityRules.Checked checked, ActivityStatus status,
			UUID createdBy, Instant createdAt, Instant now, Long version) {
		return new Activity(id, organisationId, checked.title(), checked.description(), checked.languages(),
				checked.place().postcode(), checked.place().name(), checked.place().district(), checked.place().lat(),
				checked.place().lon(), checked.startsAt(), checked.endsAt(), checked.recurrence(),
				checked.repeatUntil(), checked.capacity(), status, createdBy, createdAt, now, version, checked.venue());
	}

}
