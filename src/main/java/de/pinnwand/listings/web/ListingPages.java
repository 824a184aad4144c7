package de.pinnwand.listings.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.accounts.Members;
import de.pinnwand.listings.InvalidListing;
import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingDraft;
import de.pinnwand.listings.ListingIds;
import de.pinnwand.listings.ListingMatches;
import de.pinnwand.listings.ListingService;
import de.pinnwand.listings.ListingStatus;
import de.pinnwand.listings.OrganisationStewards;
import de.pinnwand.listings.ReviewOutcomes;
import de.pinnwand.listings.TimeFrame;
import de.pinnwand.listings.TopicTree;
import de.pinnwand.system.FieldProblem;
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

	private final ListingService listings;

	private final TopicTree topicTree;

	private final Layout layout;

	private final Messages messages;

	private final ListingMatches matches;

	private final Members members;

	private final ReviewOutcomes reviews;

	private final ReviewTexts reviewTexts;

	ListingPages(ListingService listings, TopicTree topicTree, Layout layout, Messages messages,
			ListingMatches matches, Members members,
			ReviewOutcomes reviews, ReviewTexts reviewTexts) {
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
		ListingDraft empty = new ListingDraft(kind, null, null, List.of(), List.of(lang), lang, null, null, null);
		return this.members.required(exchange)
			.flatMap((member) -> this.listings.postingOrganisationsOf(member.accountId()).collectList())
			.map((organisations) -> newFormPage(empty, organisations, null, List.of(), HttpStatus.OK, exchange));
	}

	private Rendering newFormPage(ListingDraft draft, List<OrganisationStewards.OrganisationName> organisations,
			String organisation, List<FieldProblem> problems, HttpStatus status, ServerWebExchange exchange) {
		Map<String, Object> model = this.layout.model(exchange, "form.page-title");
		model.put("form", ListingFormView.of("/listings", null, draft, this.topicTree, organisations,
				organisation, problems, this.messages, exchange));
		return Rendering.view(FORM_VIEW).model(model).status(status).build();
	}

	@PostMapping("/listings")
	Mono<Rendering> post(ServerWebExchange exchange) {
		return exchange.getFormData().zipWith(this.members.required(exchange)).flatMap((both) -> {
			MultiValueMap<String, String> form = both.getT1();
			ListingDraft draft = draft(form, ListingIds.parse(form.getFirst("submissionKey")));
			UUID key = (draft.submissionKey() != null) ? draft.submissionKey() : UUID.randomUUID();
			ListingDraft keyed = (draft.submissionKey() != null) ? draft : draft(form, key);
			String organisation = form.getFirst("organisation");
			boolean named = organisation != null && !organisation.isBlank();
			UUID organisationId = ListingIds.parse(organisation);
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
		return id(id).flatMap(this.listings::findPublic).flatMap((listing) -> this.members.current(exchange)
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
		}));
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
				draftOf(listing), List.of(), HttpStatus.OK, exchange));
	}

	@PostMapping("/listings/{id}/edit")
	Mono<Rendering> saveEdit(@PathVariable String id, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((form) -> owned(id, exchange).flatMap((listing) -> {
			ListingDraft draft = draft(form, null);
			long version = parseLong(form.getFirst("version"), -1);
			String action = "/listings/" + listing.id() + "/edit";
			return this.members.required(exchange)
				.flatMap((member) -> this.listings.update(listing.id(), member.accountId(), version, draft))
				.map((saved) -> Rendering.redirectTo("/my/listings?done="
						+ ((listing.status() == ListingStatus.DRAFT) ? "pending" : "saved")).build())
				.onErrorResume(InvalidListing.class, (invalid) -> Mono.just(formPage(action, version, draft,
						invalid.problems(), HttpStatus.UNPROCESSABLE_CONTENT, exchange)))
				.onErrorResume(OptimisticLockingFailureException.class, (changed) -> Mono.just(formPage(action,
						listing.version(), draftOf(listing), List.of(new FieldProblem("version", "version.changed")),
						HttpStatus.CONFLICT, exchange)));
		}));
	}

	/** A listing of mine as 'my listings' shows it, with what I can do with it. */
	record MyListing(String id, String title, String textLanguage, String kindLabel, String status,
			boolean published, boolean canRenew, String expires, List<NewMatch> newMatches, String organisationId,
			String organisationName, String review, boolean changesAsked) {

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
						ListingView.date(listing.expiresAt(), locale),
						notices.stream().filter((notice) -> notice.listingId().equals(listing.id()))
							.map((notice) -> new NewMatch("/listings/" + notice.matchedId(), notice.matchedTitle(),
									notice.matchedLanguage()))
							.toList(),
						(listing.organisationId() != null) ? listing.organisationId().toString() : null,
						(listing.organisationId() != null) ? organisations.get(listing.organisationId()) : null,
						reviews.containsKey(listing.id()) ? this.reviewTexts.text(reviews.get(listing.id()), reviewLocale) : null,
						reviews.containsKey(listing.id()) && "ASK_FOR_CHANGES".equals(reviews.get(listing.id()).decision())))
					.toList());
		}).map((mine) -> {
			Map<String, Object> model = this.layout.model(exchange, "mine.page-title");
			model.put("mine", mine);
			model.put("empty", mine.isEmpty());
			if (done != null && List.of("saved", "renewed", "fulfilled", "withdrawn", "pending").contains(done)) {
				model.put("done", this.messages.get(locale, "mine.done." + done));
			}
			return Rendering.view(MINE_VIEW).model(model).build();
		});
	}

	@PostMapping("/listings/{id}/renewal")
	Mono<Rendering> renew(@PathVariable String id, ServerWebExchange exchange) {
		return act(id, exchange, this.listings::renew, "renewed");
	}

	@PostMapping("/listings/{id}/fulfilment")
	Mono<Rendering> fulfil(@PathVariable String id, ServerWebExchange exchange) {
		return act(id, exchange, this.listings::fulfil, "fulfilled");
	}

	@PostMapping("/listings/{id}/withdrawal")
	Mono<Rendering> withdraw(@PathVariable String id, ServerWebExchange exchange) {
		return act(id, exchange, this.listings::withdraw, "withdrawn");
	}

	private Mono<Rendering> act(String id, ServerWebExchange exchange,
			java.util.function.BiFunction<UUID, UUID, Mono<Listing>> action, String done) {
		return id(id).zipWith(this.members.required(exchange))
			.flatMap((both) -> action.apply(both.getT1(), both.getT2().accountId()))
			.thenReturn(Rendering.redirectTo("/my/listings?done=" + done).build());
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
		return Rendering.view(FORM_VIEW).model(model).status(status).build();
	}

	private static Mono<UUID> id(String value) {
		return ListingIds.require(value);
	}

	private static ListingDraft draftOf(Listing listing) {
		TimeFrame frame = TimeFrame.parse(listing.timeFrame());
		return new ListingDraft(listing.kind().name(), listing.title(), listing.description(), listing.topics(),
				listing.languages(), listing.textLanguage(), listing.postcode(), listing.reachKm(), null,
				(frame != null) ? frame.type().name() : null,
				(frame != null && frame.date() != null) ? frame.date().toString() : null,
				(frame != null && frame.weekday() != null) ? Integer.toString(frame.weekday().getValue()) : null,
				(frame != null && frame.from() != null) ? frame.from().toString() : null,
				(frame != null && frame.to() != null) ? frame.to().toString() : null, listing.capacity(),
				listing.languageNeed().name());
	}

	private static ListingDraft draft(MultiValueMap<String, String> form, UUID submissionKey) {
		Integer reach = integerOrInvalid(form.getFirst("reachKm"));
		Integer capacity = integerOrInvalid(form.getFirst("capacity"));
		return new ListingDraft(form.getFirst("kind"), form.getFirst("title"), form.getFirst("description"),
				form.getOrDefault("topics", List.of()), form.getOrDefault("languages", List.of()),
				form.getFirst("textLanguage"), form.getFirst("place"), reach, submissionKey,
				form.getFirst("timeFrameType"), form.getFirst("timeFrameDate"), form.getFirst("timeFrameWeekday"),
				form.getFirst("timeFrameFrom"), form.getFirst("timeFrameTo"), capacity, form.getFirst("languageNeed"));
	}

	/** Null for an empty field; -1 (which the rules refuse with a message) for something that is not a number. */
	private static Integer integerOrInvalid(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return (int) parseLong(value, -1);
	}

	private static long parseLong(String value, long fallback) {
		try {
			return (value != null && value.strip().length() <= 9) ? Long.parseLong(value.strip()) : fallback;
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

}
