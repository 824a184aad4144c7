package de.pinnwand.listings.web;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.listings.ListingDraft;
import de.pinnwand.listings.OrganisationStewards;
import de.pinnwand.listings.TopicTree;
import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.Languages;
import de.pinnwand.web.Messages;
import org.springframework.web.server.ServerWebExchange;

/**
 * The post-a-listing form (also the edit form) as the template shows it: values to
 * refill, options to choose from, and the errors of the last try, each next to its field.
 *
 * @param action where the form posts to
 * @param version the version being edited; null when posting a new listing
 */
record ListingFormView(String action, String version, boolean offer, boolean request, String title, String description,
		List<TopicGroup> topics, List<Option> languages, List<Option> textLanguages, String place, String reachKm,
		List<Option> timeFrameTypes, String timeFrameDate, List<Option> weekdays, String timeFrameFrom,
		String timeFrameTo, String capacity, List<Option> languageNeeds, String submissionKey, List<Option> postAs,
		Map<String, String> errors, boolean hasErrors, List<String> errorList) {

	public boolean hasPostAs() {
		return !this.postAs.isEmpty();
	}

	/** A checkbox or select option. */
	record Option(String value, String label, boolean checked, String lang) {
	}

	/** A topic's checkbox and its sub-topics' checkboxes, one group of the form. */
	record TopicGroup(Option topic, List<Option> subtopics) {
	}

	static ListingFormView of(String action, Long version, ListingDraft draft, TopicTree topicTree,
			List<FieldProblem> problems, Messages messages, ServerWebExchange exchange) {
		return of(action, version, draft, topicTree, List.of(), null, problems, messages, exchange);
	}

	/**
	 * @param organisations the organisations the member may post for; with any, the form
	 * offers to post as one
	 * @param organisation the one chosen in the last try; null for the member themselves
	 */
	static ListingFormView of(String action, Long version, ListingDraft draft, TopicTree topicTree,
			List<OrganisationStewards.OrganisationName> organisations, String organisation, List<FieldProblem> problems,
			Messages messages, ServerWebExchange exchange) {
		var locale = Messages.localeOf(exchange);
		List<String> chosenTopics = (draft.topics() != null) ? draft.topics() : List.of();
		List<String> chosenLanguages = (draft.languages() != null) ? draft.languages() : List.of();
		List<TopicGroup> topics = topicTree.topics()
			.stream()
			.map((topic) -> new TopicGroup(topicOption(topic.code(), chosenTopics, messages, exchange),
					topic.subtopics()
						.stream()
						.map((code) -> topicOption(code, chosenTopics, messages, exchange))
						.toList()))
			.toList();
		List<Option> languages = Languages.codes()
			.stream()
			.map((code) -> new Option(code, Languages.endonym(code), chosenLanguages.contains(code), code))
			.toList();
		List<Option> textLanguages = Languages.codes()
			.stream()
			.map((code) -> new Option(code, Languages.endonym(code), code.equals(draft.textLanguage()), code))
			.toList();
		String type = (draft.timeFrameType() != null) ? draft.timeFrameType() : "";
		List<Option> types = List.of("", "DATE", "WEEKLY", "FLEXIBLE")
			.stream()
			.map((value) -> new Option(value,
					messages.get(exchange, "timeframe.type." + (value.isEmpty() ? "none" : value.toLowerCase())),
					value.equalsIgnoreCase(type), null))
			.toList();
		List<Option> weekdays = Arrays.stream(DayOfWeek.values())
			.map((day) -> new Option(Integer.toString(day.getValue()), day.getDisplayName(TextStyle.FULL, locale),
					Integer.toString(day.getValue()).equals(draft.timeFrameWeekday()), null))
			.toList();
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldProblem problem : problems) {
			errors.putIfAbsent(problem.field(), messages.get(exchange, "error." + problem.code(), problem.arguments()));
		}
		UUID key = (draft.submissionKey() != null) ? draft.submissionKey() : UUID.randomUUID();
		List<Option> postAs = new java.util.ArrayList<>();
		if (!organisations.isEmpty()) {
			String chosen = (organisation != null) ? organisation : "";
			postAs.add(new Option("", messages.get(exchange, "form.post-as.myself"), chosen.isEmpty(), null));
			organisations.forEach((each) -> postAs
				.add(new Option(each.id().toString(), each.name(), chosen.equals(each.id().toString()), null)));
		}
		return new ListingFormView(action, (version != null) ? version.toString() : null,
				!"REQUEST".equalsIgnoreCase(draft.kind()), "REQUEST".equalsIgnoreCase(draft.kind()),
				nullToEmpty(draft.title()), nullToEmpty(draft.description()), topics, languages, textLanguages,
				nullToEmpty(draft.place()), (draft.reachKm() != null) ? draft.reachKm().toString() : "", types,
				nullToEmpty(draft.timeFrameDate()), weekdays, nullToEmpty(draft.timeFrameFrom()),
				nullToEmpty(draft.timeFrameTo()), (draft.capacity() != null) ? draft.capacity().toString() : "",
				languageNeeds(draft.languageNeed(), messages, exchange), key.toString(), postAs, errors,
				!errors.isEmpty(), List.copyOf(errors.values()));
	}

	/**
	 * Shared language (the default), any language, or an interpreter: a request's choice.
	 */
	private static List<Option> languageNeeds(String chosen, Messages messages, ServerWebExchange exchange) {
		String current = (chosen != null && !chosen.isBlank()) ? chosen.strip().toUpperCase(java.util.Locale.ROOT)
				: "SHARED";
		return java.util.stream.Stream.of("SHARED", "ANY", "INTERPRETER")
			.map((need) -> new Option(need, messages.get(exchange, "form.language-need." + need.toLowerCase()),
					need.equals(current), null))
			.toList();
	}

	private static Option topicOption(String code, List<String> chosen, Messages messages, ServerWebExchange exchange) {
		return new Option(code, messages.get(exchange, "topic." + code), chosen.contains(code), null);
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
