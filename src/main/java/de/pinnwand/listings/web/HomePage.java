package de.pinnwand.listings.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import de.pinnwand.accounts.Account;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.accounts.Members;
import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingKind;
import de.pinnwand.listings.Listings;
import de.pinnwand.listings.TopicTree;
import de.pinnwand.web.Layout;
import de.pinnwand.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The home page: search, the two ways in ('I can help', 'I need help'), topics, and the
 * newest listings. It reads from PostgreSQL, so it works while search is away.
 */
@Controller
class HomePage {

	static final String VIEW = "home/home";

	private static final int NEWEST = 5;

	private final Listings listings;

	private final TopicTree topicTree;

	private final Layout layout;

	private final Messages messages;

	private final Members members;

	private final AccountService accounts;

	HomePage(Listings listings, TopicTree topicTree, Layout layout, Messages messages, Members members,
			AccountService accounts) {
		this.members = members;
		this.accounts = accounts;
		this.listings = listings;
		this.topicTree = topicTree;
		this.layout = layout;
		this.messages = messages;
	}

	/** A short line per listing. */
	record Teaser(String href, String title, String place, String textLanguage) {
	}

	/** A topic to browse by. */
	record Topic(String href, String label) {
	}

	@GetMapping("/")
	Mono<Rendering> home(ServerWebExchange exchange) {
		return readerLanguages(exchange).flatMap(
				(languages) -> Mono.zip(newest(ListingKind.OFFER, languages), newest(ListingKind.REQUEST, languages)))
			.map((newest) -> {
				Map<String, Object> model = this.layout.model(exchange, "home.page-title");
				Layout.ownSearch(model);
				model.put("accountDeleted", exchange.getRequest().getQueryParams().containsKey("account-deleted"));
				model.put("offers", newest.getT1());
				model.put("requests", newest.getT2());
				model.put("topics", this.topicTree.parents()
					.stream()
					.map((code) -> new Topic("/search?topic=" + code, this.messages.get(exchange, "topic." + code)))
					.toList());
				return Rendering.view(VIEW).model(model).build();
			});
	}

	private Mono<List<Teaser>> newest(ListingKind kind, String[] languages) {
		return this.listings.findNewestPublishedIn(kind.name(), languages, NEWEST).map(HomePage::teaser).collectList();
	}

	/**
	 * The interface's language, and for a signed-in member the languages of their
	 * profile.
	 */
	private Mono<String[]> readerLanguages(ServerWebExchange exchange) {
		String shown = Messages.localeOf(exchange).getLanguage();
		String interfaceLanguage = "fa".equals(shown) && "AF".equals(Messages.localeOf(exchange).getCountry()) ? "prs"
				: shown;
		return this.members.current(exchange)
			.flatMap((member) -> this.accounts.account(member.accountId()))
			.map(Account::languages)
			.defaultIfEmpty(List.of())
			.map((profile) -> Stream.concat(Stream.of(interfaceLanguage), profile.stream())
				.distinct()
				.toArray(String[]::new));
	}

	private static Teaser teaser(Listing listing) {
		return new Teaser("/listings/" + listing.id(), listing.title(), listing.postcode() + " " + listing.placeName(),
				listing.textLanguage());
	}

}
