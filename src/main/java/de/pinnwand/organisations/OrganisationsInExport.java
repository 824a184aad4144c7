package de.pinnwand.organisations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.accounts.PersonalData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A member's memberships in their data export: which organisations, in which role. */
@Component
class OrganisationsInExport implements PersonalData {

	private final OrganisationService organisations;

	OrganisationsInExport(OrganisationService organisations) {
		this.organisations = organisations;
	}

	@Override
	public String name() {
		return "organisations";
	}

	@Override
	public Mono<Object> of(UUID accountId) {
		return this.organisations.of(accountId).map((membership) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("organisation", membership.getKey().id().toString());
			entry.put("name", membership.getKey().name());
			entry.put("role", membership.getValue().name());
			return entry;
		}).collectList().map(Object.class::cast);
	}

}
