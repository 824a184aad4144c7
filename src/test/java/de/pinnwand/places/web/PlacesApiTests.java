package de.pinnwand.places.web;

import java.util.List;

import de.pinnwand.places.Gazetteer;
import de.pinnwand.places.PlacesProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API as a browser's autocomplete calls it. Boot 4's WebFlux slice leaves Spring
 * Security out (it would need spring-boot-security-test); the application's security
 * configuration leaves this endpoint public.
 */
@WebFluxTest(PlacesApi.class)
@Import(Gazetteer.class)
@EnableConfigurationProperties(PlacesProperties.class)
class PlacesApiTests {

	@Autowired
	private WebTestClient client;

	@Test
	void suggestsPlacesByNameHomeAreaFirst() {
		this.client.get()
			.uri("/api/v1/places?q=Ludw")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(10)
			.jsonPath("$.items[0].name")
			.isEqualTo("Ludwigsburg")
			.jsonPath("$.items[0].district")
			.isEqualTo("Landkreis Ludwigsburg")
			.jsonPath("$.items[0].postcode")
			.value(String.class, (postcode) -> assertThat(postcode).startsWith("716"))
			.jsonPath("$.items[0].lat")
			.isNumber()
			.jsonPath("$.items[0].lon")
			.isNumber()
			.jsonPath("$.items[0].state")
			.doesNotExist();
	}

	@Test
	void suggestsPostcodesByPrefix() {
		this.client.get()
			.uri("/api/v1/places?q=716&limit=3")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(3)
			.jsonPath("$.items[*].postcode")
			.value(new ParameterizedTypeReference<List<String>>() {
			}, (postcodes) -> assertThat(postcodes).allSatisfy((postcode) -> assertThat(postcode).startsWith("716")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "500", "51", "99999999999999999999" })
	void clampsTheLimitToFifty(String limit) {
		this.client.get()
			.uri((uri) -> uri.path("/api/v1/places").queryParam("q", "St").queryParam("limit", limit).build())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(50);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-3", "-99999999999999999999" })
	void clampsTheLimitToOne(String limit) {
		this.client.get()
			.uri((uri) -> uri.path("/api/v1/places").queryParam("q", "St").queryParam("limit", limit).build())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "ten", "1.5", "1e3", "%00" })
	void fallsBackToTenForAMalformedLimit(String limit) {
		this.client.get()
			.uri((uri) -> uri.path("/api/v1/places").queryParam("q", "St").queryParam("limit", "{limit}").build(limit))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(10);
	}

	@Test
	void answersWithAnEmptyListWithoutAQuery() {
		this.client.get().uri("/api/v1/places").exchange().expectStatus().isOk().expectBody().json("""
				{"items":[]}""");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "00000", "🏠", "'; DROP TABLE places; --", "<script>alert(1)</script>", "مدينة",
			"{\"$ne\":null}", "../../etc/passwd" })
	void answersNonsenseWithAnEmptyList(String query) {
		this.client.get()
			.uri((uri) -> uri.path("/api/v1/places").queryParam("q", "{q}").build(query))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("""
					{"items":[]}""");
	}

	@Test
	void answersAnOverlongQueryWithAnEmptyList() {
		this.client.get()
			.uri((uri) -> uri.path("/api/v1/places").queryParam("q", "{q}").build("Ludwigsburg".repeat(1_000)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(0);
	}

}
