package de.pinnwand.accounts.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.pinnwand.accounts.EmailNotifications;
import de.pinnwand.accounts.Profile;
import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.Languages;
import de.pinnwand.web.InterfaceLanguages;
import de.pinnwand.web.Messages;

/**
 * The profile form as the template shows it: values, choices and the errors of the last
 * try.
 */
record ProfileView(String displayName, List<Option> languages, String homePostcode, String contactEmail,
		String contactPhone, List<Option> notifications, List<Option> interfaceLanguages, Map<String, String> errors,
		boolean hasErrors, List<String> errorList) {

	/** A checkbox, radio button or select option. */
	record Option(String value, String label, boolean checked, String lang) {
	}

	static ProfileView of(Profile profile, List<FieldProblem> problems, Messages messages, Locale locale) {
		List<String> chosen = (profile.languages() != null) ? profile.languages() : List.of();
		List<Option> languages = Languages.codes()
			.stream()
			.map((code) -> new Option(code, Languages.endonym(code), chosen.contains(code), code))
			.toList();
		EmailNotifications current = (profile.emailNotifications() != null) ? profile.emailNotifications()
				: EmailNotifications.NEVER;
		List<Option> notifications = List.of(EmailNotifications.values())
			.stream()
			.map((choice) -> new Option(choice.name(),
					messages.get(locale, "account.notifications." + choice.name().toLowerCase(Locale.ROOT)),
					choice == current, null))
			.toList();
		List<Option> interfaceLanguages = new java.util.ArrayList<>();
		interfaceLanguages.add(new Option("", messages.get(locale, "account.interface-language.browser"),
				profile.interfaceLanguage() == null, null));
		// Each language by its own name from its own bundle, as the switcher shows it
		// (Dari as «دری»).
		InterfaceLanguages.CODES.forEach((code) -> interfaceLanguages
			.add(new Option(code, messages.get(Locale.forLanguageTag(code), "language.self"),
					code.equals(profile.interfaceLanguage()), code)));
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldProblem problem : problems) {
			errors.putIfAbsent(problem.field(), messages.get(locale, "error." + problem.code(), problem.arguments()));
		}
		return new ProfileView(orEmpty(profile.displayName()), languages, orEmpty(profile.homePostcode()),
				orEmpty(profile.contactEmail()), orEmpty(profile.contactPhone()), notifications, interfaceLanguages,
				errors, !errors.isEmpty(), List.copyOf(errors.values()));
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

}
