package de.pinnwand.listings.web;

import java.util.List;
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
import de.pinnwand.listings.ListingService;
import de.pinnwand.listings.ListingStatus;
import de.pinnwand.listings.OrganisationStewards;
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
 * The listing form, to post a new listing and to edit one: a plain HTML form that works
 * without JavaScript, never loses what was typed (a language switch posts it back, an
 * expired session keeps it as a draft), and is posted once however often it is sent (its
 * submission key).
 */
@Controller
class ListingFormPages {

	static final String FORM_VIEW = "listings/form";

	/**
	 * The listing form's id, which the language switcher's buttons submit (see
	 * Layout.keepOnLanguageSwitch).
	 */
	static final String FORM_ID = "listing-form";

	private final ListingService listings;

	private final TopicTree topicTree;

	private final Layout layout;

	private final Messages messages;

	private final Members members;

	private final AccountService accounts;

	private final FormDrafts drafts;

	ListingFormPages(ListingService listings, TopicTree topicTree, Layout layout, Messages messages, Members members,
			AccountService accounts, FormDrafts drafts) {
		this.listings = listings;
		this.topicTree = topicTree;
		this.layout = layout;
		this.messages = messages;
		this.members = members;
		this.accounts = accounts;
		this.drafts = drafts;
	}

	@GetMapping("/listings/new")
	Mono<Rendering> form(@RequestParam(name = "kind", required = false) String kind, ServerWebExchange exchange) {
		String lang = Messages.localeOf(exchange).getLanguage();
		return this.members.required(exchange)
			.flatMap((member) -> this.accounts.account(member.accountId())
				.map(Account::languages)
				.defaultIfEmpty(List.of()))
			.map((profileLanguages) -> {
				// The languages the member speaks (their profile) are ticked, the
				// interface's language first.
				List<String> spoken = Stream
					.concat(Stream.of(lang), profileLanguages.stream().filter(Languages::isKnown))
					.distinct()
					.toList();
				return new ListingDraft(kind, null, null, List.of(), spoken, lang, null, null, null);
			})
			.flatMap((empty) -> this.drafts.take(exchange, "/listings/new")
				// What was typed before the session ran out, with its submission key:
				// posted once however often.
				.flatMap((kept) -> keptFormPage(
						ListingForms.draft(kept, ListingIds.parse(kept.getFirst("submissionKey"))), exchange))
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
		model.put("form", ListingFormView.of("/listings", null, draft, this.topicTree, organisations, organisation,
				problems, this.messages, exchange));
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
				return this.listings.postingOrganisationsOf(both.getT2().accountId())
					.collectList()
					.map((organisations) -> newFormPage(keyed, organisations, named ? organisation : null, List.of(),
							HttpStatus.OK, exchange));
			}
			Mono<Listing> published = (named && organisationId == null)
					? Mono
						.error(new InvalidListing(List.of(new FieldProblem("organisation", "organisation.not-member"))))
					: this.listings.publish(keyed, both.getT2().accountId(), organisationId);
			return published
				.map((listing) -> Rendering.redirectTo((listing.status() == ListingStatus.PENDING_REVIEW)
						? "/my/listings?done=pending" : "/listings/" + listing.id() + "?posted")
					.build())
				.onErrorResume(InvalidListing.class,
						(invalid) -> this.listings.postingOrganisationsOf(both.getT2().accountId())
							.collectList()
							.map((organisations) -> newFormPage(keyed, organisations, named ? organisation : null,
									invalid.problems(), HttpStatus.UNPROCESSABLE_CONTENT, exchange)));
		});
	}

	@GetMapping("/listings/{id}/edit")
	Mono<Rendering> edit(@PathVariable String id, ServerWebExchange exchange) {
		return owned(id, exchange).flatMap((listing) -> {
			String action = "/listings/" + listing.id() + "/edit";
			// The changes typed before the session ran out, against the version they were
			// typed on.
			return this.drafts.take(exchange, "/listings/" + id + "/edit")
				.map((kept) -> formView(action, ListingForms.parseLong(kept.getFirst("version"), listing.version()),
						ListingForms.draft(kept, null), List.of(), HttpStatus.OK, exchange)
					.modelAttribute("kept", this.messages.get(exchange, "form.kept"))
					.build())
				.defaultIfEmpty(formPage(action, listing.version(), ListingForms.draftOf(listing), List.of(),
						HttpStatus.OK, exchange));
		});
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
				.map((saved) -> Rendering
					.redirectTo(
							"/my/listings?done=" + ((listing.status() == ListingStatus.DRAFT) ? "pending" : "saved"))
					.build())
				.onErrorResume(InvalidListing.class,
						(invalid) -> Mono.just(formPage(action, version, draft, invalid.problems(),
								HttpStatus.UNPROCESSABLE_CONTENT, exchange)))
				.onErrorResume(OptimisticLockingFailureException.class,
						(changed) -> Mono.just(formPage(action, listing.version(), ListingForms.draftOf(listing),
								List.of(new FieldProblem("version", "version.changed")), HttpStatus.CONFLICT,
								exchange)));
		}));
	}

	private Mono<Listing> owned(String id, ServerWebExchange exchange) {
		return id(id).zipWith(this.members.required(exchange))
			.flatMap((both) -> this.listings.findOwned(both.getT1(), both.getT2().accountId()));
	}

	private Rendering formPage(String action, Long version, ListingDraft draft, List<FieldProblem> problems,
			HttpStatus status, ServerWebExchange exchange) {
		return formView(action, version, draft, problems, status, exchange).build();
	}

	private Rendering.Builder<?> formView(String action, Long version, ListingDraft draft, List<FieldProblem> problems,
			HttpStatus status, ServerWebExchange exchange) {
		Map<String, Object> model = this.layout.model(exchange,
				(version != null) ? "form.edit-title" : "form.page-title");
		model.put("form",
				ListingFormView.of(action, version, draft, this.topicTree, problems, this.messages, exchange));
		Layout.keepOnLanguageSwitch(model, FORM_ID, action);
		return Rendering.view(FORM_VIEW).model(model).status(status);
	}

	private static Mono<UUID> id(String value) {
		return ListingIds.require(value);
	}

}
