package de.pinnwand.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import de.pinnwand.audit.AuditLog;
import de.pinnwand.places.Gazetteer;
import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.Languages;
import de.pinnwand.web.InterfaceLanguages;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Accounts and their roles. An account is made at the first sign-in; roles that the
 * provider's groups grant follow those groups at every sign-in, roles granted in the
 * portal stay until an admin revokes them. Every role change is written to the audit log
 * in the same transaction.
 */
@Service
public class AccountService {

	static final int MAX_DISPLAY_NAME = 60;

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,190}\\.[^@\\s<>\"]{2,}$");

	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()/-]{5,30}$");

	/**
	 * How often a first sign-in is done again when requests of the same person raced it
	 * (one per parallel request).
	 */
	private static final int SIGN_IN_RACES = 10;

	private static final Duration SIGN_IN_RECORDED_EVERY = Duration.ofMinutes(5);

	private final Accounts accounts;

	private final AccountRoles roles;

	private final AuditLog audit;

	private final Gazetteer gazetteer;

	private final AccountsProperties properties;

	private final TransactionalOperator transaction;

	private final Clock clock;

	AccountService(Accounts accounts, AccountRoles roles, AuditLog audit, Gazetteer gazetteer,
			AccountsProperties properties, TransactionalOperator transaction, Clock clock) {
		this.accounts = accounts;
		this.roles = roles;
		this.audit = audit;
		this.gazetteer = gazetteer;
		this.properties = properties;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Records a sign-in: makes the account at the first one, and brings provider-granted
	 * roles in line with the groups the provider sent (null when it sends none, which
	 * leaves them as they are).
	 * @param suggestedName the provider's name for the person, a starting point for the
	 * display name only
	 */
	public Mono<Member> signedIn(String subject, String suggestedName, Collection<String> groups) {
		// Accounts are keyed by the provider's subject: without one, two people would
		// share an account.
		if (subject == null || subject.isBlank()) {
			return Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, "errorpage.detail.token"));
		}
		Instant now = this.clock.instant();
		Mono<Account> account = this.accounts.findBySubject(subject)
			.flatMap((found) -> recentlySignedIn(found, now) ? Mono.just(found)
					: this.accounts.save(found.signedInAt(now)))
			.switchIfEmpty(Mono.defer(() -> create(subject, suggestedName, now)));
		Mono<Member> recorded = account.flatMap((found) -> syncProviderRoles(found, groups).then(member(found)))
			.as(this.transaction::transactional);
		// Several first requests of the same person at once: another one made the account
		// (this insert failed) or
		// recorded its sign-in first (this version is stale). The failure aborted this
		// transaction, so the whole
		// sign-in is done again in a new one: inside the aborted one PostgreSQL refuses
		// every statement (it answered
		// 503), and a stale version answered 409.
		return recorded.retryWhen(Retry.max(SIGN_IN_RACES)
			.filter((raced) -> raced instanceof DataIntegrityViolationException
					|| raced instanceof OptimisticLockingFailureException));
	}

	/**
	 * Every API request signs in again: recording each one would make a member's parallel
	 * requests queue on one row (and race on its version) for a date that only the data
	 * export shows.
	 */
	private static boolean recentlySignedIn(Account account, Instant now) {
		return account.lastSignedInAt() != null && account.lastSignedInAt().isAfter(now.minus(SIGN_IN_RECORDED_EVERY));
	}

	private Mono<Account> create(String subject, String suggestedName, Instant now) {
		Account account = new Account(UUID.randomUUID(), subject, displayNameFrom(suggestedName, subject), List.of(),
				null, null, null, EmailNotifications.NEVER, null, now, now, null);
		return this.accounts.save(account)
			.flatMap((saved) -> this.audit
				.record(null, AccountAudit.CREATED, "account", saved.id().toString(), null, null)
				.thenReturn(saved));
	}

	/**
	 * Names from the provider can be e-mail addresses or real names; only a short, plain
	 * first part is used.
	 */
	static String displayNameFrom(String suggested, String subject) {
		String name = (suggested != null && !suggested.isBlank()) ? suggested.strip() : subject;
		int at = name.indexOf('@');
		if (at > 0) {
			name = name.substring(0, at);
		}
		name = name.replaceAll("[\\p{Cc}<>]", "");
		if (name.length() > 30) {
			name = name.substring(0, 30);
		}
		return name.isBlank() ? "Mitglied" : name;
	}

	private Mono<Void> syncProviderRoles(Account account, Collection<String> groups) {
		if (groups == null) {
			return Mono.empty();
		}
		// Keycloak may send full group paths such as /coordinators.
		Set<String> names = new java.util.HashSet<>();
		groups.forEach((group) -> names.add(group.startsWith("/") ? group.substring(1) : group));
		Set<Role> granted = EnumSet.noneOf(Role.class);
		if (names.contains(this.properties.coordinatorGroup())) {
			granted.add(Role.COORDINATOR);
		}
		if (names.contains(this.properties.adminGroup())) {
			granted.add(Role.ADMIN);
		}
		return this.roles.of(account.id()).collectList().flatMap((rows) -> {
			List<Mono<Void>> changes = new ArrayList<>();
			for (Role role : granted) {
				if (rows.stream().noneMatch((row) -> row.role() == role)) {
					changes.add(this.roles.insert(account.id(), role, "PROVIDER", this.clock.instant())
						.then(this.audit.record(null, AccountAudit.ROLE_GRANTED, "account", account.id().toString(),
								role.name() + " from provider groups", null)));
				}
			}
			for (AccountRoles.RoleRow row : rows) {
				if ("PROVIDER".equals(row.source()) && !granted.contains(row.role())) {
					changes.add(this.roles.delete(account.id(), row.role())
						.then(this.audit.record(null, AccountAudit.ROLE_REVOKED, "account", account.id().toString(),
								row.role().name() + " no longer in provider groups", null)));
				}
			}
			return Flux.concat(changes).then();
		});
	}

	/**
	 * Makes an account ahead of its first sign-in, with portal roles, for demo content
	 * and first installations; an existing account is returned unchanged. Roles granted
	 * here are audited as the system's.
	 */
	public Mono<Member> prepare(String subject, String displayName, List<String> languages, Set<Role> roles) {
		Instant now = this.clock.instant();
		return this.accounts.findBySubject(subject)
			.switchIfEmpty(Mono.defer(() -> create(subject, displayName, now)
				.map((created) -> created
					.with(new Profile(displayName, languages, null, null, null, EmailNotifications.NEVER, null)))
				.flatMap(this.accounts::save)
				.flatMap((saved) -> Flux.fromIterable(roles)
					.concatMap((role) -> this.roles.insert(saved.id(), role, "PORTAL", this.clock.instant())
						.then(this.audit.record(null, AccountAudit.ROLE_GRANTED, "account", saved.id().toString(),
								role.name(), "prepared account")))
					.then(Mono.just(saved)))))
			.flatMap(this::member)
			.as(this.transaction::transactional);
	}

	/** The member behind a provider subject, if they ever signed in. */
	public Mono<Member> bySubject(String subject) {
		return this.accounts.findBySubject(subject).flatMap(this::member);
	}

	/** The member with this account id, with their roles; empty for none. */
	public Mono<Member> member(UUID accountId) {
		return this.accounts.findById(accountId).flatMap(this::member);
	}

	public Mono<Account> account(UUID accountId) {
		return this.accounts.findById(accountId).switchIfEmpty(Mono.error(AccountNotFound::new));
	}

	/**
	 * Display names of accounts, for pages that list people (e.g. an activity's
	 * sign-ups).
	 */
	public Flux<Account> accounts(Collection<UUID> ids) {
		return this.accounts.findAllById(ids);
	}

	private Mono<Member> member(Account account) {
		return this.roles.of(account.id())
			.map(AccountRoles.RoleRow::role)
			.collectList()
			.map((roles) -> new Member(account.id(), account.displayName(),
					roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles)));
	}

	/**
	 * Grants a portal-wide role; only admins may. Audited.
	 */
	public Mono<Void> grant(Member by, UUID accountId, Role role, String reason) {
		if (!by.isAdmin()) {
			return Mono.error(AccountNotFound::new);
		}
		return account(accountId)
			.flatMap((account) -> this.roles.of(accountId)
				.any((row) -> row.role() == role)
				.flatMap((has) -> has ? Mono.<Void>empty()
						: this.roles.insert(accountId, role, "PORTAL", this.clock.instant())
							.then(this.audit.record(by.accountId(), AccountAudit.ROLE_GRANTED, "account",
									accountId.toString(), role.name(), reason))))
			.as(this.transaction::transactional);
	}

	/** Revokes a portal-wide role; only admins may. Audited. */
	public Mono<Void> revoke(Member by, UUID accountId, Role role, String reason) {
		if (!by.isAdmin()) {
			return Mono.error(AccountNotFound::new);
		}
		return account(accountId)
			.flatMap((account) -> this.roles.delete(accountId, role)
				.flatMap((removed) -> (removed > 0) ? this.audit.record(by.accountId(), AccountAudit.ROLE_REVOKED,
						"account", accountId.toString(), role.name(), reason) : Mono.<Void>empty()))
			.as(this.transaction::transactional);
	}

	/**
	 * Changes the member's own profile after checking every field; nothing is stored if
	 * one is wrong.
	 */
	public Mono<Account> updateProfile(UUID accountId, Profile change) {
		List<FieldProblem> problems = new ArrayList<>();
		String displayName = (change.displayName() != null) ? change.displayName().strip() : "";
		if (displayName.isEmpty()) {
			problems.add(new FieldProblem("displayName", "displayName.missing"));
		}
		else if (displayName.length() > MAX_DISPLAY_NAME) {
			problems.add(new FieldProblem("displayName", "text.too-long", MAX_DISPLAY_NAME));
		}
		List<String> languages = (change.languages() != null) ? change.languages().stream().distinct().toList()
				: List.of();
		if (languages.stream().anyMatch((code) -> !Languages.isKnown(code))) {
			problems.add(new FieldProblem("languages", "languages.unknown"));
		}
		String postcode = blankToNull(change.homePostcode());
		if (postcode != null && this.gazetteer.byPostcode(postcode).isEmpty()) {
			problems.add(new FieldProblem("homePostcode", "place.unknown"));
		}
		String email = blankToNull(change.contactEmail());
		if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
			problems.add(new FieldProblem("contactEmail", "email.invalid"));
		}
		String phone = blankToNull(change.contactPhone());
		if (phone != null && !PHONE.matcher(phone).matches()) {
			problems.add(new FieldProblem("contactPhone", "phone.invalid"));
		}
		String chosenLanguage = blankToNull(change.interfaceLanguage());
		// Stored in the spelling of InterfaceLanguages.CODES (fa-AF for Dari), which
		// mails and pages read back.
		String interfaceLanguage = (chosenLanguage != null) ? InterfaceLanguages.known(chosenLanguage).orElse(null)
				: null;
		if (chosenLanguage != null && interfaceLanguage == null) {
			problems.add(new FieldProblem("interfaceLanguage", "interfaceLanguage.unknown"));
		}
		EmailNotifications notifications = (change.emailNotifications() != null) ? change.emailNotifications()
				: EmailNotifications.NEVER;
		if (notifications != EmailNotifications.NEVER && email == null) {
			problems.add(new FieldProblem("contactEmail", "email.needed-for-notifications"));
		}
		if (!problems.isEmpty()) {
			return Mono.error(new InvalidProfile(problems));
		}
		Profile checked = new Profile(displayName, languages, postcode, email, phone, notifications, interfaceLanguage);
		return account(accountId).map((account) -> account.with(checked)).flatMap(this.accounts::save);
	}

	/**
	 * Stops notices by e-mail (the unsubscribe link in every mail); the portal still
	 * shows them. Emits whether the account exists.
	 */
	public Mono<Boolean> stopEmailNotifications(UUID accountId) {
		return this.accounts.findById(accountId).flatMap((account) -> {
			if (account.emailNotifications() == EmailNotifications.NEVER) {
				return Mono.just(true);
			}
			Profile profile = account.profile();
			return this.accounts.save(account.with(new Profile(profile.displayName(), profile.languages(),
					profile.homePostcode(), profile.contactEmail(), profile.contactPhone(), EmailNotifications.NEVER,
					profile.interfaceLanguage())))
				.thenReturn(true);
		}).defaultIfEmpty(false);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
