package de.pinnwand.organisations.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import de.pinnwand.accounts.Members;
import de.pinnwand.organisations.Organisation;
import de.pinnwand.organisations.OrganisationMemberships;
import de.pinnwand.organisations.OrganisationRole;
import de.pinnwand.organisations.Organisations;
import de.pinnwand.web.Layout;
import de.pinnwand.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 'My organisations': the organisations and groups the member belongs to, each with what
 * they can do there next (put an activity on the board, offer something on its behalf,
 * see its activities; admins also edit it and its members).
 */
@Controller
class MyOrganisationsPage {

	static final String VIEW = "organisations/mine";

	private final OrganisationMemberships memberships;

	private final Organisations organisations;

	private final Members members;

	private final Layout layout;

	private final Messages messages;

	MyOrganisationsPage(OrganisationMemberships memberships, Organisations organisations, Members members,
			Layout layout, Messages messages) {
		this.memberships = memberships;
		this.organisations = organisations;
		this.members = members;
		this.layout = layout;
		this.messages = messages;
	}

	/**
	 * One of the member's organisations; the template links to what they can do there.
	 */
	record Mine(String id, String name, String role, boolean admin) {
	}

	@GetMapping("/my/organisations")
	Mono<Rendering> mine(ServerWebExchange exchange) {
		Locale locale = Messages.localeOf(exchange);
		return this.members.required(exchange)
			.flatMap((member) -> this.memberships.of(member.accountId()).collectList())
			.flatMap((memberships) -> this.organisations
				.findAllById(memberships.stream().map(OrganisationMemberships.Membership::organisationId).toList())
				.collectMap(Organisation::id, Function.identity())
				.map((found) -> memberships.stream()
					.filter((membership) -> found.containsKey(membership.organisationId()))
					.map((membership) -> mine(found.get(membership.organisationId()), membership.role(), locale))
					.sorted(Comparator.comparing((Mine mine) -> mine.name().toLowerCase(Locale.ROOT)))
					.toList()))
			.map((mine) -> {
				Map<String, Object> model = this.layout.model(exchange, "organisations.mine.page-title");
				model.put("organisations", mine);
				model.put("none", mine.isEmpty());
				return Rendering.view(VIEW).model(model).build();
			});
	}

	private Mine mine(Organisation organisation, OrganisationRole role, Locale locale) {
		return new Mine(organisation.id().toString(), organisation.name(),
				this.messages.get(locale, "organisation.role." + role.name().toLowerCase(Locale.ROOT)),
				role == OrganisationRole.ADMIN);
	}

}
