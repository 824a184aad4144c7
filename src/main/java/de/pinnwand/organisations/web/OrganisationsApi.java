package de.pinnwand.organisations.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.pinnwand.accounts.Members;
import de.pinnwand.listings.ListingIds;
import de.pinnwand.organisations.InvalidOrganisation;
import de.pinnwand.organisations.OrganisationNotFound;
import de.pinnwand.organisations.OrganisationProfile;
import de.pinnwand.organisations.OrganisationService;
import de.pinnwand.organisations.OrganisationType;
import de.pinnwand.system.PublicAddress;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The organisations JSON API; errors are problem details. Reading is open; founding one
 * takes a bearer token; changing one, its members and invitations is for its admins,
 * verification for the coordination office. To anyone else those answer 404, as a missing
 * organisation would.
 */
@RestController
@RequestMapping("/api/v1")
class OrganisationsApi {

	private final OrganisationService organisations;

	private final Members members;

	private final PublicAddress publicAddress;

	OrganisationsApi(OrganisationService organisations, Members members, PublicAddress publicAddress) {
		this.organisations = organisations;
		this.members = members;
		this.publicAddress = publicAddress;
	}

	/**
	 * An organisation's profile as a client sends it; {@code version} is needed to
	 * replace one.
	 */
	record OrganisationBody(String name, String type, String description, List<String> languages, String publicAddress,
			String postcode, String openingHours, String contactEmail, String contactPhone, String website,
			Long version) {

		OrganisationProfile profile() {
			return new OrganisationProfile(this.name, this.type, this.description, this.languages, this.publicAddress,
					this.postcode, this.openingHours, this.contactEmail, this.contactPhone, this.website);
		}

	}

	/** A member of an organisation, for its admins. */
	record MemberJson(String accountId, String displayName, String role) {

		static MemberJson of(OrganisationService.MemberEntry entry) {
			return new MemberJson(entry.accountId().toString(), entry.displayName(), entry.role().name());
		}

	}

	/** A role to give: MEMBER or ADMIN. */
	record RoleBody(String role) {
	}

	/**
	 * Why the coordination office verifies or takes back a verification; optional, kept
	 * in the audit log.
	 */
	record ReasonBody(String reason) {
	}

	/**
	 * A fresh invitation link: it can be used once, until {@code expiresAt}, and is shown
	 * only now.
	 */
	record InvitationJson(String link, String role, Instant expiresAt) {
	}

	/**
	 * Organisations by name, optionally only of one {@code type} and only (not)
	 * {@code verified}.
	 */
	@GetMapping("/organisations")
	Flux<OrganisationJson> list(@RequestParam(required = false) String type,
			@RequestParam(required = false) Boolean verified) {
		OrganisationType wanted = OrganisationApiSupport.type(type);
		if (type != null && !type.isBlank() && wanted == null) {
			return Flux.error(new InvalidOrganisation("type", "organisation.type.unknown"));
		}
		return this.organisations.list(wanted, verified).map(OrganisationJson::of);
	}

	@GetMapping("/organisations/{id}")
	Mono<OrganisationJson> get(@PathVariable String id) {
		return id(id).flatMap(this.organisations::findVisible).map(OrganisationJson::of);
	}

	/** Founds an organisation; the signed-in member becomes its admin. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/organisations")
	Mono<ResponseEntity<OrganisationJson>> create(@RequestBody OrganisationBody body, ServerWebExchange exchange) {
		return this.members.required(exchange)
			.flatMap((member) -> this.organisations.create(member, body.profile()))
			.map((created) -> ResponseEntity.created(URI.create("/api/v1/organisations/" + created.id()))
				.body(OrganisationJson.of(created)));
	}

	/**
	 * Replaces the profile; {@code version} must be the one last read, or the answer is
	 * 409. Admins only.
	 */
	@PutMapping("/organisations/{id}")
	Mono<OrganisationJson> update(@PathVariable String id, @RequestBody OrganisationBody body,
			ServerWebExchange exchange) {
		if (body.version() == null) {
			return Mono.error(new InvalidOrganisation("version", "version.missing"));
		}
		return id(id).zipWith(this.members.required(exchange))
			.flatMap((both) -> this.organisations.update(both.getT2(), both.getT1(), body.version(), body.profile()))
			.map(OrganisationJson::of);
	}

	/** The coordination office verifies the organisation. Coordinators only; audited. */
	@PostMapping("/organisations/{id}/verification")
	Mono<OrganisationJson> verify(@PathVariable String id, @RequestBody(required = false) ReasonBody body,
			ServerWebExchange exchange) {
		return id(id).zipWith(this.members.required(exchange))
			.flatMap((both) -> this.organisations.verify(both.getT2(), both.getT1(), reason(body)))
			.map(OrganisationJson::of);
	}

	/**
	 * Takes the verification back ({@code reason} as a query parameter). Coordinators
	 * only; audited.
	 */
	@DeleteMapping("/organisations/{id}/verification")
	Mono<OrganisationJson> unverify(@PathVariable String id, @RequestParam(required = false) String reason,
			ServerWebExchange exchange) {
		return id(id).zipWith(this.members.required(exchange))
			.flatMap((both) -> this.organisations.unverify(both.getT2(), both.getT1(), reason))
			.map(OrganisationJson::of);
	}

	/** The organisation's members. Admins only. */
	@GetMapping("/organisations/{id}/members")
	Flux<MemberJson> members(@PathVariable String id, ServerWebExchange exchange) {
		return id(id).zipWith(this.members.required(exchange))
			.flatMapMany((both) -> this.organisations.members(both.getT2(), both.getT1()))
			.map(MemberJson::of);
	}

	@GetMapping("/organisations/{id}/members/{accountId}")
	Mono<MemberJson> member(@PathVariable String id, @PathVariable String accountId, ServerWebExchange exchange) {
		return id(id).zipWith(id(accountId))
			.zipWith(this.members.required(exchange))
			.flatMap((all) -> this.organisations.member(all.getT2(), all.getT1().getT1(), all.getT1().getT2()))
			.map(MemberJson::of);
	}

	/**
	 * Changes a member's role; the organisation keeps at least one admin (else 422).
	 * Admins only; audited.
	 */
	@PutMapping("/organisations/{id}/members/{accountId}")
	Mono<MemberJson> changeRole(@PathVariable String id, @PathVariable String accountId, @RequestBody RoleBody body,
			ServerWebExchange exchange) {
		return id(id).zipWith(id(accountId))
			.zipWith(this.members.required(exchange))
			.flatMap((all) -> this.organisations.changeRole(all.getT2(), all.getT1().getT1(), all.getT1().getT2(),
					OrganisationApiSupport.role(body.role())))
			.map(MemberJson::of);
	}

	/**
	 * Removes a member; the organisation keeps at least one admin (else 422). Admins
	 * only; audited.
	 */
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/organisations/{id}/members/{accountId}")
	Mono<ResponseEntity<Void>> remove(@PathVariable String id, @PathVariable String accountId,
			ServerWebExchange exchange) {
		return id(id).zipWith(id(accountId))
			.zipWith(this.members.required(exchange))
			.flatMap((all) -> this.organisations.removeMember(all.getT2(), all.getT1().getT1(), all.getT1().getT2()))
			.thenReturn(ResponseEntity.noContent().build());
	}

	/** The signed-in member leaves the organisation (its last admin cannot: 422). */
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/organisations/{id}/membership")
	Mono<ResponseEntity<Void>> leave(@PathVariable String id, ServerWebExchange exchange) {
		return id(id).zipWith(this.members.required(exchange))
			.flatMap((both) -> this.organisations.leave(both.getT2(), both.getT1()))
			.thenReturn(ResponseEntity.noContent().build());
	}

	/**
	 * Makes a single-use invitation link (role MEMBER unless said). Admins only; audited.
	 */
	@PostMapping("/organisations/{id}/invitations")
	Mono<ResponseEntity<InvitationJson>> invite(@PathVariable String id, @RequestBody(required = false) RoleBody body,
			ServerWebExchange exchange) {
		return id(id).zipWith(this.members.required(exchange))
			.flatMap((both) -> this.organisations.invite(both.getT2(), both.getT1(),
					OrganisationApiSupport.role((body != null) ? body.role() : null)))
			.map((invitation) -> ResponseEntity.status(201)
				.body(new InvitationJson(
						OrganisationPages.invitationLink(this.publicAddress, exchange, invitation.token()),
						invitation.role().name(), invitation.expiresAt())));
	}

	/**
	 * Accepts an invitation: the signed-in member joins. Unknown, used and expired links
	 * answer 404.
	 */
	@PostMapping("/invitations/{token}")
	Mono<OrganisationJson> accept(@PathVariable String token, ServerWebExchange exchange) {
		return this.members.required(exchange)
			.flatMap((member) -> this.organisations.accept(member, token))
			.map(OrganisationJson::of);
	}

	private static String reason(ReasonBody body) {
		return (body != null) ? body.reason() : null;
	}

	private static Mono<UUID> id(String value) {
		UUID id = ListingIds.parse(value);
		return (id != null) ? Mono.just(id) : Mono.error(new OrganisationNotFound(value));
	}

}
