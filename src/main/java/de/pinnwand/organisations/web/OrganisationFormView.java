package de.pinnwand.organisations.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.pinnwand.organisations.OrganisationProfile;
import de.pinnwand.organisations.OrganisationType;
import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.Languages;
import de.pinnwand.web.Messages;
import org.springframework.web.server.ServerWebExchange;

/**
 * The found-an-organisation form (also the edit form) as the template shows it: values to
 * refill, options, and the errors of the last try next to their fields.
 *
 * @param action where the form posts to
 * @param id the organisation being edited; null when founding one
 * @param version the version being edited; null when founding one
 */
record OrganisationFormView(String action, String id, String version, String name, List<Option> types,
		String description, List<Option> languages, String publicAddress, String postcode, String openingHours,
		String contactEmail, String contactPhone, String website, boolean hasLogo, Map<String, String> errors,
		boolean hasErrors, List<String> errorList) {

	/** A radio button, checkbox or select option. */
	record Option(String value, String label, boolean checked, String lang) {
	}

	static OrganisationFormView of(String action, String id, Long version, OrganisationProfile profile, boolean hasLogo,
			List<FieldProblem> problems, Messages messages, ServerWebExchange exchange) {
		List<String> chosen = (profile.languages() != null) ? profile.languages() : List.of();
		List<Option> types = Arrays.stream(OrganisationType.values())
			.map((type) -> new Option(type.name(), OrganisationView.typeLabel(type, messages, exchange),
					type.name().equalsIgnoreCase(profile.type()), null))
			.toList();
		List<Option> languages = Languages.codes()
			.stream()
			.map((code) -> new Option(code, Languages.endonym(code), chosen.contains(code), code))
			.toList();
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldProblem problem : problems) {
			errors.putIfAbsent(problem.field(), messages.get(exchange, "error." + problem.code(), problem.arguments()));
		}
		return new OrganisationFormView(action, id, (version != null) ? version.toString() : null, text(profile.name()),
				types, text(profile.description()), languages, text(profile.publicAddress()), text(profile.postcode()),
				text(profile.openingHours()), text(profile.contactEmail()), text(profile.contactPhone()),
				text(profile.website()), hasLogo, errors, !errors.isEmpty(), List.copyOf(errors.values()));
	}

	private static String text(String value) {
		return (value != null) ? value : "";
	}

}
