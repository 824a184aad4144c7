package de.pinnwand.accounts.web;

import java.util.Map;

import de.pinnwand.accounts.AccountDeletion;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.accounts.Members;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/me}: the signed-in member's profile, and the export of everything
 * Pinnwand holds about them.
 */
@RestController
@RequestMapping("/api/v1/me")
class MeApi {

	private final Members members;

	private final AccountService accounts;

	private final DataExport dataExport;

	private final AccountDeletion deletion;

	MeApi(Members members, AccountService accounts, DataExport dataExport, AccountDeletion deletion) {
		this.members = members;
		this.deletion = deletion;
		this.accounts = accounts;
		this.dataExport = dataExport;
	}

	@GetMapping
	Mono<ProfileJson> me(ServerWebExchange exchange) {
		return this.members.required(exchange)
			.flatMap((member) -> this.accounts.account(member.accountId())
				.map((account) -> ProfileJson.of(account, member)));
	}

	/**
	 * Replaces the profile; a wrong field answers 422 with every problem, and nothing is
	 * stored.
	 */
	@PutMapping
	Mono<ProfileJson> change(@RequestBody ProfileJson.Change change, ServerWebExchange exchange) {
		return this.members.required(exchange)
			.flatMap((member) -> Mono.fromCallable(change::toProfile)
				.flatMap((profile) -> this.accounts.updateProfile(member.accountId(), profile))
				.map((account) -> ProfileJson.of(account, member)));
	}

	/**
	 * Everything Pinnwand holds about the member, as one JSON document to keep or take
	 * elsewhere.
	 */
	@GetMapping("/export")
	Mono<ResponseEntity<Map<String, Object>>> export(ServerWebExchange exchange) {
		return this.members.required(exchange)
			.flatMap(this.dataExport::of)
			.map((body) -> ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pinnwand-my-data.json\"")
				.body(body));
	}

	/**
	 * Deletes the account and what belongs to it (see {@link AccountDeletion}). The token
	 * stays valid at the provider: used again, it signs in like a first time and makes a
	 * new, empty account.
	 */
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping
	Mono<ResponseEntity<Void>> delete(ServerWebExchange exchange) {
		return this.members.required(exchange)
			.flatMap((member) -> this.deletion.delete(member.accountId()))
			.then(Mono.just(ResponseEntity.noContent().build()));
	}

}
