package de.pinnwand.listings.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import de.pinnwand.accounts.Account;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.accounts.Members;
import de.pinnwand.listings.InvalidListing;
import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingDraft;
import de.pinnwand.system.Languages;
import de.pinnwand.listings.ListingIds;
import de.pinnwand.listings.ListingMatches;
import de.pinnwand.listings.ListingNotFound;
import de.pinnwand.listings.ListingReopening;
import de.pinnwand.listings.ListingService;
import de.pinnwand.listings.ListingStatus;
import de.pinnwand.listings.OrganisationStewards;
import de.pinnwand.listings.ReviewOutcomes;
import de.pinnwand.listings.TopicTree;
import de.pinnwand.system.FieldProblem;
import de.pinnwand.web.FormDrafts;
import de.pinnwand.web.Layout;
import de.pinnwand.web.Messages;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The pages to post, read, edit and manage listings: plain HTML forms that work without JavaScript. Posting and
 * managing need a signed-in member (the security rules send visitors to sign in first).
 */
@Controller
class ListingPages {

	static final String FORM_VIEW = "listings/form";

	static final String DETAIL_VIEW = "listings/detail";

	static final String MINE_VIEW = "listings/mine";

	/** The listing form's id, which the language switcher's buttons submit (see Layout.keepOnLanguageSwitch). */
	static final String FORM_ID = "listing-form";

	private final ListingService listings;

	private final TopicTree topicTree;

	private final Layout layout;

	private final Messages messages;

	private final ListingMatches matches;

	private final Members members;

	private final ReviewOutcomes reviews;

	private final ReviewTexts reviewTexts;

	private final ListingReopening reopening;

	private final GoneListingPage gone;

	private final AccountService accounts;

	private final FormDrafts drafts;

	ListingPages(ListingService listings, TopicTree topicTree, Layout layout, Messages messages,
			ListingMatches matches, Members members,
			ReviewOutcomes reviews, ReviewTexts reviewTexts, ListingReopening reopening, GoneListingPage gone,
			AccountService accounts, FormDrafts drafts) {
		this.drafts = drafts;
		this.accounts = accounts;
		this.reopening = reopening;
		this.gone = gone;
		this.reviews = reviews;
		this.reviewTexts = reviewTexts;
		this.members = members;
		this.matches = matches;
		this.listings = listings;
		this.topicTree = topicTree;
		this.layout = layout;
		this.messages = messages;
	}

	@GetMapping("/listings/new")
	Mono<Rendering> form(@RequestParam(name = "kind", required = false) String kind, ServerWebExchange exchange) {
		String lang = Messages.localeOf(exchange).getLanguage();
		return this.members.required(exchange)
			.flatMap((member) -> this.accounts.account(member.accountId()).map(Account::languages)
				.defaultIfEmpty(List.of()))
			.map((profileLanguages) -> {
				// The languages the member speaks (their profile) are ticked, the interface's language first.
				List<String> spoken = Stream.concat(Stream.of(lang), profileLanguages.stream().filter(Languages::isKnown))
					.distinct().toList();
				return new ListingDraft(kind, null, null, List.of(), spoken, lang, null, null, null);
			})
			.flatMap((empty) -> this.drafts.take(exchange, "/listings/new")
				// What was typed before the session ran out, with its submission key: posted once however often.
				.flatMap((kept) -> keptFormPage(ListingForms.draft(kept, ListingIds.parse(kept.getFirst("submissionKey"))),
						exchange))
				.switchIfEmpty(Mono.defer(() -> this.members.required(exchange)
					.flatMap((member) -> this.listings.postingOrganisationsOf(member.accountId()).collectList())
					.map((organisations) -> newFormPage(empty, organisations, null, List.of(), HttpStatus.OK,
							exchange)))));
	}

	/** The form as it was when the session ran out, with a word that nothing was lost. */
	private Mono<Rendering> keptFormPage(ListingDraft kept, ServerWebExchange exchange) {
		return this.members.required(exchange)
			.flatMap((member) -> this.listings.postingOrganisationsOf(member.accountId()).collectList())
			.map((organisations) -> newFormView(kept, organisations, null, List.of(), HttpStatus.OK, exchange)
				.modelAttribute("kept", this.messages.get(exchange, "form.kept"))
				.build());
	}

	private Rendering newFormPage(ListingDraft draft, List<OrganisationStewards.OrganisationName> organisations,
			String organisation, List<FieldProblem> problems, HttpStatus status, ServerWebExchange exchange) {
		return newFormView(draft, organisations, organisation, problems, status, exchange).build();
	}

	private Rendering.Builder<?> newFormView(ListingDraft draft,
			List<OrganisationStewards.OrganisationName> organisations, String organisation, List<FieldProblem> problems,
			HttpStatus status, ServerWebExchange exchange) {
		Map<String, Object> model = this.layout.model(exchange, "form.page-title");
		model.put("form", ListingFormView.of("/listings", null, draft, this.topicTree, organisations,
				organisation, problems, this.messages, exchange));
		Layout.keepOnLanguageSwitch(model, FORM_ID, "/listings");
		return Rendering.view(FORM_VIEW).model(model).status(status);
	}

	@PostMapping("/listings")
	Mono<Rendering> post(ServerWebExchange exchange) {
		return exchange.getFormData().zipWith(this.members.required(exchange)).flatMap((both) -> {
			MultiValueMap<String, String> form = both.getT1();
			ListingDraft draft = ListingForms.draft(form, ListingIds.parse(form.getFirst("submissionKey")));
			UUID key = (draft.submissionKey() != null) ? draft.submissionKey() : UUID.randomUUID();
			ListingDraft keyed = (draft.submissionKey() != null) ? draft : ListingForms.draft(form, key);
			String organisation = form.getFirst("organisation");
			boolean named = organisation != null && !organisation.isBlank();
			UUID organisationId = ListingIds.parse(organisation);
			if (form.containsKey(Layout.SWITCH_LANGUAGE)) {
				return this.listings.postingOrganisationsOf(both.getT2().accountId()).collectList()
					.map((organisations) -> newFormPage(keyed, organisations, named ? organisation : null, List.of(),
							HttpStatus.OK, exchange));
			}
			Mono<Listing> published = (named && organisationId == null)
					? Mono.error(new InvalidListing(List.of(new FieldProblem("organisation", "organisation.not-member"))))
					: this.listings.publish(keyed, both.getT2().accountId(), organisationId);
			return published
				.map((listing) -> Rendering.redirectTo((listing.status() == ListingStatus.PENDING_REVIEW)
						? "/my/listings?done=pending" : "/listings/" + listing.id() + "?posted").build())
				.onErrorResume(InvalidListing.class, (invalid) -> this.listings
					.postingOrganisationsOf(both.getT2().accountId())
					.collectList()
					.map((organisations) -> newFormPage(keyed, organisations, named ? organisation : null,
							invalid.problems(), HttpStatus.UNPROCESSABLE_CONTENT, exchange)));
		});
	}

	@GetMapping("/listings/{id}")
	Mono<Rendering> detail(@PathVariable String id, ServerWebExchange exchange) {
		boolean justPosted = exchange.getRequest().getQueryParams().containsKey("posted");
		return id(id).flatMap((uuid) -> visible(uuid, exchange).flatMap((listing) -> this.members.current(exchange)
			.flatMap((member) -> this.listings.mayManage(listing, member.accountId()))
			.defaultIfEmpty(false)
			.zipWith(this.listings.organisationNames(List.of(listing)))
			.flatMap((both) -> {
			boolean mine = both.getT1();
			String organisationName = (listing.organisationId() != null) ? both.getT2().get(listing.organisationId())
					: null;
			Mono<List<MatchLine>> matches = mine ? matches(listing, exchange) : Mono.just(List.of());
			return matches.map((found) -> {
				Map<String, Object> model = this.layout.model(exchange, "listing.page-title");
				model.put("title", listing.title());
				model.put("listing", ListingView.of(listing, organisationName, justPosted, this.messages, exchange));
				model.put("mine", mine);
				model.put("matchesHeading", this.messages.get(exchange,
						"match.heading." + listing.kind().name().toLowerCase(Locale.ROOT)));
				model.put("matches", found);
				return Rendering.view(DETAIL_VIEW).model(model).build();
			});
		})).onErrorResume(ListingNotFound.class, (missing) -> this.gone.orNotFound(uuid, exchange)));
	}

	/** A public listing, or one of the reader's own in any status: owners always see what they posted. */
	private Mono<Listing> visible(UUID id, ServerWebExchange exchange) {
		return this.listings.findPublic(id).onErrorResume(ListingNotFound.class, (notPublic) -> this.members
			.current(exchange)
			.flatMap((member) -> this.listings.findOwned(id, member.accountId()))
			.switchIfEmpty(Mono.error(notPublic)));
	}

	/** A matching listing on its owner's page, with the reasons in the reader's language. */
	record MatchLine(String href, String title, String textLanguage, String reasons) {
	}

	private Mono<List<MatchLine>> matches(Listing listing, ServerWebExchange exchange) {
		return this.matches.matchesFor(listing, Messages.localeOf(exchange))
			.map((lines) -> lines.stream()
				.map((line) -> new MatchLine("/listings/" + line.listingId(), line.title(), line.textLanguage(),
						line.reasons()))
				.toList());
	}

	@GetMapping("/listings/{id}/edit")
	Mono<Rendering> edit(@PathVariable String id, ServerWebExchange exchange) {
		return owned(id, exchange).map((listing) -> formPage("/listings/" + listing.id() + "/edit", listing.version(),
				ListingForms.draftOf(listing), List.of(), HttpStatus.OK, exchange));
	}

	@PostMapping("/listings/{id}/edit")
	Mono<Rendering> saveEdit(@PathVariable String id, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((form) -> owned(id, exchange).flatMap((listing) -> {
			ListingDraft draft = ListingForms.draft(form, null);
			long version = ListingForms.parseLong(form.getFirst("version"), -1);
			String action = "/listings/" + listing.id() + "/edit";
			if (form.containsKey(Layout.SWITCH_LANGUAGE)) {
				return Mono.just(formPage(action, version, draft, List.of(), HttpStatus.OK, exchange));
			}
			return this.members.required(exchange)
				.flatMap((member) -> this.listings.update(listing.id(), member.accountId(), version, draft))
				.map((saved) -> Rendering.redirectTo("/my/listings?done="
						+ ((listing.status() == ListingStatus.DRAFT) ? "pending" : "saved")).build())
				.onErrorResume(InvalidListing.class, (invalid) -> Mono.just(formPage(action, version, draft,
						invalid.problems(), HttpStatus.UNPROCESSABLE_CONTENT, exchange)))
				.onErrorResume(OptimisticLockingFailureException.class, (changed) -> Mono.just(formPage(action,
						listing.version(), ListingForms.draftOf(listing), List.of(new FieldProblem("version", "version.changed")),
						HttpStatus.CONFLICT, exchange)));
		}));
	}

	/** A listing of mine as 'my listings' shows it, with what I can do with it. */
	record MyListing(String id, String title, String textLanguage, String kindLabel, String status,
			boolean published, boolean canRenew, String expires, List<NewMatch> newMatches, String organisationId,
			String organisationName, String review, boolean changesAsked, boolean canReopen) {

		public boolean hasNewMatches() {
			return !this.newMatches.isEmpty();
		}

	}

	/** A listing that was published since and matches one of mine. */
	record NewMatch(String href, String title, String textLanguage) {
	}

	@GetMapping("/my/listings")
	Mono<Rendering> mine(ServerWebExchange exchange) {
		Locale locale = Messages.localeOf(exchange);
		String done = exchange.getRequest().getQueryParams().getFirst("done");
		return this.members.required(exchange)
			.flatMap((member) -> this.listings.findManagedBy(member.accountId()).collectList()
				.zipWith(this.reviews.languageOf(member.accountId(), locale)))
			.zipWhen((owned) -> Mono.zip(this.listings.organisationNames(owned.getT1()),
					this.reviews.standing(owned.getT1())))
			.flatMap((found) -> {
			List<Listing> owned = found.getT1().getT1();
			// The reason is told in the member's own interface language, as it would be in a mail.
			Locale reviewLocale = found.getT1().getT2();
			Map<UUID, String> organisations = found.getT2().getT1();
			Map<UUID, ReviewOutcomes.ReviewOutcome> reviews = found.getT2().getT2();
			List<UUID> ids = owned.stream().map(Listing::id).toList();
			return this.matches.takeUnseen(ids)
				.map((notices) -> owned.stream().map((listing) -> new MyListing(listing.id().toString(), listing.title(),
						listing.textLanguage(),
						this.messages.get(locale, "kind." + listing.kind().name().toLowerCase(Locale.ROOT)),
						this.messages.get(locale, "status." + listing.status().name().toLowerCase(Locale.ROOT)),
						listing.status() == ListingStatus.PUBLISHED,
						listing.status() == ListingStatus.PUBLISHED || listing.status() == ListingStatus.EXPIRED,
						// Only a listing that is up is visible until a day; the others say their status alone.
						(listing.status() == ListingStatus.PUBLISHED) ? ListingView.date(listing.expiresAt(), locale) : null,
						notices.stream().filter((notice) -> notice.listingId().equals(listing.id()))
							.map((notice) -> new NewMatch("/listings/" + notice.matchedId(), notice.matchedTitle(),
									notice.matchedLanguage()))
							.toList(),
						(listing.organisationId() != null) ? listing.organisationId().toString() : null,
						(listing.organisationId() != null) ? organisations.get(listing.organisationId()) : null,
						reviews.containsKey(listing.id()) ? this.reviewTexts.text(reviews.get(listing.id()), reviewLocale) : null,
						reviews.containsKey(listing.id()) && "ASK_FOR_CHANGES".equals(reviews.get(listing.id()).decision()),
						this.reopening.canReopen(listing)))
					.toList());
		}).map((mine) -> {
			Map<String, Object> model = this.layout.model(exchange, "mine.page-title");
			model.put("mine", mine);
			model.put("empty", mine.isEmpty());
			if (done != null && List.of("saved", "renewed", "fulfilled", "withdrawn", "pending", "reopened").contains(done)) {
				model.put("done", this.messages.get(locale, "mine.done." + done));
			}
			return Rendering.view(MINE_VIEW).model(model).build();
		});
	}

	private Mono<Listing> owned(String id, ServerWebExchange exchange) {
		return id(id).zipWith(this.members.required(exchange))
			.flatMap((both) -> this.listings.findOwned(both.getT1(), both.getT2().accountId()));
	}

	private Rendering formPage(String action, Long version, ListingDraft draft, List<FieldProblem> problems,
			HttpStatus status, ServerWebExchange exchange) {
		Map<String, Object> model = this.layout.model(exchange,
				(version != null) ? "form.edit-title" : "form.page-title");
		model.put("form", ListingFormView.of(action, version, draft, this.topicTree, problems, this.messages,
				exchange));
		Layout.keepOnLanguageSwitch(model, FORM_ID, action);
		return Rendering.view(FORM_VIEW).model(model).status(status).build();
	}

	private static Mono<UUID> id(String value) {
		return ListingIds.require(value);
	}

}
