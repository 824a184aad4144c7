package de.pinnwand.messaging.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import de.pinnwand.accounts.Member;
import de.pinnwand.accounts.Members;
import de.pinnwand.accounts.PersonalData;
import de.pinnwand.listings.ListingIds;
import de.pinnwand.messaging.ConversationDetails;
import de.pinnwand.messaging.ConversationNotFound;
import de.pinnwand.messaging.ConversationService;
import de.pinnwand.messaging.InboxEntry;
import de.pinnwand.messaging.InvalidMessage;
import de.pinnwand.messaging.Message;
import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.UnreadableRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/conversations}: the signed-in member's conversations on listings. Answer
 * a listing, write, show one's contact details to the other side, close, block, and mark
 * one's listing fulfilled. Conversations one is not part of answer 404, like missing
 * ones.
 */
@RestController
@RequestMapping("/api/v1/conversations")
class ConversationsApi {

	private final ConversationService conversations;

	private final Members members;

	ConversationsApi(ConversationService conversations, Members members) {
		this.conversations = conversations;
		this.members = members;
	}

	/**
	 * An answer to a listing: {@code organisation} when answering for one's organisation.
	 */
	record NewConversation(String listing, String organisation, String text) {
	}

	record NewMessage(String text) {
	}

	/** What to show the other side; each true adds to what was shown before. */
	record NewDisclosure(Boolean email, Boolean phone) {

		boolean shows(Boolean choice) {
			return Boolean.TRUE.equals(choice);
		}

	}

	/**
	 * A disclosure as a client sends it: exactly {@code email} and {@code phone}, each a
	 * JSON boolean or absent. A field it does not know may be a typo of one it does, and
	 * an irreversible step takes no guesses.
	 */
	record DisclosureChoice(Boolean email, Boolean phone, @JsonAnySetter Map<String, Object> unknown) {

		DisclosureChoice {
			if (unknown != null && !unknown.isEmpty()) {
				String field = unknown.keySet().iterator().next();
				throw new UnreadableRequest("disclosure", List.of(new FieldProblem(field, "json.unknown-field")), null);
			}
		}

	}

	record InboxJson(String id, String listing, String listingTitle, String listingKind, String mySide, String with,
			String status, Instant lastMessageAt, long unread) {

		static InboxJson of(InboxEntry entry) {
			return new InboxJson(entry.conversationId().toString(),
					(entry.listingId() != null) ? entry.listingId().toString() : null, entry.listingTitle(),
					entry.listingKind().name(), entry.mySide().name(), entry.otherName(), entry.status().name(),
					entry.lastMessageAt(), entry.unread());
		}

	}

	record MessageJson(long id, String side, String author, boolean mine, String text, Instant at) {

		static MessageJson of(Message message) {
			return new MessageJson(message.id(), message.side().name(), message.authorName(), message.mine(),
					message.body(), message.createdAt());
		}

	}

	record ContactJson(String name, String email, String phone) {
	}

	record ConversationJson(String id, String listing, String listingTitle, String listingKind, String listingStatus,
			String mySide, String with, String status, String closedBy, String blockedBy, Instant createdAt,
			Instant fulfilledAt, List<MessageJson> messages, List<ContactJson> theirContact,
			NewDisclosure myDisclosure) {

		static ConversationJson of(ConversationDetails details) {
			var conversation = details.conversation();
			return new ConversationJson(conversation.id().toString(),
					(conversation.listingId() != null) ? conversation.listingId().toString() : null,
					details.listingTitle(), details.listingKind().name(),
					(details.listingStatus() != null) ? details.listingStatus().name() : null, details.mySide().name(),
					details.otherName(), conversation.status().name(),
					(conversation.closedBy() != null) ? conversation.closedBy().name() : null,
					(conversation.blockedBy() != null) ? conversation.blockedBy().name() : null,
					conversation.createdAt(), conversation.fulfilledAt(),
					details.messages().stream().map(MessageJson::of).toList(),
					details.theirContacts()
						.stream()
						.map((contact) -> new ContactJson(contact.name(), contact.email(), contact.phone()))
						.toList(),
					new NewDisclosure(details.myDisclosure().email(), details.myDisclosure().phone()));
		}

	}

	@GetMapping
	Flux<InboxJson> inbox(@RequestParam(name = "listing", required = false) String listing,
			ServerWebExchange exchange) {
		UUID listingId = (listing != null) ? ListingIds.parse(listing) : null;
		if (listing != null && listingId == null) {
			return Flux.empty();
		}
		return this.members.required(exchange)
			.flatMapMany((member) -> this.conversations.inbox(member, listingId))
			.map(InboxJson::of);
	}

	@GetMapping("/unread")
	Mono<Map<String, Long>> unread(ServerWebExchange exchange) {
		return this.members.required(exchange)
			.flatMap((member) -> this.conversations.unreadCount(member.accountId()))
			.map((count) -> Map.of("unread", count));
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	Mono<ResponseEntity<ConversationJson>> answer(@RequestBody NewConversation body, ServerWebExchange exchange) {
		UUID listing = ListingIds.parse(body.listing());
		if (listing == null) {
			return Mono.error(new InvalidMessage(new FieldProblem("listing", "message.listing-required")));
		}
		UUID organisation = null;
		if (body.organisation() != null && !body.organisation().isBlank()) {
			organisation = ListingIds.parse(body.organisation());
			if (organisation == null) {
				return Mono.error(new InvalidMessage(new FieldProblem("organisation", "message.not-member")));
			}
		}
		UUID as = organisation;
		return this.members.required(exchange)
			.flatMap((member) -> this.conversations.answer(member, listing, as, body.text())
				.flatMap((conversation) -> this.conversations.details(member, conversation.id())))
			.map((details) -> ResponseEntity.created(URI.create("/api/v1/conversations/" + details.conversation().id()))
				.body(ConversationJson.of(details)));
	}

	@GetMapping("/{id}")
	Mono<ConversationJson> conversation(@PathVariable String id, ServerWebExchange exchange) {
		return then(id, exchange, (member, conversation) -> Mono.empty());
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/{id}/messages")
	Mono<ResponseEntity<ConversationJson>> write(@PathVariable String id, @RequestBody NewMessage body,
			ServerWebExchange exchange) {
		return then(id, exchange, (member, conversation) -> this.conversations.write(member, conversation, body.text()))
			.map((json) -> ResponseEntity.created(URI.create("/api/v1/conversations/" + json.id())).body(json));
	}

	@PostMapping("/{id}/disclosure")
	Mono<ConversationJson> disclose(@PathVariable String id, @RequestBody DisclosureChoice body,
			ServerWebExchange exchange) {
		return then(id, exchange, (member, conversation) -> this.conversations.disclose(member, conversation,
				Boolean.TRUE.equals(body.email()), Boolean.TRUE.equals(body.phone())));
	}

	@PostMapping("/{id}/close")
	Mono<ConversationJson> close(@PathVariable String id, ServerWebExchange exchange) {
		return then(id, exchange, this.conversations::close);
	}

	@PostMapping("/{id}/block")
	Mono<ConversationJson> block(@PathVariable String id, ServerWebExchange exchange) {
		return then(id, exchange, this.conversations::block);
	}

	/**
	 * A report to the coordination office: {@code reason} is one of the configured report
	 * reasons.
	 */
	record NewReport(String reason, String text) {
	}

	/**
	 * Takes the conversation to the coordination office; it takes no messages until they
	 * decided.
	 */
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PostMapping("/{id}/reports")
	Mono<ResponseEntity<Void>> report(@PathVariable String id, @RequestBody NewReport body,
			ServerWebExchange exchange) {
		UUID conversation = ListingIds.parse(id);
		if (conversation == null) {
			return Mono.error(new ConversationNotFound());
		}
		return this.members.required(exchange)
			.flatMap((member) -> this.conversations.report(member, conversation, body.reason(), body.text()))
			.thenReturn(ResponseEntity.accepted().build());
	}

	/** The listing's side says the help was found in this conversation. */
	@PostMapping("/{id}/fulfilment")
	Mono<ConversationJson> fulfil(@PathVariable String id, ServerWebExchange exchange) {
		return then(id, exchange, this.conversations::markFulfilled);
	}

	/**
	 * Does something with the conversation, then answers it as the member now sees it.
	 */
	private Mono<ConversationJson> then(String id, ServerWebExchange exchange,
			BiFunction<Member, UUID, Mono<?>> action) {
		UUID conversation = ListingIds.parse(id);
		if (conversation == null) {
			return Mono.error(new ConversationNotFound());
		}
		return this.members.required(exchange)
			.flatMap((member) -> action.apply(member, conversation)
				.then(this.conversations.details(member, conversation)))
			.map(ConversationJson::of);
	}

	/** What a member wrote in conversations, in their data export. */
	@Component
	static class ConversationsInExport implements PersonalData {

		private final ConversationService conversations;

		ConversationsInExport(ConversationService conversations) {
			this.conversations = conversations;
		}

		@Override
		public String name() {
			return "messages";
		}

		@Override
		public Mono<Object> of(UUID accountId) {
			return this.conversations.writtenBy(accountId).collectList().map(Object.class::cast);
		}

	}

}
