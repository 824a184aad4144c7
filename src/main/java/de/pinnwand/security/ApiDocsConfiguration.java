package de.pinnwand.security;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The OpenAPI description at {@code /api/docs}: reading needs nothing, writes and what
 * belongs to a member take the sign-in provider's access token as a bearer token — marked
 * on exactly the operations the security chain guards ({@link ApiAccess}); every
 * operation lists the RFC 9457 problems it can answer, and operation ids are unique
 * without springdoc's {@code _1} suffixes.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	static final String BEARER = "bearer";

	static final String PROBLEM = "Problem";

	private static final Pattern NUMBERED = Pattern.compile("(.+)_\\d+");

	private static final Map<String, String> PROBLEMS = new LinkedHashMap<>();

	static {
		PROBLEMS.put("400", "The request cannot be read (malformed JSON, form or parameters)");
		PROBLEMS.put("401", "No valid bearer token of the portal");
		PROBLEMS.put("403", "The member may not do this");
		PROBLEMS.put("404", "Not found, or not visible to the caller");
		PROBLEMS.put("409", "Changed or decided meanwhile (send the version last read)");
		PROBLEMS.put("422", "Invalid values; errors[] names each field");
		PROBLEMS.put("429", "Too many requests; Retry-After says when to try again");
		PROBLEMS.put("503", "A service the portal needs is away; Retry-After says when to try again");
	}

	@Bean
	OpenAPI pinnwandApi() {
		return new OpenAPI()
			.info(new Info().title("Pinnwand API")
				.license(new License().name("EUPL-1.2").identifier("EUPL-1.2"))
				.description("Offers and requests of a town's or county's refugee help. Reads are open; writes need "
						+ "an access token of the sign-in provider (Authorization: Bearer …). Errors are RFC 9457 "
						+ "problem details."))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
	}

	@Bean
	OpenApiCustomizer securityAndProblems() {
		return (openApi) -> {
			// Added here, after springdoc has collected the handlers' own schemas, so
			// that none replaces it.
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			Map<String, Integer> ids = new HashMap<>();
			openApi.getPaths().forEach((path, item) -> operations(item).forEach((method, operation) -> {
				String base = baseId(operation.getOperationId());
				ids.merge(base, 1, Integer::sum);
			}));
			openApi.getPaths().forEach((path, item) -> operations(item).forEach((method, operation) -> {
				boolean secured = ApiAccess.needsToken(method, path);
				if (secured) {
					operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
				}
				else {
					operation.setSecurity(List.of());
				}
				String base = baseId(operation.getOperationId());
				if (base != null && (ids.getOrDefault(base, 0) > 1 || !base.equals(operation.getOperationId()))) {
					operation.setOperationId(idFor(method, path));
				}
				ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses()
						: new ApiResponses();
				PROBLEMS.forEach((status, text) -> {
					if (applies(status, method, path, secured) && !responses.containsKey(status)) {
						responses.addApiResponse(status, problem(text));
					}
				});
				operation.setResponses(responses);
			}));
		};
	}

	private static boolean applies(String status, HttpMethod method, String path, boolean secured) {
		return switch (status) {
			case "401", "403" -> secured;
			case "404" -> path.contains("{");
			case "409" -> !HttpMethod.GET.equals(method);
			case "422" -> !HttpMethod.DELETE.equals(method);
			case "429" -> HttpMethod.POST.equals(method) || path.endsWith("/oauth2/authorization");
			default -> true;
		};
	}

	private static Map<HttpMethod, Operation> operations(PathItem item) {
		Map<HttpMethod, Operation> operations = new LinkedHashMap<>();
		item.readOperationsMap()
			.forEach((method, operation) -> operations.put(HttpMethod.valueOf(method.name()), operation));
		return operations;
	}

	private static String baseId(String id) {
		if (id == null) {
			return null;
		}
		var numbered = NUMBERED.matcher(id);
		return numbered.matches() ? numbered.group(1) : id;
	}

	/**
	 * An id from method and path: {@code GET /api/v1/listings/{id}/matches} is
	 * {@code getListingsByIdMatches}.
	 */
	static String idFor(HttpMethod method, String path) {
		StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
		for (String segment : path.replaceFirst("^/api/v\\d+", "").split("/")) {
			if (segment.isEmpty()) {
				continue;
			}
			String word = segment.startsWith("{") ? "By" + capitalized(segment.substring(1, segment.length() - 1))
					: capitalized(segment);
			id.append(word.replaceAll("[^A-Za-z0-9]", ""));
		}
		return id.toString();
	}

	private static String capitalized(String word) {
		StringBuilder result = new StringBuilder();
		for (String part : word.split("[-_.]")) {
			if (!part.isEmpty()) {
				result.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
			}
		}
		return result.toString();
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema problemSchema() {
		Schema error = new Schema<>().type("object")
			.addProperty("field", new StringSchema())
			.addProperty("code", new StringSchema())
			.addProperty("message", new StringSchema());
		return new Schema<>().type("object")
			.description("RFC 9457 problem details, the message in the reader's language")
			.addProperty("type", new StringSchema())
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema())
			.addProperty("errors", new ArraySchema().items(error));
	}

}
