package de.pinnwand.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import de.pinnwand.accounts.AccountService;
import de.pinnwand.accounts.Member;
import de.pinnwand.accounts.Role;
import de.pinnwand.listings.InvalidListing;
import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingDraft;
import de.pinnwand.listings.ListingService;
import de.pinnwand.listings.Listings;
import de.pinnwand.organisations.Organisation;
import de.pinnwand.organisations.OrganisationProfile;
import de.pinnwand.organisations.OrganisationService;
import de.pinnwand.organisations.Organisations;
import de.pinnwand.system.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts the listings of {@value #LISTINGS} once the application is ready, if the board is
 * still empty, so a local run shows a realistic board. Each listing passes the same rules
 * as one typed into the form, and carries a fixed submission key, so a restart never
 * posts it twice.
 */
@Component
@ConditionalOnBooleanProperty("pinnwand.demo.enabled")
class DemoContent {

	static final String LISTINGS = "demo/listings.json";

	private static final Logger logger = LoggerFactory.getLogger(DemoContent.class);

	private final Listings listings;

	private final ListingService service;

	private final de.pinnwand.moderation.ModerationService moderation;

	private final AccountService accounts;

	private final OrganisationService organisationService;

	private final Organisations organisations;

	private final de.pinnwand.search.ListingIndex index;

	private final de.pinnwand.messaging.ConversationService conversations;

	DemoContent(Listings listings, ListingService service, AccountService accounts,
			OrganisationService organisationService, Organisations organisations,
			de.pinnwand.moderation.ModerationService moderation, de.pinnwand.search.ListingIndex index,
			de.pinnwand.messaging.ConversationService conversations) {
		this.conversations = conversations;
		this.index = index;
		this.listings = listings;
		this.service = service;
		this.moderation = moderation;
		this.accounts = accounts;
		this.organisationService = organisationService;
		this.organisations = organisations;
	}

	/**
	 * Invented organisations of the county, each founded by a demo account (who becomes
	 * its admin); those marked verified are verified by the coordination office.
	 */
	static final List<DemoOrganisation> ORGANISATIONS = List.of(
			new DemoOrganisation("Sabine", true,
					new OrganisationProfile("Begegnungscafé Weststadt", "MEETING_PLACE",
							"Jeden Donnerstag Kaffee, Kuchen und Gespräche für Alteingesessene und Neuangekommene. "
									+ "Kinder sind willkommen, es gibt eine Spielecke.",
							List.of("de", "ar", "uk", "fa"), "Gemeindehaus, Weststadtplatz 3", "71636",
							"Donnerstag 15–18 Uhr", "cafe-weststadt@example.org", null, null)),
			new DemoOrganisation("Jonas", true,
					new OrganisationProfile("Arbeitskreis Asyl Musterhausen", "VOLUNTEER_GROUP",
							"Ehrenamtliche aus Asperg und Umgebung: Deutschkurse, Begleitung zu Ämtern, Patenschaften. "
									+ "Neue Mitstreiterinnen und Mitstreiter sind immer willkommen.",
							List.of("de", "en"), null, "71679", "Treffen jeden ersten Montag im Monat, 19 Uhr",
							"ak-asyl@example.org", null, "https://ak-asyl.example.org")),
			new DemoOrganisation("Sabine", true,
					new OrganisationProfile("Migrationsberatung Wohlfahrtsverband Neckar-Enz", "COUNSELLING_SERVICE",
							"Kostenlose und vertrauliche Beratung für Erwachsene: Aufenthalt, Familiennachzug, Arbeit, "
									+ "Sprachkurse, Briefe von Behörden.",
							List.of("de", "en", "ar", "tr"), "Bahnhofstraße 12", "71638",
							"Offene Sprechstunde Dienstag 9–12 Uhr, sonst nach Vereinbarung", "migration@example.org",
							"07141 555010", "https://beratung.example.org")),
			new DemoOrganisation("Ehrenamtskoordination", true, new OrganisationProfile(
					"Integrationsmanagement im Landkreis", "AUTHORITY",
					"Das Integrationsmanagement begleitet Geflüchtete in der Anschlussunterbringung: "
							+ "ein persönlicher Plan, Unterstützung bei Anträgen, Vermittlung zu Kursen und Beratung.",
					List.of("de", "en", "ar", "uk", "ru"), "Landratsamt, Hindenburgstraße 40", "71638",
					"Montag bis Freitag 8.30–12 Uhr", "integration@example.org", "07141 555200", null)),
			new DemoOrganisation("Ehrenamtskoordination", true,
					new OrganisationProfile("Ehrenamtskoordination Flüchtlingshilfe", "AUTHORITY",
							"Wir bringen Menschen, die helfen wollen, und Menschen, die Hilfe brauchen, zusammen, und "
									+ "unterstützen die Arbeitskreise im Landkreis.",
							List.of("de", "en"), "Rathaus, Wilhelmstraße 11", "71634", "Mittwoch 14–17 Uhr",
							"ehrenamt@example.org", "07141 555300", null)),
			new DemoOrganisation("Jonas", false, new OrganisationProfile("Fahrradwerkstatt Rückenwind",
					"VOLUNTEER_GROUP",
					"Wir reparieren gespendete Fahrräder und geben sie an Geflüchtete weiter. Wer schrauben lernen "
							+ "will, macht einfach mit.",
					List.of("de", "en", "fa"), "Hinterhof Schillerstraße 8", "71640", "Samstag 10–13 Uhr", null, null,
					null)),
			new DemoOrganisation("Jonas", false,
					new OrganisationProfile("Sportverein Freiberg – Sport für alle", "ASSOCIATION",
							"Fußball, Basketball und Schwimmen für Kinder, Jugendliche und Erwachsene. Für Geflüchtete "
									+ "ist das erste Jahr beitragsfrei.",
							List.of("de", "tr"), "Sportplatz am Neckar", "71691", null, "sport@example.org", null,
							null)),
			new DemoOrganisation("Sabine", false, new OrganisationProfile("Kleiderkammer Marbach", "ASSOCIATION",
					"Gut erhaltene Kleidung, Schuhe und Babysachen für alle, die sie brauchen. Spenden nehmen wir "
							+ "zu den Öffnungszeiten an.",
					List.of("de", "ar", "uk"), "Alte Schule, Kirchgasse 5", "71672", "Dienstag und Freitag 14–17 Uhr",
					null, "07144 555400", null)),
			new DemoOrganisation("Ehrenamtskoordination", true,
					new OrganisationProfile("Jugendmigrationsdienst Remseck", "COUNSELLING_SERVICE",
							"Beratung für junge Menschen von 12 bis 27 Jahren: Schule, Ausbildung, Beruf und Freizeit.",
							List.of("de", "en", "ar", "ru"), "Marktplatz 2", "71686", "Montag und Donnerstag 13–17 Uhr",
							"jmd@example.org", null, null)),
			new DemoOrganisation("Jonas", false, new OrganisationProfile("Malerbetrieb Sonnenschein", "COMPANY",
					"Ein Handwerksbetrieb, der Praktika und Ausbildungsplätze für Geflüchtete anbietet.", List.of("de"),
					"Gewerbegebiet Nord 7", "71696", null, "ausbildung@example.org", null, null)));

	/** Demo offers posted on behalf of an organisation, by title. */
	static final java.util.Map<String, String> POSTED_FOR = java.util.Map.of(
			"Kostenloser Deutschkurs für Anfänger am Abend", "Arbeitskreis Asyl Musterhausen",
			"Begegnungscafé jeden Donnerstag im Gemeindehaus", "Begegnungscafé Weststadt",
			"Offene Sprechstunde zum Asylverfahren", "Migrationsberatung Wohlfahrtsverband Neckar-Enz",
			"Fahrräder für Geflüchtete – Fahrradwerkstatt jeden Samstag", "Fahrradwerkstatt Rückenwind",
			"Fußballtraining für Jugendliche – einfach vorbeikommen", "Sportverein Freiberg – Sport für alle",
			"Nähtreff für Frauen – Nähmaschinen sind da", "Begegnungscafé Weststadt");

	record DemoOrganisation(String admin, boolean verified, OrganisationProfile profile) {
	}

	/**
	 * The demo accounts, by the names they sign in with at the embedded provider (see the
	 * README): a person who fled Syria, one who fled Ukraine, a volunteer, an
	 * organisation's admin, the coordination office and an admin.
	 */
	static final List<DemoAccount> ACCOUNTS = List.of(new DemoAccount("amal", "Amal", List.of("ar", "de"), Set.of()),
			new DemoAccount("olena", "Olena", List.of("uk", "ru"), Set.of()),
			new DemoAccount("jonas", "Jonas", List.of("de", "en"), Set.of()),
			new DemoAccount("sabine", "Sabine", List.of("de", "en"), Set.of()),
			new DemoAccount("koordination", "Ehrenamtskoordination", List.of("de", "en"), Set.of(Role.COORDINATOR)),
			new DemoAccount("admin", "Admin", List.of("de", "en"), Set.of(Role.ADMIN)));

	record DemoAccount(String username, String displayName, List<String> languages, Set<Role> roles) {
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		// After the first build of the search index, so that each demo listing is matched
		// as it is published;
		// PostgreSQL is what counts, so after two minutes without search the listings are
		// posted anyway.
		Flux.interval(java.time.Duration.ZERO, java.time.Duration.ofMillis(100))
			.filter((tick) -> this.index.isReady())
			.next()
			.timeout(java.time.Duration.ofMinutes(2), Mono.just(0L))
			.then(Mono.defer(this::post))
			.subscribe((posted) -> logger.info("Demo content: " + posted + " listings posted"),
					(ex) -> logger.error("Demo content: not posted", ex));
	}

	/**
	 * Emits how many listings were posted, or nothing when the board already has
	 * listings.
	 */
	Mono<Long> post() {
		return this.listings.count().flatMap((existing) -> {
			if (existing > 0) {
				logger.info("Demo content: skipped, listings exist");
				return Mono.empty();
			}
			return Flux.fromIterable(ACCOUNTS)
				.concatMap((account) -> this.accounts.prepare(account.username(), account.displayName(),
						account.languages(), account.roles()))
				.collectMap(Member::displayName)
				.flatMap((members) -> Flux.fromIterable(ORGANISATIONS)
					.concatMap((organisation) -> organisation(organisation, members))
					.collectMap(Organisation::name, Organisation::id)
					.flatMap((organisations) -> Mono.fromCallable(DemoContent::drafts)
						.subscribeOn(Schedulers.boundedElastic())
						.flatMapMany((drafts) -> Flux.fromIterable(drafts)
							.index()
							.concatMap((indexed) -> publish(indexed.getT1().intValue(), indexed.getT2(), members,
									organisations)))
						.count()
						.flatMap((count) -> conversation(members).thenReturn(count))));
		});
	}

	/**
	 * Amal answers one of Jonas's offers made in Arabic too, in Arabic, and he replies in
	 * German, so that the inbox has something to show; what the two of them see is what
	 * anyone would.
	 */
	private Mono<Void> conversation(java.util.Map<String, Member> members) {
		Member amal = members.get("Amal");
		Member jonas = members.get("Jonas");
		return this.service.findOwnedBy(jonas.accountId())
			.filter((listing) -> listing.kind() == de.pinnwand.listings.ListingKind.OFFER
					&& listing.status() == de.pinnwand.listings.ListingStatus.PUBLISHED)
			// One he offers in Arabic too, if there is one.
			.sort(java.util.Comparator.comparing((Listing listing) -> !listing.languages().contains("ar")))
			.next()
			.flatMap((offer) -> this.conversations.answer(amal, offer.id(), null,
					"مرحبا، أنا مهتمة بهذا العرض. هل يمكننا أن نلتقي الأسبوع القادم؟"))
			.flatMap((conversation) -> this.conversations.write(jonas, conversation.id(),
					"Hallo Amal, sehr gern! Passt dir Dienstag um 10 Uhr am Rathaus?"))
			.onErrorResume((ex) -> {
				logger.warn("Demo content: no demo conversation: " + ex.getMessage());
				return Mono.empty();
			})
			.then();
	}

	/**
	 * Founds the organisation unless it exists; verified by the coordination office where
	 * marked.
	 */
	private Mono<Organisation> organisation(DemoOrganisation demo, java.util.Map<String, Member> members) {
		Member coordination = members.get("Ehrenamtskoordination");
		return this.organisations.findByNameIgnoringCase(demo.profile().name())
			.switchIfEmpty(Mono.defer(() -> this.organisationService.create(members.get(demo.admin()), demo.profile())
				.flatMap((created) -> demo.verified()
						? this.organisationService.verify(coordination, created.id(), "Demo: bekannt aus der Arbeit")
						: Mono.just(created))));
	}

	/**
	 * Offers come from the volunteer, requests from the person whose languages fit the
	 * text; offers of an organisation from its admin, on its behalf.
	 */
	private Mono<Listing> publish(int index, ListingDraft listing, java.util.Map<String, Member> members,
			java.util.Map<String, UUID> organisations) {
		String organisationName = POSTED_FOR.get(listing.title());
		UUID organisation = (organisationName != null) ? organisations.get(organisationName) : null;
		String poster = (organisation != null)
				? ORGANISATIONS.stream()
					.filter((demo) -> demo.profile().name().equals(organisationName))
					.findFirst()
					.orElseThrow()
					.admin()
				: "OFFER".equals(listing.kind()) ? "Jonas"
						: List.of("uk", "ru").contains(listing.textLanguage()) ? "Olena" : "Amal";
		ListingDraft draft = new ListingDraft(listing.kind(), listing.title(), listing.description(), listing.topics(),
				listing.languages(), listing.textLanguage(), listing.place(), listing.reachKm(), submissionKey(index),
				listing.timeFrameType(), listing.timeFrameDate(), listing.timeFrameWeekday(), listing.timeFrameFrom(),
				listing.timeFrameTo(), listing.capacity());
		return this.service.publish(draft, members.get(poster).accountId(), organisation)
			// New members' listings wait for review: the coordination office approves the
			// demo's (once each, after
			// which their posters are trusted). To try the queue, sign in as the demo
			// account 'neu'.
			.flatMap((posted) -> (posted.status() == de.pinnwand.listings.ListingStatus.PENDING_REVIEW)
					? this.moderation.decide(members.get("Ehrenamtskoordination"), posted.id(),
							de.pinnwand.moderation.Decision.APPROVE, posted.version(), null, "Demo content")
					: Mono.just(posted))
			.onErrorResume(InvalidListing.class, (ex) -> {
				logger.warn("Demo content: listing " + index + " (\"" + listing.title() + "\") refused: "
						+ describe(ex.problems()));
				return Mono.empty();
			});
	}

	/**
	 * The demo listings as drafts without submission keys. Blocking: reads the classpath.
	 */
	static List<ListingDraft> drafts() {
		try (InputStream json = new ClassPathResource(LISTINGS).getInputStream()) {
			return JsonMapper.builder().build().readValue(json, DemoListings.class).listings();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + LISTINGS, ex);
		}
	}

	/**
	 * Derived from the position in the file, so the same listing gets the same key on
	 * every start.
	 */
	static UUID submissionKey(int index) {
		return UUID.nameUUIDFromBytes(("demo-" + index).getBytes(StandardCharsets.UTF_8));
	}

	private static String describe(List<FieldProblem> problems) {
		return problems.stream()
			.map((problem) -> problem.field() + " " + problem.code()
					+ ((problem.arguments().length > 0) ? " " + Arrays.toString(problem.arguments()) : ""))
			.collect(Collectors.joining(", "));
	}

	/** The shape of {@value #LISTINGS}. */
	record DemoListings(List<ListingDraft> listings) {
	}

}
