package de.pinnwand.organisations.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.accounts.Member;
import de.pinnwand.accounts.Members;
import de.pinnwand.listings.ListingIds;
import de.pinnwand.listings.ListingService;
import de.pinnwand.organisations.InvalidOrganisation;
import de.pinnwand.organisations.Organisation;
import de.pinnwand.organisations.OrganisationNotFound;
import de.pinnwand.organisations.OrganisationProfile;
import de.pinnwand.organisations.OrganisationRole;
import de.pinnwand.organisations.OrganisationService;
import de.pinnwand.organisations.OrganisationType;
import de.pinnwand.places.Gazetteer;
import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.PublicAddress;
import de.pinnwand.web.Layout;
import de.pinnwand.web.Messages;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The organisations' pages: the list, each profile with its listings, founding and
 * editing one (with its logo), its members and invitation links, and the coordination
 * office's verification. Plain HTML forms that work without JavaScript. Managing answers
 * 404 to anyone but the organisation's admins.
 */
@Controller
class OrganisationPages {

	static final String LIST_VIEW = "organisations/list";

	static final String PROFILE_VIEW = "organisations/profile";

	static final String FORM_VIEW = "organisations/form";

	static final String MEMBERS_VIEW = "organisations/members";

	private final OrganisationService organisations;

	private final ListingService listings;

	private final Members members;

	private final Gazetteer gazetteer;

	private final Layout layout;

	private final Messages messages;

	private final PublicAddress publicAddress;

	OrganisationPages(OrganisationService organisations, ListingService listings, Members members, Gazetteer gazetteer,
			Layout layout, Messages messages, PublicAddress publicAddress) {
		this.organisations = organisations;
		this.listings = listings;
		this.members = members;
		this.gazetteer = gazetteer;
		this.layout = layout;
		this.messages = messages;
		this.publicAddress = publicAddress;
	}

	/** A choice in the list's type filter. */
	record TypeFilter(String value, String label, boolean selected) {
	}

	@GetMapping("/organisations")
	Mono<Rendering> list(ServerWebExchange exchange) {
		String typeParameter = exchange.getRequest().getQueryParams().getFirst("type");
		OrganisationType type = OrganisationApiSupport.type(typeParameter);
		return this.organisations.list(type, null)
			.map((organisation) -> OrganisationView.of(organisation, this.gazetteer, this.messages, exchange))
			.collectList()
			.map((found) -> {
				Map<String, Object> model = this.layout.model(exchange, "organisations.page-title");
				List<TypeFilter> types = new ArrayList<>();
				types.add(new TypeFilter("", this.messages.get(exchange, "organisations.all-types"), type == null));
				Arrays.stream(OrganisationType.values())
					.forEach((each) -> types.add(new TypeFilter(each.name(),
							OrganisationView.typeLabel(each, this.messages, exchange), each == type)));
				model.put("types", types);
				model.put("organisations", found);
				model.put("empty", found.isEmpty());
				return Rendering.view(LIST_VIEW).model(model).build();
			});
	}

	/** One of the organisation's listings on its profile. */
	record ListingLine(String href, String title, String textLanguage, String kindLabel) {
	}

	@GetMapping("/organisations/{id}")
	Mono<Rendering> profile(@PathVariable String id, ServerWebExchange exchange) {
		String done = exchange.getRequest()
			.getQueryParams()
			.keySet()
			.stream()
			.filter((key) -> List.of("created", "saved", "joined", "verified", "unverified").contains(key))
			.findFirst()
			.orElse(null);
		// Coordinators still see an organisation that reports took down: they decide
		// about it.
		return id(id).zipWith(this.members.current(exchange).filter(Member::isCoordinator).hasElement())
			.flatMap((both) -> both.getT2() ? this.organisations.find(both.getT1())
					: this.organisations.findVisible(both.getT1()))
			.flatMap((organisation) -> this.members.current(exchange)
				.map(java.util.Optional::of)
				.defaultIfEmpty(java.util.Optional.empty())
				.flatMap((member) -> this.organisations.roleOf(member.orElse(null), organisation.id())
					.map(java.util.Optional::of)
					.defaultIfEmpty(java.util.Optional.empty())
					.zipWith(this.listings.findPublicByOrganisation(organisation.id())
						.map((listing) -> new ListingLine("/listings/" + listing.id(), listing.title(),
								listing.textLanguage(),
								this.messages.get(exchange, "kind." + listing.kind().name().toLowerCase(Locale.ROOT))))
						.collectList())
					.map((both) -> {
						Map<String, Object> model = this.layout.model(exchange, "organisations.page-title");
						model.put("title", organisation.name());
						model.put("organisation",
								OrganisationView.of(organisation, this.gazetteer, this.messages, exchange));
						model.put("listings", both.getT2());
						model.put("noListings", both.getT2().isEmpty());
						model.put("isMember", both.getT1().isPresent());
						model.put("isAdmin", both.getT1().filter((role) -> role == OrganisationRole.ADMIN).isPresent());
						model.put("isCoordinator", member.filter(Member::isCoordinator).isPresent());
						if (done != null) {
							model.put("done", this.messages.get(exchange, "organisation.done." + done));
						}
						return Rendering.view(PROFILE_VIEW).model(model).build();
					})));
	}

	@GetMapping("/organisations/new")
	Rendering form(ServerWebExchange exchange) {
		String lang = Messages.localeOf(exchange).getLanguage();
		OrganisationProfile empty = new OrganisationProfile(null, null, null, List.of(lang), null, null, null, null,
				null, null);
		return formPage("/organisations", null, null, empty, false, List.of(), HttpStatus.OK, exchange);
	}

	@PostMapping("/organisations")
	Mono<Rendering> create(ServerWebExchange exchange) {
		return exchange.getFormData().zipWith(this.members.required(exchange)).flatMap((both) -> {
			OrganisationProfile profile = profile(both.getT1());
			return this.organisations.create(both.getT2(), profile)
				.map((created) -> Rendering.redirectTo("/organisations/" + created.id() + "?created").build())
				.onErrorResume(InvalidOrganisation.class, (invalid) -> Mono.just(formPage("/organisations", null, null,
						profile, false, invalid.problems(), HttpStatus.UNPROCESSABLE_CONTENT, exchange)));
		});
	}

	@GetMapping("/organisations/{id}/edit")
	Mono<Rendering> edit(@PathVariable String id, ServerWebExchange exchange) {
		boolean logoSaved = exchange.getRequest().getQueryParams().containsKey("logo");
		return administered(id, exchange)
			.map((organisation) -> formPage("/organisations/" + organisation.id() + "/edit",
					organisation.id().toString(), organisation.version(), OrganisationProfile.of(organisation),
					organisation.hasLogo(), List.of(), HttpStatus.OK, exchange,
					logoSaved ? this.messages.get(exchange, "organisation.done.logo") : null));
	}

	@PostMapping("/organisations/{id}/edit")
	Mono<Rendering> saveEdit(@PathVariable String id, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((form) -> administered(id, exchange).flatMap((organisation) -> {
			OrganisationProfile profile = profile(form);
			long version = parseLong(form.getFirst("version"));
			return this.members.required(exchange)
				.flatMap((member) -> this.organisations.update(member, organisation.id(), version, profile))
				.map((saved) -> Rendering.redirectTo("/organisations/" + saved.id() + "?saved").build())
				.onErrorResume(InvalidOrganisation.class,
						(invalid) -> Mono.just(editPage(organisation, profile, version, invalid.problems(),
								HttpStatus.UNPROCESSABLE_CONTENT, exchange)))
				.onErrorResume(OptimisticLockingFailureException.class,
						(changed) -> Mono.just(editPage(organisation, OrganisationProfile.of(organisation),
								organisation.version(), List.of(new FieldProblem("version", "organisation.changed")),
								HttpStatus.CONFLICT, exchange)));
		}));
	}

	/**
	 * The logo form is multipart; the file is read up to the size limit and refused
	 * beyond it.
	 */
	@PostMapping("/organisations/{id}/logo")
	Mono<Rendering> saveLogo(@PathVariable String id, ServerWebExchange exchange) {
		return administered(id, exchange).flatMap((organisation) -> exchange.getMultipartData()
			.flatMap((parts) -> logoBytes(parts))
			.zipWith(this.members.required(exchange))
			.flatMap((both) -> this.organisations.changeLogo(both.getT2(), organisation.id(), both.getT1()))
			.map((saved) -> Rendering.redirectTo("/organisations/" + saved.id() + "/edit?logo").build())
			.onErrorMap(DataBufferLimitException.class, (tooLarge) -> this.organisations.tooLarge())
			.onErrorResume(InvalidOrganisation.class,
					(invalid) -> Mono.just(editPage(organisation, OrganisationProfile.of(organisation),
							organisation.version(), invalid.problems(), HttpStatus.UNPROCESSABLE_CONTENT, exchange))));
	}

	private Mono<byte[]> logoBytes(MultiValueMap<String, Part> parts) {
		Part part = parts.getFirst("logo");
		if (!(part instanceof FilePart file)) {
			return Mono.error(new InvalidOrganisation("logo", "logo.missing"));
		}
		// One byte beyond the limit is enough to know it is too large.
		int limit = (int) Math.min(Integer.MAX_VALUE - 1, this.organisations.logoMaxBytes()) + 1;
		return DataBufferUtils.join(file.content(), limit).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		}).defaultIfEmpty(new byte[0]);
	}

	/** A member as the members page lists them, with the roles they can be given. */
	record MemberLine(String accountId, String displayName, String roleLabel, boolean admin) {
	}

	@GetMapping("/organisations/{id}/members")
	Mono<Rendering> membersPage(@PathVariable String id, ServerWebExchange exchange) {
		String done = exchange.getRequest().getQueryParams().getFirst("done");
		return membersPage(id, null,
				(done != null && List.of("role", "removed").contains(done))
						? this.messages.get(exchange, "organisation.done.member-" + done) : null,
				List.of(), HttpStatus.OK, exchange);
	}

	@PostMapping("/organisations/{id}/members/{accountId}/role")
	Mono<Rendering> changeRole(@PathVariable String id, @PathVariable String accountId, ServerWebExchange exchange) {
		return exchange.getFormData()
			.flatMap((form) -> id(id).zipWith(id(accountId))
				.zipWith(this.members.required(exchange))
				.flatMap((all) -> this.organisations.changeRole(all.getT2(), all.getT1().getT1(), all.getT1().getT2(),
						OrganisationApiSupport.role(form.getFirst("role"))))
				.map((changed) -> Rendering.redirectTo("/organisations/" + id + "/members?done=role").build())
				.onErrorResume(InvalidOrganisation.class, (invalid) -> membersPage(id, null, null, invalid.problems(),
						HttpStatus.UNPROCESSABLE_CONTENT, exchange)));
	}

	@PostMapping("/organisations/{id}/members/{accountId}/removal")
	Mono<Rendering> remove(@PathVariable String id, @PathVariable String accountId, ServerWebExchange exchange) {
		return id(id).zipWith(id(accountId))
			.zipWith(this.members.required(exchange))
			.flatMap((all) -> this.organisations.removeMember(all.getT2(), all.getT1().getT1(), all.getT1().getT2()))
			.thenReturn(Rendering.redirectTo("/organisations/" + id + "/members?done=removed").build())
			.onErrorResume(InvalidOrganisation.class, (invalid) -> membersPage(id, null, null, invalid.problems(),
					HttpStatus.UNPROCESSABLE_CONTENT, exchange));
	}

	/** The signed-in member leaves the organisation. */
	@PostMapping("/organisations/{id}/membership/removal")
	Mono<Rendering> leave(@PathVariable String id, ServerWebExchange exchange) {
		return id(id).zipWith(this.members.required(exchange))
			.flatMap((both) -> this.organisations.leave(both.getT2(), both.getT1()))
			.thenReturn(Rendering.redirectTo("/organisations/" + id + "?left").build());
	}

	/**
	 * Shows the new link on the page itself: it is never put into an address that
	 * browsers keep.
	 */
	@PostMapping("/organisations/{id}/invitations")
	Mono<Rendering> invite(@PathVariable String id, ServerWebExchange exchange) {
		return exchange.getFormData()
			.flatMap((form) -> id(id).zipWith(this.members.required(exchange))
				.flatMap((both) -> this.organisations.invite(both.getT2(), both.getT1(),
						OrganisationApiSupport.role(form.getFirst("role"))))
				.flatMap((invitation) -> membersPage(id,
						invitationLink(this.publicAddress, exchange, invitation.token()), null, List.of(),
						HttpStatus.OK, exchange)));
	}

	@PostMapping("/organisations/{id}/verification")
	Mono<Rendering> verify(@PathVariable String id, ServerWebExchange exchange) {
		return exchange.getFormData()
			.flatMap((form) -> id(id).zipWith(this.members.required(exchange))
				.flatMap((both) -> this.organisations.verify(both.getT2(), both.getT1(), form.getFirst("reason")))
				.map((saved) -> Rendering.redirectTo("/organisations/" + saved.id() + "?verified").build()));
	}

	@PostMapping("/organisations/{id}/verification/removal")
	Mono<Rendering> unverify(@PathVariable String id, ServerWebExchange exchange) {
		return exchange.getFormData()
			.flatMap((form) -> id(id).zipWith(this.members.required(exchange))
				.flatMap((both) -> this.organisations.unverify(both.getT2(), both.getT1(), form.getFirst("reason")))
				.map((saved) -> Rendering.redirectTo("/organisations/" + saved.id() + "?unverified").build()));
	}

	static String invitationLink(PublicAddress publicAddress, ServerWebExchange exchange, String token) {
		return publicAddress.absolute(exchange, "/invitations/" + token);
	}

	private Mono<Rendering> membersPage(String id, String invitationLink, String done, List<FieldProblem> problems,
			HttpStatus status, ServerWebExchange exchange) {
		return id(id).zipWith(this.members.required(exchange))
			.flatMap((both) -> this.organisations.administered(both.getT2(), both.getT1())
				.zipWith(this.organisations.members(both.getT2(), both.getT1())
					.map((entry) -> new MemberLine(entry.accountId().toString(), entry.displayName(),
							this.messages.get(exchange,
									"organisation.role." + entry.role().name().toLowerCase(Locale.ROOT)),
							entry.role() == OrganisationRole.ADMIN))
					.collectList())
				.map((found) -> {
					Map<String, Object> model = this.layout.model(exchange, "organisation.members.page-title");
					model.put("organisation",
							OrganisationView.of(found.getT1(), this.gazetteer, this.messages, exchange));
					model.put("members", found.getT2());
					model.put("invitationLink", invitationLink);
					model.put("invitationDays", this.messages.get(exchange, "organisation.invitation.valid",
							this.organisations.invitationDays()));
					model.put("done", done);
					List<String> errors = problems.stream()
						.map((problem) -> this.messages.get(exchange, "error." + problem.code(), problem.arguments()))
						.toList();
					model.put("errorList", errors);
					model.put("hasErrors", !errors.isEmpty());
					return Rendering.view(MEMBERS_VIEW).model(model).status(status).build();
				}));
	}

	private Rendering editPage(Organisation organisation, OrganisationProfile profile, Long version,
			List<FieldProblem> problems, HttpStatus status, ServerWebExchange exchange) {
		return formPage("/organisations/" + organisation.id() + "/edit", organisation.id().toString(), version, profile,
				organisation.hasLogo(), problems, status, exchange, null);
	}

	private Rendering formPage(String action, String id, Long version, OrganisationProfile profile, boolean hasLogo,
			List<FieldProblem> problems, HttpStatus status, ServerWebExchange exchange) {
		return formPage(action, id, version, profile, hasLogo, problems, status, exchange, null);
	}

	private Rendering formPage(String action, String id, Long version, OrganisationProfile profile, boolean hasLogo,
			List<FieldProblem> problems, HttpStatus status, ServerWebExchange exchange, String done) {
		Map<String, Object> model = this.layout.model(exchange,
				(id != null) ? "organisation.edit-title" : "organisation.new-title");
		model.put("form",
				OrganisationFormView.of(action, id, version, profile, hasLogo, problems, this.messages, exchange));
		model.put("editing", id != null);
		model.put("done", done);
		return Rendering.view(FORM_VIEW).model(model).status(status).build();
	}

	private Mono<Organisation> administered(String id, ServerWebExchange exchange) {
		return id(id).zipWith(this.members.required(exchange))
			.flatMap((both) -> this.organisations.administered(both.getT2(), both.getT1()));
	}

	static OrganisationProfile profile(MultiValueMap<String, String> form) {
		return new OrganisationProfile(form.getFirst("name"), form.getFirst("type"), form.getFirst("description"),
				form.getOrDefault("languages", List.of()), form.getFirst("publicAddress"), form.getFirst("postcode"),
				form.getFirst("openingHours"), form.getFirst("contactEmail"), form.getFirst("contactPhone"),
				form.getFirst("website"));
	}

	private static Mono<UUID> id(String value) {
		UUID id = ListingIds.parse(value);
		return (id != null) ? Mono.just(id) : Mono.error(new OrganisationNotFound(value));
	}

	private static long parseLong(String value) {
		try {
			return (value != null && value.strip().length() <= 18) ? Long.parseLong(value.strip()) : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
