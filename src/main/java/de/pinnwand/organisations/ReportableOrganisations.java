package de.pinnwand.organisations;

import java.util.UUID;

import de.pinnwand.moderation.ReportableItems;
import de.pinnwand.moderation.ReportedItem;
import de.pinnwand.places.Gazetteer;
import de.pinnwand.places.Place;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Organisations can be reported; a hidden one is gone from the list and its profile
 * answers 404.
 */
@Component
class ReportableOrganisations implements ReportableItems {

	private final Organisations organisations;

	private final OrganisationVisibility visibility;

	private final Gazetteer gazetteer;

	ReportableOrganisations(Organisations organisations, OrganisationVisibility visibility, Gazetteer gazetteer) {
		this.organisations = organisations;
		this.visibility = visibility;
		this.gazetteer = gazetteer;
	}

	@Override
	public String type() {
		return "organisation";
	}

	@Override
	public Mono<ReportedItem> describe(UUID id) {
		return this.organisations.findById(id).zipWith(this.visibility.hidden(id)).map((both) -> {
			Organisation organisation = both.getT1();
			Place place = (organisation.postcode() != null)
					? this.gazetteer.byPostcode(organisation.postcode()).orElse(null) : null;
			return new ReportedItem(type(), id, organisation.name(),
					(organisation.description() != null) ? organisation.description() : "", null,
					"/organisations/" + id, (place != null) ? place.district() : null,
					(place != null) ? place.name() : null, organisation.languages(), null, organisation.createdAt(),
					!both.getT2());
		});
	}

	@Override
	public Mono<Void> hide(UUID id) {
		return this.visibility.hide(id);
	}

	@Override
	public Mono<Void> restore(UUID id) {
		return this.visibility.restore(id);
	}

}
