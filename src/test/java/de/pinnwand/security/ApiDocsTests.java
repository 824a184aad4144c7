package de.pinnwand.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.pinnwand.PinnwandTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description says what the security chain does: the bearer scheme on exactly
 * the operations that need a token, the problem responses each can give, the real success
 * codes, and unique operation ids.
 */
@PinnwandTest
class ApiDocsTests {

	@Autowired
	private WebTestClient web;

	private JsonNode docs;

	@BeforeEach
	void read() {
		byte[] body = this.web.mutate()
			.responseTimeout(Duration.ofSeconds(60))
			.build()
			.get()
			.uri("/api/docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		this.docs = JsonMapper.builder().build().readTree(body);
		try {
			// For whoever reads a failure: the description as the test saw it.
			java.nio.file.Files.write(java.nio.file.Path.of("target", "api-docs.json"), body);
		}
		catch (java.io.IOException ex) {
			// only a help for reading failures
		}
	}

	@Test
	void marksTheBearerSchemeOnEveryOperationThatNeedsAToken() {
		assertThat(this.docs.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
			.isEqualTo("bearer");
		assertThat(secured("post", "/api/v1/listings")).isTrue();
		assertThat(secured("put", "/api/v1/listings/{id}")).isTrue();
		assertThat(secured("get", "/api/v1/me")).isTrue();
		assertThat(secured("get", "/api/v1/conversations")).isTrue();
		assertThat(secured("get", "/api/v1/listings")).isFalse();
		assertThat(secured("post", "/api/v1/listings/{id}/reports")).isFalse();
		List<String> checked = new ArrayList<>();
		operations().forEach((key, operation) -> {
			String[] parts = key.split(" ", 2);
			boolean documented = secured(parts[0], parts[1]);
			assertThat(documented).as(key)
				.isEqualTo(ApiAccess.needsToken(HttpMethod.valueOf(parts[0].toUpperCase()), parts[1]));
			checked.add(key);
		});
		assertThat(checked).hasSizeGreaterThan(40);
	}

	@Test
	void documentsTheProblemsAndTheRealSuccessCodes() {
		JsonNode post = operation("post", "/api/v1/listings");
		assertThat(post.path("responses").propertyNames()).contains("201", "400", "401", "403", "409", "422", "429",
				"503");
		assertThat(post.path("responses")
			.path("422")
			.path("content")
			.path("application/problem+json")
			.path("schema")
			.path("$ref")
			.asString()).isEqualTo("#/components/schemas/Problem");
		assertThat(operation("get", "/api/v1/listings/{id}").path("responses").propertyNames()).contains("200", "404")
			.doesNotContain("401", "403");
		assertThat(operation("delete", "/api/v1/listings/{id}").path("responses").propertyNames()).contains("204");
		assertThat(operation("post", "/api/v1/listings/{id}/reports").path("responses").propertyNames())
			.contains("202");
		assertThat(this.docs.path("components").path("schemas").path("Problem").path("properties").propertyNames())
			.contains("type", "title", "status", "detail", "errors");
	}

	@Test
	void givesEveryOperationAUniqueIdWithoutNumbers() {
		Set<String> ids = new HashSet<>();
		operations().forEach((key, operation) -> {
			String id = operation.path("operationId").asString();
			assertThat(id).as(key).isNotBlank().doesNotContainPattern("_\\d+$");
			assertThat(ids.add(id)).as("unique id %s (%s)", id, key).isTrue();
		});
	}

	private boolean secured(String method, String path) {
		JsonNode security = operation(method, path).path("security");
		for (JsonNode requirement : security) {
			if (requirement.has("bearer")) {
				return true;
			}
		}
		return false;
	}

	private JsonNode operation(String method, String path) {
		JsonNode operation = this.docs.path("paths").path(path).path(method);
		assertThat(operation.isMissingNode()).as("%s %s documented", method, path).isFalse();
		return operation;
	}

	private Map<String, JsonNode> operations() {
		Map<String, JsonNode> operations = new java.util.LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> path : this.docs.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				operations.put(method.getKey() + " " + path.getKey(), method.getValue());
			}
		}
		return operations;
	}

}
