package de.pinnwand.organisations.web;

import java.util.Locale;
import java.util.Map;

import de.pinnwand.accounts.Members;
import de.pinnwand.organisations.OrganisationService;
import de.pinnwand.places.Gazetteer;
import de.pinnwand.web.Layout;
import de.pinnwand.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * An invitation link: a signed-in member sees which organisation invites them in which
 * role and accepts it. Unknown, used and expired links all answer the same 404 page.
 */
@Controller
class InvitationPages {

	static final String VIEW = "organisations/invitation";

	private final OrganisationService organisations;

	private final Members members;

	private final Gazetteer gazetteer;

	private final Layout layout;

	private final Messages messages;

	InvitationPages(OrganisationService organisations, Members members, Gazetteer gazetteer, Layout layout,
			Messages messages) {
		this.organisations = organisations;
		this.members = members;
		this.gazetteer = gazetteer;
		this.layout = layout;
		this.messages = messages;
	}

	@GetMapping("/invitations/{token}")
	Mono<Rendering> show(@PathVariable String token, ServerWebExchange exchange) {
		return this.organisations.invitation(token).map((offer) -> {
			Map<String, Object> model = this.layout.model(exchange, "invitation.page-title");
			model.put("organisation",
					OrganisationView.of(offer.organisation(), this.gazetteer, this.messages, exchange));
			model.put("role",
					this.messages.get(exchange, "organisation.role." + offer.role().name().toLowerCase(Locale.ROOT)));
			model.put("token", token);
			return Rendering.view(VIEW).model(model).build();
		});
	}

	@PostMapping("/invitations/{token}")
	Mono<Rendering> accept(@PathVariable String token, ServerWebExchange exchange) {
		return this.members.required(exchange)
			.flatMap((member) -> this.organisations.accept(member, token))
			.map((organisation) -> Rendering.redirectTo("/organisations/" + organisation.id() + "?joined").build());
	}

}
