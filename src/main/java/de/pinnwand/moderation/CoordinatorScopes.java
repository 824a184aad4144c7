package de.pinnwand.moderation;

import java.util.List;
import java.util.UUID;

import de.pinnwand.accounts.AccountNotFound;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.accounts.Member;
import de.pinnwand.audit.AuditLog;
import de.pinnwand.moderation.ModerationService.CoordinatorScope;
import de.pinnwand.system.FieldProblem;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Admins scoping coordinators to the areas they review. */
@Component
class CoordinatorScopes {

	private final CoordinatorAreas areas;

	private final AccountService accounts;

	private final AuditLog audit;

	private final TransactionalOperator transaction;

	CoordinatorScopes(CoordinatorAreas areas, AccountService accounts, AuditLog audit,
			TransactionalOperator transaction) {
		this.areas = areas;
		this.accounts = accounts;
		this.audit = audit;
		this.transaction = transaction;
	}

	/** See {@link ModerationService#scope}. */
	Mono<List<String>> scope(Member admin, UUID coordinatorAccountId, List<String> areas) {
		if (!admin.isAdmin()) {
			return Mono.error(QueueNotFound::new);
		}
		List<String> cleaned = (areas != null) ? areas.stream()
			.filter((area) -> area != null && !area.isBlank())
			.map(String::strip)
			.distinct()
			.sorted()
			.toList() : List.of();
		if (cleaned.size() > ModerationService.MAX_AREAS
				|| cleaned.stream().anyMatch((area) -> area.length() > ModerationService.MAX_AREA_LENGTH)) {
			return Mono.error(new InvalidModeration(List.of(new FieldProblem("areas", "moderation.areas",
					ModerationService.MAX_AREAS, ModerationService.MAX_AREA_LENGTH))));
		}
		return this.accounts.member(coordinatorAccountId)
			.switchIfEmpty(Mono.error(AccountNotFound::new))
			.flatMap((coordinator) -> this.areas.replace(coordinatorAccountId, cleaned)
				.then(this.audit.record(admin.accountId(), ModerationAudit.AREAS, "account",
						coordinatorAccountId.toString(), cleaned.isEmpty() ? "everywhere" : String.join(", ", cleaned),
						null)))
			.as(this.transaction::transactional)
			.thenReturn(cleaned);
	}

	/** See {@link ModerationService#coordinators}. */
	Flux<CoordinatorScope> coordinators(Member admin) {
		if (!admin.isAdmin()) {
			return Flux.error(QueueNotFound::new);
		}
		return this.areas.coordinators()
			.concatMap((coordinator) -> this.areas.of(coordinator.accountId())
				.collectList()
				.map((areas) -> new CoordinatorScope(coordinator.accountId(), coordinator.displayName(), areas)));
	}

}
