package de.pinnwand.accounts.web;

import java.util.List;
import java.util.Map;

import de.pinnwand.accounts.AccountDeletion;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.accounts.InvalidProfile;
import de.pinnwand.accounts.Members;
import de.pinnwand.accounts.Profile;
import de.pinnwand.system.FieldProblem;
import de.pinnwand.web.Layout;
import de.pinnwand.web.Messages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * The member's own account page: profile, contact preferences and the download of their
 * data.
 */
@Controller
class AccountPages {

	static final String PROFILE_VIEW = "accounts/profile";

	private final Members members;

	private final AccountService accounts;

	private final DataExport dataExport;

	private final Layout layout;

	private final Messages messages;

	private final AccountDeletion deletion;

	AccountPages(Members members, AccountService accounts, DataExport dataExport, AccountDeletion deletion,
			Layout layout, Messages messages) {
		this.members = members;
		this.deletion = deletion;
		this.accounts = accounts;
		this.dataExport = dataExport;
		this.layout = layout;
		this.messages = messages;
	}

	@GetMapping("/my/account")
	Mono<Rendering> profile(ServerWebExchange exchange) {
		boolean saved = exchange.getRequest().getQueryParams().containsKey("saved");
		return this.members.required(exchange)
			.flatMap((member) -> this.accounts.account(member.accountId()))
			.map((account) -> page(account.profile(), List.of(), saved, HttpStatus.OK, exchange));
	}

	@PostMapping("/my/account")
	Mono<Rendering> save(ServerWebExchange exchange) {
		return exchange.getFormData().zipWith(this.members.required(exchange)).flatMap((both) -> {
			MultiValueMap<String, String> form = both.getT1();
			Profile change;
			try {
				change = new Profile(form.getFirst("displayName"), form.getOrDefault("languages", List.of()),
						form.getFirst("homePostcode"), form.getFirst("contactEmail"), form.getFirst("contactPhone"),
						ProfileJson.Change.notifications(form.getFirst("emailNotifications")),
						form.getFirst("interfaceLanguage"));
			}
			catch (InvalidProfile invalid) {
				return Mono.just(page(
						new Profile(form.getFirst("displayName"), form.getOrDefault("languages", List.of()),
								form.getFirst("homePostcode"), form.getFirst("contactEmail"),
								form.getFirst("contactPhone"), null, form.getFirst("interfaceLanguage")),
						invalid.problems(), false, HttpStatus.UNPROCESSABLE_CONTENT, exchange));
			}
			return this.accounts.updateProfile(both.getT2().accountId(), change)
				.map((account) -> Rendering.redirectTo("/my/account?saved").build())
				.onErrorResume(InvalidProfile.class, (invalid) -> Mono
					.just(page(change, invalid.problems(), false, HttpStatus.UNPROCESSABLE_CONTENT, exchange)));
		});
	}

	/** The same document as {@code GET /api/v1/me/export}, as a download. */
	@GetMapping(path = "/my/account/export", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Mono<ResponseEntity<Map<String, Object>>> export(ServerWebExchange exchange) {
		return this.members.required(exchange)
			.flatMap(this.dataExport::of)
			.map((body) -> ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pinnwand-my-data.json\"")
				.body(body));
	}

	/**
	 * Deletes the account once the member ticked the confirmation; without it the page
	 * comes back with a message and nothing happens. The session ends with the account.
	 */
	@PostMapping("/my/account/deletion")
	Mono<Rendering> delete(ServerWebExchange exchange) {
		return exchange.getFormData().zipWith(this.members.required(exchange)).flatMap((both) -> {
			if (!"yes".equals(both.getT1().getFirst("confirm"))) {
				return this.accounts.account(both.getT2().accountId()).map((account) -> {
					Rendering.Builder<?> page = Rendering.view(PROFILE_VIEW)
						.model(model(account.profile(), List.of(), false, exchange))
						.modelAttribute("deletionUnconfirmed", true)
						.status(HttpStatus.UNPROCESSABLE_CONTENT);
					return page.build();
				});
			}
			return this.deletion.delete(both.getT2().accountId())
				.then(exchange.getSession().flatMap(WebSession::invalidate))
				.then(Mono.just(Rendering.redirectTo("/?account-deleted").build()));
		});
	}

	private Rendering page(Profile profile, List<FieldProblem> problems, boolean saved, HttpStatus status,
			ServerWebExchange exchange) {
		return Rendering.view(PROFILE_VIEW).model(model(profile, problems, saved, exchange)).status(status).build();
	}

	private Map<String, Object> model(Profile profile, List<FieldProblem> problems, boolean saved,
			ServerWebExchange exchange) {
		Map<String, Object> model = this.layout.model(exchange, "account.page-title");
		model.put("profile", ProfileView.of(profile, problems, this.messages, Messages.localeOf(exchange)));
		model.put("saved", saved);
		return model;
	}

}
