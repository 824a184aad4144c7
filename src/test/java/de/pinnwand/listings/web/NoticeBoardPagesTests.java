package de.pinnwand.listings.web;

import java.util.List;
import java.util.Map;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import io.nayuki.qrcodegen.QrCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The print notice with its QR code, the about page, the topics API and the API
 * description.
 */
@PinnwandTest
class NoticeBoardPagesTests {

	@Autowired
	private WebTestClient web;

	@Test
	void printsANoticeWithAQrCodeThatLeadsToTheListing() {
		String id = this.web.post()
			.uri("/api/v1/listings")
			.headers(de.pinnwand.TestMembers.bearer("tester"))
			.bodyValue(TestListings.offer("Aushang für das Café"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();
		this.web.get()
			.uri("/listings/" + id + "/print")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Aushang für das Café")
				.contains("/listings/" + id + "/qr.svg")
				.contains("/listings/" + id + "</span>")
				.contains("/css/print.css"));
		this.web.get()
			.uri("/listings/" + id + "/qr.svg")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("image/svg+xml")
			.expectBody(String.class)
			.value((svg) -> assertThat(svg).startsWith("<svg").contains("<path d=\"M"));
		this.web.get().uri("/listings/not-an-id/print").exchange().expectStatus().isNotFound();
	}

	@Test
	void drawsTheQrCodeModulesItWasGiven() {
		QrCode qr = QrCode.encodeText("http://localhost/listings/x", QrCode.Ecc.MEDIUM);
		String svg = PrintedNotice.svg(qr);
		long dark = 0;
		for (int y = 0; y < qr.size; y++) {
			for (int x = 0; x < qr.size; x++) {
				dark += qr.getModule(x, y) ? 1 : 0;
			}
		}
		assertThat(svg.split("h1v1h-1z", -1)).hasSize((int) dark + 1);
		assertThat(svg).contains("viewBox=\"0 0 " + (qr.size + 8) + " " + (qr.size + 8) + "\"");
	}

	@Test
	void creditsGeoNamesOnTheAboutPage() {
		this.web.get()
			.uri("/about?ui=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("GeoNames").contains("CC BY 4.0"));
	}

	@Test
	void listsTopicsInTheReadersLanguage() {
		this.web.get()
			.uri("/api/v1/topics")
			.header("Accept-Language", "uk")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(12)
			.jsonPath("$[0].code")
			.isEqualTo("language-learning")
			.jsonPath("$[0].label")
			.value((label) -> assertThat(label.toString()).containsPattern("\\p{IsCyrillic}"));
	}

	@Test
	void listsEachTopicsSubtopicsAsATree() {
		this.web.get()
			.uri("/api/v1/topics")
			.header("Accept-Language", "en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.code == 'donations')].label")
			.isEqualTo(List.of("Furniture, clothes and other donations"))
			.jsonPath("$[?(@.code == 'donations')].subtopics[*].code")
			.isEqualTo(List.of("donations/furniture", "donations/clothes", "donations/household", "donations/toys"))
			.jsonPath("$[?(@.code == 'donations')].subtopics[0].label")
			.isEqualTo(List.of("Furniture"))
			.jsonPath("$[*].subtopics[*].code")
			.value((codes) -> assertThat((List<?>) codes).hasSize(40))
			.jsonPath("$[*].subtopics[*].label")
			.value((labels) -> assertThat((List<?>) labels)
				.allSatisfy((label) -> assertThat(label.toString()).doesNotStartWith("topic.")));
		this.web.get()
			.uri("/api/v1/topics")
			.header("Accept-Language", "ar")
			.exchange()
			.expectBody()
			.jsonPath("$[0].subtopics[0].code")
			.isEqualTo("language-learning/german-course")
			.jsonPath("$[0].subtopics[0].label")
			.value((label) -> assertThat(label.toString()).containsPattern("\\p{InArabic}"));
	}

	@Test
	void describesTheJsonApiWithOpenApi() {
		// The description is built at the first request, by scanning every controller:
		// slow on a busy machine.
		this.web.mutate()
			.responseTimeout(java.time.Duration.ofSeconds(60))
			.build()
			.get()
			.uri("/api/docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.openapi")
			.exists()
			.jsonPath("$.paths['/api/v1/listings']")
			.exists()
			.jsonPath("$.paths['/api/v1/places']")
			.exists()
			.jsonPath("$.paths['/api/v1/organisations']")
			.exists()
			.jsonPath("$.paths['/api/v1/activities']")
			.exists()
			.jsonPath("$.paths['/api/v1/me']")
			.exists();
	}

}
