package de.pinnwand.organisations.web;

import java.util.List;
import java.util.Locale;

import de.pinnwand.organisations.Organisation;
import de.pinnwand.organisations.OrganisationType;
import de.pinnwand.places.Gazetteer;
import de.pinnwand.system.Languages;
import de.pinnwand.web.Messages;
import org.springframework.web.server.ServerWebExchange;

/**
 * An organisation as its profile page and the list show it: labels in the reader's
 * language, the place named by its postcode, and the logo's address with its version so
 * that a new logo is fetched at once.
 */
record OrganisationView(String id, String name, String typeLabel, boolean verified, List<String> descriptionLines,
		List<String> languages, String publicAddress, String place, String openingHours, String contactEmail,
		String contactPhone, String website, String logoHref) {

	static OrganisationView of(Organisation organisation, Gazetteer gazetteer, Messages messages,
			ServerWebExchange exchange) {
		String place = (organisation.postcode() != null) ? gazetteer.byPostcode(organisation.postcode())
			.map((found) -> found.postcode() + " " + found.name())
			.orElse(organisation.postcode()) : null;
		String description = (organisation.description() != null) ? organisation.description() : "";
		return new OrganisationView(organisation.id().toString(), organisation.name(),
				typeLabel(organisation.type(), messages, exchange), organisation.isVerified(),
				description.isBlank() ? List.of() : description.lines().toList(),
				organisation.languages().stream().map(Languages::endonym).toList(), organisation.publicAddress(), place,
				organisation.openingHours(), organisation.contactEmail(), organisation.contactPhone(),
				organisation.website(), organisation.hasLogo()
						? "/organisations/" + organisation.id() + "/logo?v=" + organisation.version() : null);
	}

	static String typeLabel(OrganisationType type, Messages messages, ServerWebExchange exchange) {
		return messages.get(exchange, "organisation.type." + type.name().toLowerCase(Locale.ROOT));
	}

	public boolean hasDescription() {
		return !this.descriptionLines.isEmpty();
	}

	public boolean hasLanguages() {
		return !this.languages.isEmpty();
	}

	public boolean hasContact() {
		return this.contactEmail != null || this.contactPhone != null || this.website != null;
	}

}
