package de.pinnwand.notifications.web;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.pinnwand.accounts.AccountService;
import de.pinnwand.notifications.UnsubscribeTokens;
import de.pinnwand.web.Layout;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The unsubscribe link of every notification mail; it works without signing in. GET only
 * shows a confirmation (mail scanners open links), the POST of its form or of a mail
 * program's one-click unsubscribe (RFC 8058, token in the URL) stops the mails. A token
 * that is not one of ours gets a page saying so (400).
 */
@Controller
class UnsubscribePages {

	static final String VIEW = "notifications/unsubscribe";

	private final UnsubscribeTokens tokens;

	private final AccountService accounts;

	private final Layout layout;

	UnsubscribePages(UnsubscribeTokens tokens, AccountService accounts, Layout layout) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.layout = layout;
	}

	@GetMapping("/notifications/unsubscribe")
	Mono<Rendering> confirm(@RequestParam(name = "token", required = false) String token, ServerWebExchange exchange) {
		if (this.tokens.accountOf(token).isEmpty()) {
			return Mono.just(invalid(exchange));
		}
		Map<String, Object> model = this.layout.model(exchange, "notifications.unsubscribe.page-title");
		model.put("token", token);
		return Mono.just(Rendering.view(VIEW).model(model).build());
	}

	@PostMapping("/notifications/unsubscribe")
	Mono<Rendering> unsubscribe(ServerWebExchange exchange) {
		String fromUrl = exchange.getRequest().getQueryParams().getFirst("token");
		return exchange.getFormData()
			.map((form) -> Optional.ofNullable((fromUrl != null) ? fromUrl : form.getFirst("token")))
			.onErrorReturn(Optional.ofNullable(fromUrl))
			.flatMap((token) -> {
				Optional<UUID> account = token.flatMap(this.tokens::accountOf);
				if (account.isEmpty()) {
					return Mono.just(invalid(exchange));
				}
				// An account deleted meanwhile gets no mails either: the same answer.
				return this.accounts.stopEmailNotifications(account.get()).map((done) -> {
					Map<String, Object> model = this.layout.model(exchange, "notifications.unsubscribe.page-title");
					model.put("done", true);
					return Rendering.view(VIEW).model(model).build();
				});
			});
	}

	private Rendering invalid(ServerWebExchange exchange) {
		Map<String, Object> model = this.layout.model(exchange, "notifications.unsubscribe.page-title");
		model.put("invalid", true);
		return Rendering.view(VIEW).model(model).status(HttpStatus.BAD_REQUEST).build();
	}

}
