package de.pinnwand.moderation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import de.pinnwand.accounts.Member;
import de.pinnwand.audit.AuditLog;
import de.pinnwand.system.FieldProblem;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Coordinators reading and editing the texts authors see for each decision reason. */
@Component
class DecisionReasons {

	private final ReasonTexts reasonTexts;

	private final ModerationProperties properties;

	private final AuditLog audit;

	private final TransactionalOperator transaction;

	DecisionReasons(ReasonTexts reasonTexts, ModerationProperties properties, AuditLog audit,
			TransactionalOperator transaction) {
		this.reasonTexts = reasonTexts;
		this.properties = properties;
		this.audit = audit;
		this.transaction = transaction;
	}

	/** See {@link ModerationService#reasonTexts}. */
	Mono<Map<String, Map<String, String>>> reasonTexts(Member coordinator) {
		if (!coordinator.isCoordinator()) {
			return Mono.error(QueueNotFound::new);
		}
		return Mono.just(this.reasonTexts.all());
	}

	/** See {@link ModerationService#editReason}. */
	Mono<Void> editReason(Member coordinator, String code, Map<String, String> texts) {
		if (!coordinator.isCoordinator()) {
			return Mono.error(QueueNotFound::new);
		}
		if (code == null || !this.properties.decisionReasons().contains(code)) {
			return Mono.error(new InvalidModeration(List.of(new FieldProblem("reason", "moderation.reason"))));
		}
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, String> cleaned = new LinkedHashMap<>();
		for (String language : ReasonTexts.languages()) {
			String text = (texts != null) ? texts.get(language) : null;
			if (text == null || text.isBlank() || text.strip().length() > ReasonTexts.MAX_TEXT) {
				problems.add(new FieldProblem("text." + language, "moderation.reason-text", ReasonTexts.MAX_TEXT));
			}
			else {
				cleaned.put(language, text.strip());
			}
		}
		if (!problems.isEmpty()) {
			return Mono.error(new InvalidModeration(problems));
		}
		Map<String, String> before = this.reasonTexts.all().get(code);
		List<String> changed = cleaned.entrySet()
			.stream()
			.filter((entry) -> !entry.getValue().equals(before.get(entry.getKey())))
			.map(Map.Entry::getKey)
			.toList();
		if (changed.isEmpty()) {
			return Mono.empty();
		}
		return this.reasonTexts.save(code, cleaned, coordinator.accountId())
			.then(this.audit.record(coordinator.accountId(), ModerationAudit.REASON_TEXT, "reason", code,
					changed.stream()
						.map((language) -> language + ": " + cleaned.get(language))
						.collect(Collectors.joining(" | ")),
					null))
			.as(this.transaction::transactional)
			.then(this.reasonTexts.reload());
	}

}
