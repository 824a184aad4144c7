package de.pinnwand.accounts.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.pinnwand.accounts.AccountService;
import de.pinnwand.accounts.Member;
import de.pinnwand.accounts.PersonalData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Everything Pinnwand holds about a member, gathered from every feature, as one
 * JSON-ready document.
 */
@Component
class DataExport {

	private final AccountService accounts;

	private final List<PersonalData> parts;

	DataExport(AccountService accounts, List<PersonalData> parts) {
		this.accounts = accounts;
		this.parts = parts;
	}

	Mono<Map<String, Object>> of(Member member) {
		return this.accounts.account(member.accountId()).flatMap((account) -> {
			Map<String, Object> export = new LinkedHashMap<>();
			export.put("profile", ProfileJson.of(account, member));
			export.put("createdAt", account.createdAt());
			export.put("lastSignedInAt", account.lastSignedInAt());
			return Flux.fromIterable(this.parts)
				.concatMap((part) -> part.of(member.accountId()).map((value) -> Map.entry(part.name(), value)))
				.doOnNext((entry) -> export.put(entry.getKey(), entry.getValue()))
				.then(Mono.just(export));
		});
	}

}
