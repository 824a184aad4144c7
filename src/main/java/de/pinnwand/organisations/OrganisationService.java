package de.pinnwand.organisations;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import de.pinnwand.accounts.Account;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.accounts.Member;
import de.pinnwand.audit.AuditLog;
import de.pinnwand.places.Gazetteer;
import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.Languages;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Organisations and their members. Any member may found one and becomes its admin; its
 * admins edit the profile and logo, change roles, remove members and invite by link; the
 * coordination office verifies it. For anyone but its admins, the management of an
 * organisation answers exactly like a missing organisation (404). Every change of roles,
 * members and verification is written to the audit log in the same transaction.
 */
@Service
public class OrganisationService {

	static final int MIN_NAME = 2;

	static final int MAX_NAME = 120;

	static final int MAX_DESCRIPTION = 4000;

	static final int MAX_ADDRESS = 200;

	static final int MAX_OPENING_HOURS = 500;

	static final int MAX_WEBSITE = 200;

	private static final Pattern MARKUP = Pattern.compile("<\\s*/?\\s*[a-zA-Z!?][^>]*>");

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,190}\\.[^@\\s<>\"]{2,}$");

	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()/-]{5,30}$");

	/** 32 random bytes in URL-safe base64 without padding. */
	private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Organisations organisations;

	private final OrganisationMemberships memberships;

	private final AccountService accounts;

	private final AuditLog audit;

	private final Gazetteer gazetteer;

	private final DatabaseClient database;

	private final TransactionalOperator transaction;

	private final OrganisationsProperties properties;

	private final Clock clock;

	private final OrganisationVisibility visibility;

	OrganisationService(Organisations organisations, OrganisationMemberships memberships, AccountService accounts,
			AuditLog audit, Gazetteer gazetteer, DatabaseClient database, TransactionalOperator transaction,
			OrganisationsProperties properties, Clock clock, OrganisationVisibility visibility) {
		this.visibility = visibility;
		this.organisations = organisations;
		this.memberships = memberships;
		this.accounts = accounts;
		this.audit = audit;
		this.gazetteer = gazetteer;
		this.database = database;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
	}

	/** A member of an organisation with the name others see. */
	public record MemberEntry(UUID accountId, String displayName, OrganisationRole role) {
	}

	/**
	 * A fresh invitation link's secret part; only its SHA-256 is stored, so it is shown
	 * once.
	 */
	public record Invitation(String token, OrganisationRole role, Instant expiresAt) {
	}

	/** What an invitation link offers, shown before it is accepted. */
	public record InvitationOffer(Organisation organisation, OrganisationRole role) {
	}

	// Reading

	/**
	 * Every organisation by name, optionally only of one type and only (not) verified;
	 * without logo bytes.
	 */
	public Flux<Organisation> list(OrganisationType type, Boolean verified) {
		return this.organisations.findAllByName()
			.filter((organisation) -> type == null || organisation.type() == type)
			.filter((organisation) -> verified == null || organisation.isVerified() == verified);
	}

	/** An organisation, hidden ones too (for its members' and admins' own pages). */
	public Mono<Organisation> find(UUID id) {
		if (id == null) {
			return Mono.error(() -> new OrganisationNotFound(null));
		}
		return this.organisations.findById(id).switchIfEmpty(Mono.error(() -> new OrganisationNotFound(id)));
	}

	/**
	 * An organisation's public profile; one hidden after reports or closed by a
	 * coordinator is not found.
	 */
	public Mono<Organisation> findVisible(UUID id) {
		return find(id).filterWhen((organisation) -> this.visibility.hidden(id).map((hidden) -> !hidden))
			.switchIfEmpty(Mono.error(() -> new OrganisationNotFound(id)));
	}

	/** The member's role in the organisation, or empty for none (and for visitors). */
	public Mono<OrganisationRole> roleOf(Member member, UUID organisationId) {
		return (member != null) ? this.memberships.roleOf(member.accountId(), organisationId) : Mono.empty();
	}

	/**
	 * An organisation that the member administers; for anyone else it answers as missing.
	 */
	public Mono<Organisation> administered(Member member, UUID id) {
		return find(id).filterWhen((organisation) -> isAdmin(member, id))
			.switchIfEmpty(Mono.error(() -> new OrganisationNotFound(id)));
	}

	private Mono<Boolean> isAdmin(Member member, UUID organisationId) {
		return roleOf(member, organisationId).map((role) -> role == OrganisationRole.ADMIN).defaultIfEmpty(false);
	}

	private Mono<Void> requireAdmin(Member member, UUID organisationId) {
		return isAdmin(member, organisationId)
			.flatMap((admin) -> admin ? Mono.<Void>empty() : Mono.error(new OrganisationNotFound(organisationId)));
	}

	/** The organisations a member belongs to, with their role, by name. */
	public Flux<Map.Entry<Organisation, OrganisationRole>> of(UUID accountId) {
		return this.memberships.of(accountId)
			.concatMap((membership) -> this.organisations.findById(membership.organisationId())
				.map((organisation) -> Map.entry(organisation, membership.role())))
			.sort((a, b) -> a.getKey().name().compareToIgnoreCase(b.getKey().name()));
	}

	// Profile

	/** Founds an organisation; the member who does becomes its admin. */
	public Mono<Organisation> create(Member by, OrganisationProfile profile) {
		UUID id = UUID.randomUUID();
		return check(profile, id).flatMap((checked) -> {
			Instant now = this.clock.instant();
			Organisation organisation = new Organisation(id, checked.name(), checked.type(), checked.description(),
					checked.languages(), checked.publicAddress(), checked.postcode(), checked.openingHours(),
					checked.contactEmail(), checked.contactPhone(), checked.website(), null, null, null, null, now, now,
					null);
			return this.organisations.save(organisation)
				.flatMap((saved) -> this.memberships.put(saved.id(), by.accountId(), OrganisationRole.ADMIN)
					.then(this.audit.record(by.accountId(), "organisation.created", "organisation",
							saved.id().toString(), saved.name(), null))
					.thenReturn(saved))
				.as(this.transaction::transactional);
		}).onErrorMap(DataIntegrityViolationException.class, (raced) -> nameTaken());
	}

	/**
	 * Replaces the profile; {@code expectedVersion} must be the version the admin last
	 * saw, else the change fails with an optimistic locking error and overwrites nothing.
	 */
	public Mono<Organisation> update(Member by, UUID id, long expectedVersion, OrganisationProfile profile) {
		return administered(by, id).flatMap((current) -> check(profile, id).flatMap((checked) -> {
			Organisation changed = new Organisation(id, checked.name(), checked.type(), checked.description(),
					checked.languages(), checked.publicAddress(), checked.postcode(), checked.openingHours(),
					checked.contactEmail(), checked.contactPhone(), checked.website(), current.logo(),
					current.logoType(), current.verifiedAt(), current.verifiedBy(), current.createdAt(),
					this.clock.instant(), expectedVersion);
			return this.organisations.save(changed)
				.flatMap((saved) -> this.audit
					.record(by.accountId(), "organisation.updated", "organisation", id.toString(), null, null)
					.thenReturn(saved))
				.as(this.transaction::transactional);
		})).onErrorMap(DataIntegrityViolationException.class, (raced) -> nameTaken());
	}

	/**
	 * Checks and stores a new logo: decoded, scaled down and encoded again as PNG on a
	 * worker thread, so that nothing but its pixels is kept.
	 */
	public Mono<Organisation> changeLogo(Member by, UUID id, byte[] upload) {
		if (upload.length > this.properties.logoMaxSize().toBytes()) {
			return Mono.error(tooLarge());
		}
		if (upload.length == 0) {
			return Mono.error(new InvalidOrganisation("logo", "logo.missing"));
		}
		return administered(by, id)
			.flatMap((current) -> Mono.fromCallable(() -> LogoImages.toPng(upload, this.properties.logoPixels()))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMap((png) -> this.organisations.save(new Organisation(id, current.name(), current.type(),
						current.description(), current.languages(), current.publicAddress(), current.postcode(),
						current.openingHours(), current.contactEmail(), current.contactPhone(), current.website(), png,
						"image/png", current.verifiedAt(), current.verifiedBy(), current.createdAt(),
						this.clock.instant(), current.version()))));
	}

	/** The largest logo file accepted, in bytes. */
	public long logoMaxBytes() {
		return this.properties.logoMaxSize().toBytes();
	}

	/** How many days an invitation link can be used. */
	public int invitationDays() {
		return this.properties.invitationDays();
	}

	/**
	 * The size refusal for a logo, also for uploads stopped before they were read
	 * completely.
	 */
	public InvalidOrganisation tooLarge() {
		return new InvalidOrganisation("logo", "logo.too-large", this.properties.logoMaxSize().toMegabytes());
	}

	// Verification

	/**
	 * The coordination office confirms the organisation is who it says it is.
	 * Coordinators only; audited.
	 */
	public Mono<Organisation> verify(Member by, UUID id, String reason) {
		return changeVerification(by, id, true, reason);
	}

	/** Takes a verification back. Coordinators only; audited. */
	public Mono<Organisation> unverify(Member by, UUID id, String reason) {
		return changeVerification(by, id, false, reason);
	}

	private Mono<Organisation> changeVerification(Member by, UUID id, boolean verified, String reason) {
		if (by == null || !by.isCoordinator()) {
			return Mono.error(new OrganisationNotFound(id));
		}
		return find(id).flatMap((current) -> {
			if (current.isVerified() == verified) {
				return Mono.just(current);
			}
			Instant now = this.clock.instant();
			Organisation changed = new Organisation(id, current.name(), current.type(), current.description(),
					current.languages(), current.publicAddress(), current.postcode(), current.openingHours(),
					current.contactEmail(), current.contactPhone(), current.website(), current.logo(),
					current.logoType(), verified ? now : null, verified ? by.accountId() : null, current.createdAt(),
					now, current.version());
			return this.organisations.save(changed)
				.flatMap((saved) -> this.audit
					.record(by.accountId(), verified ? "organisation.verified" : "organisation.unverified",
							"organisation", id.toString(), saved.name(), blankToNull(reason))
					.thenReturn(saved))
				.as(this.transaction::transactional);
		});
	}

	// Members

	/** The organisation's members with their display names; for its admins only. */
	public Flux<MemberEntry> members(Member by, UUID id) {
		return requireAdmin(by, id).thenMany(this.memberships.members(id).collectList().flatMapMany((members) -> {
			List<UUID> ids = members.stream().map(OrganisationMemberships.Membership::accountId).toList();
			return this.accounts.accounts(ids)
				.collectMap(Account::id, Account::displayName)
				.flatMapMany((names) -> Flux.fromIterable(members)
					.map((membership) -> new MemberEntry(membership.accountId(),
							names.getOrDefault(membership.accountId(), "?"), membership.role())));
		}));
	}

	/** One member of the organisation; for its admins only. */
	public Mono<MemberEntry> member(Member by, UUID id, UUID accountId) {
		return members(by, id).filter((entry) -> entry.accountId().equals(accountId))
			.next()
			.switchIfEmpty(Mono.error(() -> new OrganisationNotFound(id + "/members/" + accountId)));
	}

	/**
	 * Changes a member's role; the organisation always keeps at least one admin. Admins
	 * only; audited.
	 */
	public Mono<MemberEntry> changeRole(Member by, UUID id, UUID accountId, OrganisationRole role) {
		if (role == null) {
			return Mono.error(new InvalidOrganisation("role", "organisation.role.unknown"));
		}
		return member(by, id, accountId).flatMap((current) -> {
			if (current.role() == role) {
				return Mono.just(current);
			}
			return keepsAnAdmin(id, current).then(this.memberships.put(id, accountId, role))
				.then(this.audit.record(by.accountId(), "organisation.role-changed", "organisation", id.toString(),
						accountId + ": " + current.role() + " -> " + role, null))
				.thenReturn(new MemberEntry(accountId, current.displayName(), role))
				.as(this.transaction::transactional);
		});
	}

	/**
	 * Removes a member; the organisation always keeps at least one admin. Admins only;
	 * audited.
	 */
	public Mono<Void> removeMember(Member by, UUID id, UUID accountId) {
		return member(by, id, accountId)
			.flatMap((current) -> keepsAnAdmin(id, current).then(this.memberships.remove(id, accountId))
				.then(this.audit.record(by.accountId(), "organisation.member-removed", "organisation", id.toString(),
						accountId + " (" + current.role() + ")", null))
				.as(this.transaction::transactional));
	}

	/**
	 * The member leaves the organisation of their own accord; its last admin cannot (they
	 * hand over first). Someone who does not belong to it gets 404. Audited.
	 */
	public Mono<Void> leave(Member by, UUID id) {
		return this.memberships.roleOf(by.accountId(), id)
			.switchIfEmpty(Mono.error(() -> new OrganisationNotFound(id + "/membership")))
			.flatMap((role) -> keepsAnAdmin(id, new MemberEntry(by.accountId(), by.displayName(), role))
				.then(this.memberships.remove(id, by.accountId()))
				.then(this.audit.record(by.accountId(), "organisation.member-left", "organisation", id.toString(),
						by.accountId() + " (" + role + ")", null))
				.as(this.transaction::transactional));
	}

	private Mono<Void> keepsAnAdmin(UUID id, MemberEntry leaving) {
		if (leaving.role() != OrganisationRole.ADMIN) {
			return Mono.empty();
		}
		return this.memberships.adminCount(id)
			.flatMap((admins) -> (admins > 1) ? Mono.<Void>empty()
					: Mono.error(new InvalidOrganisation("role", "organisation.last-admin")));
	}

	// Invitations

	/** Makes a single-use invitation link for the organisation. Admins only; audited. */
	public Mono<Invitation> invite(Member by, UUID id, OrganisationRole role) {
		OrganisationRole granted = (role != null) ? role : OrganisationRole.MEMBER;
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = this.clock.instant();
		Instant expires = now.plus(Duration.ofDays(this.properties.invitationDays()));
		return requireAdmin(by, id)
			.then(this.database
				.sql("insert into organisation_invitation (token_hash, organisation_id, role, created_by, created_at, "
						+ "expires_at) values (:hash, :organisation, :role, :by, :at, :expires)")
				.bind("hash", hash(token))
				.bind("organisation", id)
				.bind("role", granted.name())
				.bind("by", by.accountId())
				.bind("at", now)
				.bind("expires", expires)
				.then())
			.then(this.audit.record(by.accountId(), "organisation.invitation-created", "organisation", id.toString(),
					granted.name() + " until " + expires, null))
			.as(this.transaction::transactional)
			.thenReturn(new Invitation(token, granted, expires));
	}

	/**
	 * What an open invitation offers; unknown, used and expired links all answer
	 * {@link InvitationNotFound}.
	 */
	public Mono<InvitationOffer> invitation(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Mono.error(InvitationNotFound::new);
		}
		return this.database
			.sql("select organisation_id, role from organisation_invitation where token_hash = :hash "
					+ "and used_at is null and expires_at > :now")
			.bind("hash", hash(token))
			.bind("now", this.clock.instant())
			.map((row, meta) -> Map.entry(row.get("organisation_id", UUID.class),
					OrganisationRole.valueOf(row.get("role", String.class))))
			.one()
			.flatMap((found) -> this.organisations.findById(found.getKey())
				.map((organisation) -> new InvitationOffer(organisation, found.getValue())))
			.switchIfEmpty(Mono.error(InvitationNotFound::new));
	}

	/**
	 * Accepts an invitation: the member joins in the invitation's role (one who is
	 * already admin stays admin). The link is used up in the same step, so two people can
	 * never both use it.
	 */
	public Mono<Organisation> accept(Member by, String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Mono.error(InvitationNotFound::new);
		}
		Instant now = this.clock.instant();
		return this.database
			.sql("update organisation_invitation set used_at = :now, used_by = :by where token_hash = :hash "
					+ "and used_at is null and expires_at > :now returning organisation_id, role")
			.bind("now", now)
			.bind("by", by.accountId())
			.bind("hash", hash(token))
			.map((row, meta) -> Map.entry(row.get("organisation_id", UUID.class),
					OrganisationRole.valueOf(row.get("role", String.class))))
			.one()
			.switchIfEmpty(Mono.error(InvitationNotFound::new))
			.flatMap((invited) -> this.memberships.roleOf(by.accountId(), invited.getKey())
				.defaultIfEmpty(invited.getValue())
				.map((existing) -> (existing == OrganisationRole.ADMIN) ? existing : invited.getValue())
				.flatMap((role) -> this.memberships.put(invited.getKey(), by.accountId(), role)
					.then(this.audit.record(by.accountId(), "organisation.member-joined", "organisation",
							invited.getKey().toString(), by.accountId() + " as " + role, "invitation")))
				.then(find(invited.getKey())))
			.as(this.transaction::transactional);
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// Checks

	private record Checked(String name, OrganisationType type, String description, List<String> languages,
			String publicAddress, String postcode, String openingHours, String contactEmail, String contactPhone,
			String website) {
	}

	private Mono<Checked> check(OrganisationProfile profile, UUID id) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = strip(profile.name());
		if (name.isEmpty()) {
			problems.add(new FieldProblem("name", "organisation.name.missing"));
		}
		else if (name.length() < MIN_NAME) {
			problems.add(new FieldProblem("name", "text.too-short", MIN_NAME));
		}
		else if (name.length() > MAX_NAME) {
			problems.add(new FieldProblem("name", "text.too-long", MAX_NAME));
		}
		else if (MARKUP.matcher(name).find()) {
			problems.add(new FieldProblem("name", "text.markup"));
		}
		OrganisationType type = type(profile.type());
		if (type == null) {
			problems.add(new FieldProblem("type", "organisation.type.unknown"));
		}
		String description = strip(profile.description());
		if (description.length() > MAX_DESCRIPTION) {
			problems.add(new FieldProblem("description", "text.too-long", MAX_DESCRIPTION));
		}
		else if (MARKUP.matcher(description).find()) {
			problems.add(new FieldProblem("description", "text.markup"));
		}
		List<String> languages = (profile.languages() != null) ? profile.languages().stream().distinct().toList()
				: List.of();
		if (languages.stream().anyMatch((code) -> !Languages.isKnown(code))) {
			problems.add(new FieldProblem("languages", "languages.unknown"));
		}
		String address = blankToNull(profile.publicAddress());
		checkLength(problems, "publicAddress", address, MAX_ADDRESS);
		String postcode = blankToNull(profile.postcode());
		if (postcode != null && (!postcode.matches("\\d{5}") || this.gazetteer.byPostcode(postcode).isEmpty())) {
			problems.add(new FieldProblem("postcode", "place.unknown"));
		}
		String openingHours = blankToNull(profile.openingHours());
		checkLength(problems, "openingHours", openingHours, MAX_OPENING_HOURS);
		String email = blankToNull(profile.contactEmail());
		if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
			problems.add(new FieldProblem("contactEmail", "email.invalid"));
		}
		String phone = blankToNull(profile.contactPhone());
		if (phone != null && !PHONE.matcher(phone).matches()) {
			problems.add(new FieldProblem("contactPhone", "phone.invalid"));
		}
		String website = blankToNull(profile.website());
		if (website != null && !isWebsite(website)) {
			problems.add(new FieldProblem("website", "website.invalid"));
		}
		Checked checked = new Checked(name, type, description, languages, address, postcode, openingHours, email, phone,
				website);
		Mono<List<FieldProblem>> withName = problems.stream().anyMatch((problem) -> problem.field().equals("name"))
				? Mono.just(problems) : this.organisations.nameTaken(name, id).map((taken) -> {
					if (taken) {
						problems.add(0, new FieldProblem("name", "organisation.name.taken"));
					}
					return problems;
				});
		return withName
			.flatMap((found) -> found.isEmpty() ? Mono.just(checked) : Mono.error(new InvalidOrganisation(found)));
	}

	private static void checkLength(List<FieldProblem> problems, String field, String value, int max) {
		if (value == null) {
			return;
		}
		if (value.length() > max) {
			problems.add(new FieldProblem(field, "text.too-long", max));
		}
		else if (MARKUP.matcher(value).find()) {
			problems.add(new FieldProblem(field, "text.markup"));
		}
	}

	static OrganisationType type(String value) {
		return OrganisationType.parse(value);
	}

	/**
	 * Only web addresses people can open safely: http or https, with a host, no
	 * credentials.
	 */
	static boolean isWebsite(String value) {
		if (value.length() > MAX_WEBSITE || value.chars().anyMatch((c) -> c <= ' ')) {
			return false;
		}
		try {
			URI uri = new URI(value);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
					&& uri.getHost().contains(".") && uri.getUserInfo() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static InvalidOrganisation nameTaken() {
		return new InvalidOrganisation("name", "organisation.name.taken");
	}

	private static String strip(String value) {
		return (value != null) ? value.strip() : "";
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
