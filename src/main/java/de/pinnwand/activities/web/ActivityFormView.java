package de.pinnwand.activities.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.pinnwand.activities.ActivityDraft;
import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.Languages;
import de.pinnwand.web.Messages;

/**
 * What the activity form shows: the values as typed, the choices, and each field's
 * problem.
 */
record ActivityFormView(String action, Long version, boolean isNew, List<Option> organisations, boolean noOrganisation,
		String title, String description, List<Option> languages, String place, String date, String startTime,
		String endTime, boolean weekly, String repeatUntil, String capacity, String venue, Map<String, String> errors,
		List<String> errorList) {

	/** A choice in a list. */
	record Option(String value, String label, boolean checked) {
	}

	public boolean hasErrors() {
		return !this.errorList.isEmpty();
	}

	static ActivityFormView of(String action, Long version, List<Option> organisations, ActivityDraft draft,
			List<FieldProblem> problems, Messages messages, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldProblem problem : problems) {
			errors.putIfAbsent(problem.field(), messages.get(locale, "error." + problem.code(), problem.arguments()));
		}
		List<Option> languages = Languages.codes()
			.stream()
			.map((code) -> new Option(code, Languages.endonym(code), draft.languages().contains(code)))
			.toList();
		return new ActivityFormView(action, version, version == null, organisations,
				version == null && organisations.isEmpty(), nonNull(draft.title()), nonNull(draft.description()),
				languages, nonNull(draft.place()), nonNull(draft.date()), nonNull(draft.startTime()),
				nonNull(draft.endTime()), "WEEKLY".equalsIgnoreCase(draft.recurrence()), nonNull(draft.repeatUntil()),
				(draft.capacity() != null) ? draft.capacity().toString() : "", nonNull(draft.venue()), errors,
				List.copyOf(errors.values()));
	}

	private static String nonNull(String value) {
		return (value != null) ? value : "";
	}

}
