package de.pinnwand.listings.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.listings.FieldProblem;
import de.pinnwand.listings.Languages;
import de.pinnwand.listings.ListingDraft;
import de.pinnwand.system.web.Messages;
import org.springframework.web.server.ServerWebExchange;

/**
 * The post-a-listing form as the template shows it: values to refill, options to choose from, and the
 * errors of the last try, each next to its field.
 */
record ListingFormView(boolean offer, boolean request, String title, String description, List<Option> topics,
		List<Option> languages, List<Option> textLanguages, String place, String reachKm, String submissionKey,
		Map<String, String> errors, boolean hasErrors, List<String> errorList) {

	/** A checkbox or select option. */
	record Option(String value, String label, boolean checked, String lang) {
	}

	static ListingFormView of(ListingDraft draft, List<String> topicCodes, List<FieldProblem> problems,
			Messages messages, ServerWebExchange exchange) {
		List<String> chosenTopics = (draft.topics() != null) ? draft.topics() : List.of();
		List<String> chosenLanguages = (draft.languages() != null) ? draft.languages() : List.of();
		List<Option> topics = topicCodes.stream()
			.map((code) -> new Option(code, messages.get(exchange, "topic." + code), chosenTopics.contains(code), null))
			.toList();
		List<Option> languages = Languages.codes().stream()
			.map((code) -> new Option(code, Languages.endonym(code), chosenLanguages.contains(code), code))
			.toList();
		List<Option> textLanguages = Languages.codes().stream()
			.map((code) -> new Option(code, Languages.endonym(code), code.equals(draft.textLanguage()), code))
			.toList();
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		for (FieldProblem problem : problems) {
			errors.putIfAbsent(problem.field(), messages.get(exchange, "error." + problem.code(), problem.arguments()));
		}
		UUID key = (draft.submissionKey() != null) ? draft.submissionKey() : UUID.randomUUID();
		return new ListingFormView(!"REQUEST".equalsIgnoreCase(draft.kind()), "REQUEST".equalsIgnoreCase(draft.kind()),
				nullToEmpty(draft.title()), nullToEmpty(draft.description()), topics, languages, textLanguages,
				nullToEmpty(draft.place()), (draft.reachKm() != null) ? draft.reachKm().toString() : "",
				key.toString(), errors, !errors.isEmpty(), List.copyOf(errors.values()));
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
