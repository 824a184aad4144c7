package de.pinnwand.listings.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.accounts.Members;
import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingIds;
import de.pinnwand.listings.ListingMatches;
import de.pinnwand.listings.ListingNotFound;
import de.pinnwand.listings.ListingReopening;
import de.pinnwand.listings.ListingService;
import de.pinnwand.listings.ListingStatus;
import de.pinnwand.listings.ReviewOutcomes;
import de.pinnwand.web.Layout;
import de.pinnwand.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The pages to read listings and manage one's own ('my listings'); the form to post and
 * edit them is {@link ListingFormPages}. Managing needs a signed-in member (the security
 * rules send visitors to sign in first).
 */
@Controller
class ListingPages {

	static final String DETAIL_VIEW = "listings/detail";

	static final String MINE_VIEW = "listings/mine";

	private final ListingService listings;

	private final Layout layout;

	private final Messages messages;

	private final ListingMatches matches;

	private final Members members;

	private final ReviewOutcomes reviews;

	private final ReviewTexts reviewTexts;

	private final ListingReopening reopening;

	private final GoneListingPage gone;

	ListingPages(ListingService listings, Layout layout, Messages messages, ListingMatches matches, Members members,
			ReviewOutcomes reviews, ReviewTexts reviewTexts, ListingReopening reopening, GoneListingPage gone) {
		this.reopening = reopening;
		this.gone = gone;
		this.reviews = reviews;
		this.reviewTexts = reviewTexts;
		this.members = members;
		this.matches = matches;
		this.listings = listings;
		this.layout = layout;
		this.messages = messages;
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
				String organisationName = (listing.organisationId() != null)
						? both.getT2().get(listing.organisationId()) : null;
				Mono<List<MatchLine>> matches = mine ? matches(listing, exchange) : Mono.just(List.of());
				return matches.map((found) -> {
					Map<String, Object> model = this.layout.model(exchange, "listing.page-title");
					model.put("title", listing.title());
					model.put("listing",
							ListingView.of(listing, organisationName, justPosted, this.messages, exchange));
					model.put("mine", mine);
					model.put("matchesHeading", this.messages.get(exchange,
							"match.heading." + listing.kind().name().toLowerCase(Locale.ROOT)));
					model.put("matches", found);
					return Rendering.view(DETAIL_VIEW).model(model).build();
				});
			})).onErrorResume(ListingNotFound.class, (missing) -> this.gone.orNotFound(uuid, exchange)));
	}

	/**
	 * A public listing, or one of the reader's own in any status: owners always see what
	 * they posted.
	 */
	private Mono<Listing> visible(UUID id, ServerWebExchange exchange) {
		return this.listings.findPublic(id)
			.onErrorResume(ListingNotFound.class,
					(notPublic) -> this.members.current(exchange)
						.flatMap((member) -> this.listings.findOwned(id, member.accountId()))
						.switchIfEmpty(Mono.error(notPublic)));
	}

	/**
	 * A matching listing on its owner's page, with the reasons in the reader's language.
	 */
	record MatchLine(String href, String title, String textLanguage, String reasons) {
	}

	private Mono<List<MatchLine>> matches(Listing listing, ServerWebExchange exchange) {
		return this.matches.matchesFor(listing, Messages.localeOf(exchange))
			.map((lines) -> lines.stream()
				.map((line) -> new MatchLine("/listings/" + line.listingId(), line.title(), line.textLanguage(),
						line.reasons()))
				.toList());
	}

	/** A listing of mine as 'my listings' shows it, with what I can do with it. */
	record MyListing(String id, String title, String textLanguage, String kindLabel, String status, boolean published,
			boolean canRenew, String expires, List<NewMatch> newMatches, String organisationId, String organisationName,
			String review, boolean changesAsked, boolean canReopen) {

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
			.flatMap((member) -> this.listings.findManagedBy(member.accountId())
				.collectList()
				.zipWith(this.reviews.languageOf(member.accountId(), locale)))
			.zipWhen((owned) -> Mono.zip(this.listings.organisationNames(owned.getT1()),
					this.reviews.standing(owned.getT1())))
			.flatMap((found) -> {
				List<Listing> owned = found.getT1().getT1();
				// The reason is told in the member's own interface language, as it would
				// be in a mail.
				Locale reviewLocale = found.getT1().getT2();
				Map<UUID, String> organisations = found.getT2().getT1();
				Map<UUID, ReviewOutcomes.ReviewOutcome> reviews = found.getT2().getT2();
				List<UUID> ids = owned.stream().map(Listing::id).toList();
				return this.matches.takeUnseen(ids)
					.map((notices) -> owned.stream()
						.map((listing) -> new MyListing(listing.id().toString(), listing.title(),
								listing.textLanguage(),
								this.messages.get(locale, "kind." + listing.kind().name().toLowerCase(Locale.ROOT)),
								this.messages.get(locale, "status." + listing.status().name().toLowerCase(Locale.ROOT)),
								listing.status() == ListingStatus.PUBLISHED,
								listing.status() == ListingStatus.PUBLISHED
										|| listing.status() == ListingStatus.EXPIRED,
								// Only a listing that is up is visible until a day; the
								// others say their status alone.
								(listing.status() == ListingStatus.PUBLISHED)
										? ListingView.date(listing.expiresAt(), locale) : null,
								notices.stream()
									.filter((notice) -> notice.listingId().equals(listing.id()))
									.map((notice) -> new NewMatch("/listings/" + notice.matchedId(),
											notice.matchedTitle(), notice.matchedLanguage()))
									.toList(),
								(listing.organisationId() != null) ? listing.organisationId().toString() : null,
								(listing.organisationId() != null) ? organisations.get(listing.organisationId()) : null,
								reviews.containsKey(listing.id())
										? this.reviewTexts.text(reviews.get(listing.id()), reviewLocale) : null,
								reviews.containsKey(listing.id())
										&& "ASK_FOR_CHANGES".equals(reviews.get(listing.id()).decision()),
								this.reopening.canReopen(listing)))
						.toList());
			})
			.map((mine) -> {
				Map<String, Object> model = this.layout.model(exchange, "mine.page-title");
				model.put("mine", mine);
				model.put("empty", mine.isEmpty());
				if (done != null && List.of("saved", "renewed", "fulfilled", "withdrawn", "pending", "reopened")
					.contains(done)) {
					model.put("done", this.messages.get(locale, "mine.done." + done));
				}
				return Rendering.view(MINE_VIEW).model(model).build();
			});
	}

	private static Mono<UUID> id(String value) {
		return ListingIds.require(value);
	}

}
