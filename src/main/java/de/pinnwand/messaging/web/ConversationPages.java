package de.pinnwand.messaging.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import de.pinnwand.accounts.Member;
import de.pinnwand.accounts.Members;
import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingIds;
import de.pinnwand.listings.ListingNotFound;
import de.pinnwand.listings.ListingService;
import de.pinnwand.listings.web.TextLines;
import de.pinnwand.messaging.ConversationClosed;
import de.pinnwand.messaging.ConversationDetails;
import de.pinnwand.messaging.ConversationNotFound;
import de.pinnwand.messaging.ConversationService;
import de.pinnwand.messaging.InboxEntry;
import de.pinnwand.messaging.InvalidMessage;
import de.pinnwand.messaging.MessagingProperties;
import de.pinnwand.messaging.Side;
import de.pinnwand.moderation.ModerationService;
import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.InvalidInput;
import de.pinnwand.system.PortalZone;
import de.pinnwand.web.Layout;
import de.pinnwand.web.Messages;
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
 * The inbox and a conversation's page: answer a listing, read and write, show one's
 * contact details, close, block, mark one's listing fulfilled. Every form works without
 * JavaScript.
 */
@Controller
class ConversationPages {

	static final String INBOX_VIEW = "messaging/inbox";

	static final String CONVERSATION_VIEW = "messaging/conversation";

	static final String ANSWER_VIEW = "messaging/answer";

	private static final ZoneId ZONE = PortalZone.ZONE;

	private final ConversationService conversations;

	private final ListingService listings;

	private final Members members;

	private final Layout layout;

	private final Messages messages;

	private final MessagingProperties properties;

	private final ModerationService moderation;

	ConversationPages(ConversationService conversations, ListingService listings, Members members, Layout layout,
			Messages messages, MessagingProperties properties, ModerationService moderation) {
		this.moderation = moderation;
		this.conversations = conversations;
		this.listings = listings;
		this.members = members;
		this.layout = layout;
		this.messages = messages;
		this.properties = properties;
	}

	/** A conversation as the inbox lists it. */
	record InboxLine(String href, String listingTitle, String kind, String with, String when, boolean closed,
			boolean unread, String unreadLabel) {
	}

	/** A message on the conversation's page. */
	record MessageLine(String author, boolean mine, String when, String datetime, List<TextLines.Line> lines,
			boolean latest) {
	}

	/** Contact details the other side showed. */
	record ContactLine(String name, String email, String phone) {
	}

	/** A reason to report, with its text in the reader's language. */
	record ReasonOption(String code, String label) {
	}

	/** The organisations a member may answer for. */
	record AsOption(String id, String name) {
	}

	@GetMapping("/conversations")
	Mono<Rendering> inbox(@RequestParam(name = "listing", required = false) String listing,
			ServerWebExchange exchange) {
		Locale locale = Messages.localeOf(exchange);
		UUID listingId = (listing != null) ? ListingIds.parse(listing) : null;
		return this.members.required(exchange)
			.flatMap((member) -> this.conversations.inbox(member, listingId).collectList())
			.map((entries) -> {
				Map<String, Object> model = this.layout.model(exchange, "conversations.page-title");
				List<InboxLine> lines = entries.stream().map((entry) -> line(entry, locale)).toList();
				model.put("conversations", lines);
				model.put("empty", lines.isEmpty());
				model.put("filtered", listingId != null);
				return Rendering.view(INBOX_VIEW).model(model).build();
			});
	}

	/**
	 * The answer form on a page of its own; the listing's 'answer' link leads here,
	 * through sign-in if needed.
	 */
	@GetMapping("/conversations/new")
	Mono<Rendering> compose(@RequestParam(name = "listing", required = false) String listing,
			ServerWebExchange exchange) {
		return answerPage(ListingIds.parse(listing), "", null, null, HttpStatus.OK, exchange);
	}

	@PostMapping("/conversations")
	Mono<Rendering> answer(ServerWebExchange exchange) {
		return exchange.getFormData().zipWith(this.members.required(exchange)).flatMap((both) -> {
			MultiValueMap<String, String> form = both.getT1();
			UUID listing = ListingIds.parse(form.getFirst("listing"));
			String text = form.getFirst("text");
			String as = form.getFirst("organisation");
			UUID organisation = (as != null && !as.isBlank()) ? ListingIds.parse(as) : null;
			if (listing == null) {
				return Mono.error(new ListingNotFound(null));
			}
			if (as != null && !as.isBlank() && organisation == null) {
				return answerPage(listing, text, as, new FieldProblem("organisation", "message.not-member"),
						HttpStatus.UNPROCESSABLE_CONTENT, exchange);
			}
			return this.conversations.answer(both.getT2(), listing, organisation, text)
				.map((conversation) -> Rendering.redirectTo("/conversations/" + conversation.id() + "#latest").build())
				.onErrorResume(InvalidMessage.class,
						(invalid) -> answerPage(listing, text, as, invalid.problems().get(0),
								HttpStatus.UNPROCESSABLE_CONTENT, exchange))
				.onErrorResume(ConversationClosed.class, (closed) -> answerPage(listing, text, as,
						new FieldProblem("text", "message.closed"), HttpStatus.CONFLICT, exchange));
		});
	}

	@GetMapping("/conversations/{id}")
	Mono<Rendering> conversation(@PathVariable String id, ServerWebExchange exchange) {
		return conversationPage(id, "", null, HttpStatus.OK, exchange);
	}

	@PostMapping("/conversations/{id}/messages")
	Mono<Rendering> write(@PathVariable String id, ServerWebExchange exchange) {
		UUID conversation = ListingIds.parse(id);
		if (conversation == null) {
			return Mono.error(new ConversationNotFound());
		}
		return exchange.getFormData().zipWith(this.members.required(exchange)).flatMap((both) -> {
			String text = both.getT1().getFirst("text");
			return this.conversations.write(both.getT2(), conversation, text)
				.map((written) -> Rendering.redirectTo("/conversations/" + id + "#latest").build())
				.onErrorResume(InvalidMessage.class,
						(invalid) -> conversationPage(id, text, invalid.problems().get(0),
								HttpStatus.UNPROCESSABLE_CONTENT, exchange))
				.onErrorResume(ConversationClosed.class, (closed) -> conversationPage(id, text,
						new FieldProblem("text", "message.closed"), HttpStatus.CONFLICT, exchange));
		});
	}

	/** The form's buttons say what to show: {@code show=email} or {@code show=phone}. */
	@PostMapping("/conversations/{id}/disclosure")
	Mono<Rendering> disclose(@PathVariable String id, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((form) -> {
			List<String> show = form.getOrDefault("show", List.of());
			return act(id, "shown", exchange, (member, conversation) -> this.conversations.disclose(member,
					conversation, show.contains("email"), show.contains("phone")));
		});
	}

	@PostMapping("/conversations/{id}/close")
	Mono<Rendering> close(@PathVariable String id, ServerWebExchange exchange) {
		return act(id, "closed", exchange, this.conversations::close);
	}

	@PostMapping("/conversations/{id}/block")
	Mono<Rendering> block(@PathVariable String id, ServerWebExchange exchange) {
		return act(id, "blocked", exchange, this.conversations::block);
	}

	@PostMapping("/conversations/{id}/reports")
	Mono<Rendering> report(@PathVariable String id, ServerWebExchange exchange) {
		return exchange.getFormData()
			.flatMap((form) -> act(id, "reported", exchange, (member, conversation) -> this.conversations.report(member,
					conversation, form.getFirst("reason"), form.getFirst("text"))));
	}

	@PostMapping("/conversations/{id}/fulfilment")
	Mono<Rendering> fulfil(@PathVariable String id, ServerWebExchange exchange) {
		return act(id, "fulfilled", exchange, this.conversations::markFulfilled);
	}

	private Mono<Rendering> act(String id, String done, ServerWebExchange exchange,
			BiFunction<Member, UUID, Mono<Void>> action) {
		UUID conversation = ListingIds.parse(id);
		if (conversation == null) {
			return Mono.error(new ConversationNotFound());
		}
		return this.members.required(exchange)
			.flatMap((member) -> action.apply(member, conversation))
			.thenReturn(Rendering.redirectTo("/conversations/" + id + "?done=" + done).build())
			.onErrorResume(InvalidInput.class,
					(invalid) -> conversationPage(id, "", invalid.problems().get(0), HttpStatus.UNPROCESSABLE_CONTENT,
							exchange))
			.onErrorResume(ConversationClosed.class, (closed) -> conversationPage(id, "",
					new FieldProblem("text", "message.closed"), HttpStatus.CONFLICT, exchange));
	}

	private Mono<Rendering> answerPage(UUID listingId, String text, String as, FieldProblem problem, HttpStatus status,
			ServerWebExchange exchange) {
		if (listingId == null) {
			return Mono.error(new ListingNotFound(null));
		}
		return this.members.required(exchange)
			.flatMap((member) -> this.listings.findPublic(listingId)
				.zipWith(this.listings.postingOrganisationsOf(member.accountId())
					.map((organisation) -> new AsOption(organisation.id().toString(), organisation.name()))
					.collectList()))
			.map((both) -> {
				Listing listing = both.getT1();
				Map<String, Object> model = this.layout.model(exchange, "conversations.answer-title");
				model.put("listingId", listing.id().toString());
				model.put("listingTitle", listing.title());
				model.put("listingLanguage", listing.textLanguage());
				model.put("text", (text != null) ? text : "");
				model.put("maxLength", this.properties.maxMessageLength());
				List<AsOption> options = both.getT2()
					.stream()
					.filter((option) -> !option.id().equals(String.valueOf(listing.organisationId())))
					.toList();
				model.put("organisations", options);
				model.put("canAnswerAs", !options.isEmpty());
				if (problem != null) {
					model.put("error", this.messages.get(exchange, "error." + problem.code(), problem.arguments()));
				}
				return Rendering.view(ANSWER_VIEW).model(model).status(status).build();
			});
	}

	private Mono<Rendering> conversationPage(String id, String text, FieldProblem problem, HttpStatus status,
			ServerWebExchange exchange) {
		UUID conversation = ListingIds.parse(id);
		if (conversation == null) {
			return Mono.error(new ConversationNotFound());
		}
		Locale locale = Messages.localeOf(exchange);
		String done = exchange.getRequest().getQueryParams().getFirst("done");
		return this.members.required(exchange)
			.flatMap((member) -> this.conversations.details(member, conversation)
				.onErrorResume(ConversationNotFound.class,
						(notTheirs) -> this.conversations.forReview(member, conversation)))
			.map((details) -> {
				boolean reviewing = details.review();
				Map<String, Object> model = this.layout.model(exchange, "conversations.page-title");
				String other = (details.otherName() != null) ? details.otherName()
						: this.messages.get(locale, "conversations.former-member");
				model.put("title", details.listingTitle());
				model.put("id", id);
				if (details.conversation().listingId() != null) {
					model.put("listingId", details.conversation().listingId().toString());
				}
				model.put("listingTitle", details.listingTitle());
				model.put("with", this.messages.get(locale, "conversations.with", other));
				List<MessageLine> lines = new java.util.ArrayList<>();
				for (int i = 0; i < details.messages().size(); i++) {
					var message = details.messages().get(i);
					String author = (message.authorName() != null) ? message.authorName()
							: this.messages.get(locale, "conversations.former-member");
					lines.add(new MessageLine(author, message.mine(), when(message.createdAt(), locale),
							message.createdAt().toString(), TextLines.of(message.body()),
							i == details.messages().size() - 1));
				}
				model.put("messages", lines);
				model.put("open", details.conversation().isOpen() && !reviewing);
				model.put("participant", !reviewing);
				model.put("reviewing", reviewing);
				model.put("underReview", details.conversation().isUnderReview() && !reviewing);
				model.put("closedNote", closedNote(details, locale));
				model.put("reportReasons",
						this.moderation.reportReasons()
							.stream()
							.map((code) -> new ReasonOption(code, this.messages.get(locale, "report.reason." + code)))
							.toList());
				model.put("maxReportText", ModerationService.MAX_REPORT_TEXT);
				model.put("contacts",
						details.theirContacts()
							.stream()
							.map((contact) -> new ContactLine(contact.name(), contact.email(), contact.phone()))
							.toList());
				model.put("noContacts", details.theirContacts().isEmpty());
				model.put("showEmail", details.iHaveEmail() && !details.myDisclosure().email());
				model.put("showPhone", details.iHavePhone() && !details.myDisclosure().phone());
				model.put("shownEmail", details.myDisclosure().email());
				model.put("shownPhone", details.myDisclosure().phone());
				model.put("nothingToShow", !details.iHaveEmail() && !details.iHavePhone());
				model.put("canFulfil", details.canMarkFulfilled() && details.conversation().isOpen());
				model.put("fulfilled", details.conversation().fulfilledAt() != null);
				model.put("text", (text != null) ? text : "");
				model.put("maxLength", this.properties.maxMessageLength());
				if (problem != null) {
					model.put("error", this.messages.get(exchange, "error." + problem.code(), problem.arguments()));
				}
				if (done != null && List.of("shown", "closed", "blocked", "fulfilled", "reported").contains(done)) {
					model.put("done", this.messages.get(locale, "conversations.done." + done));
				}
				return Rendering.view(CONVERSATION_VIEW).model(model).status(status).build();
			});
	}

	private String closedNote(ConversationDetails details, Locale locale) {
		var conversation = details.conversation();
		if (conversation.status() == de.pinnwand.messaging.ConversationStatus.OPEN) {
			return null;
		}
		if (conversation.blockedBy() != null) {
			return this.messages.get(locale, (conversation.blockedBy() == details.mySide())
					? "conversations.blocked-by-me" : "conversations.blocked-by-them");
		}
		return this.messages.get(locale, (conversation.closedBy() == details.mySide()) ? "conversations.closed-by-me"
				: "conversations.closed-by-them");
	}

	private InboxLine line(InboxEntry entry, Locale locale) {
		String with = (entry.otherName() != null) ? entry.otherName()
				: this.messages.get(locale, "conversations.former-member");
		String kind = this.messages.get(locale,
				(entry.mySide() == Side.OWNER) ? "conversations.about-mine" : "conversations.about-theirs");
		return new InboxLine("/conversations/" + entry.conversationId(), entry.listingTitle(), kind, with,
				when(entry.lastMessageAt(), locale), entry.status() != de.pinnwand.messaging.ConversationStatus.OPEN,
				entry.unread() > 0, this.messages.get(locale, "conversations.unread", entry.unread()));
	}

	private static String when(Instant instant, Locale locale) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.format(instant.atZone(ZONE));
	}

}
