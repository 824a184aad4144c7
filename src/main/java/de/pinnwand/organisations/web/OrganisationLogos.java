package de.pinnwand.organisations.web;

import java.time.Duration;

import de.pinnwand.listings.ListingIds;
import de.pinnwand.organisations.Organisation;
import de.pinnwand.organisations.OrganisationNotFound;
import de.pinnwand.organisations.OrganisationService;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /organisations/{id}/logo}: the stored PNG. Pages link it with the
 * organisation's version, so it may be cached for a day; {@code nosniff} keeps browsers
 * from reading it as anything but an image.
 */
@RestController
class OrganisationLogos {

	private final OrganisationService organisations;

	OrganisationLogos(OrganisationService organisations) {
		this.organisations = organisations;
	}

	@GetMapping("/organisations/{id}/logo")
	Mono<ResponseEntity<byte[]>> logo(@PathVariable String id) {
		return Mono.justOrEmpty(ListingIds.parse(id))
			.switchIfEmpty(Mono.error(() -> new OrganisationNotFound(id)))
			.flatMap(this.organisations::findVisible)
			.filter(Organisation::hasLogo)
			.switchIfEmpty(Mono.error(() -> new OrganisationNotFound(id + "/logo")))
			.map((organisation) -> ResponseEntity.ok()
				.contentType(MediaType.IMAGE_PNG)
				.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
				.eTag("\"" + organisation.version() + "\"")
				.header("X-Content-Type-Options", "nosniff")
				.header("Content-Disposition", "inline; filename=\"logo.png\"")
				.body(organisation.logo()));
	}

}
