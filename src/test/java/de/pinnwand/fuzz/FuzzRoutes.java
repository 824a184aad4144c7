package de.pinnwand.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The routes the fuzzer sends to: the API's operations from its OpenAPI document, and
 * every page route.
 */
final class FuzzRoutes {

	/**
	 * One operation: its method, path pattern, whether it is API, and the body fields it
	 * takes.
	 */
	record Route(String method, String pattern, boolean api, List<String> fields) {
	}

	private FuzzRoutes() {
	}

	/**
	 * Each operation of the OpenAPI document, with the properties of its JSON body's
	 * schema.
	 */
	static List<Route> fromOpenApi(String document) {
		List<Route> routes = new ArrayList<>();
		JsonNode docs = JsonMapper.builder().build().readTree(document);
		JsonNode schemas = docs.path("components").path("schemas");
		docs.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			List<String> fields = new ArrayList<>();
			operation.getValue().path("requestBody").path("content").forEach((content) -> {
				String ref = content.path("schema").path("$ref").asString("");
				schemas.path(ref.substring(ref.lastIndexOf('/') + 1))
					.path("properties")
					.propertyNames()
					.forEach(fields::add);
			});
			// Deleting one's own account would end a sender mid-run.
			boolean ending = operation.getKey().equalsIgnoreCase("delete") && path.getKey().equals("/api/v1/me");
			if (!ending) {
				routes.add(new Route(operation.getKey().toUpperCase(), path.getKey(), true, fields));
			}
		}));
		return routes;
	}

	/**
	 * Every route outside the API, as the app maps it, each taking the given form fields.
	 */
	static List<Route> pages(RequestMappingHandlerMapping mappings, List<String> formFields) {
		List<Route> routes = new ArrayList<>();
		Set<String> seen = new TreeSet<>();
		mappings.getHandlerMethods().keySet().forEach((info) -> {
			Set<String> methods = new TreeSet<>();
			info.getMethodsCondition().getMethods().forEach((method) -> methods.add(method.name()));
			info.getPatternsCondition().getPatterns().forEach((pattern) -> {
				String path = pattern.getPatternString();
				for (String method : methods.isEmpty() ? Set.of("GET") : methods) {
					// Signing out or deleting the account would end the senders' sessions
					// mid-run.
					boolean ending = path.equals("/logout") || path.contains("/delete") || path.endsWith("/deletion");
					if (!path.startsWith("/api/") && !ending && seen.add(method + " " + path)) {
						routes.add(new Route(method, path, false, formFields));
					}
				}
			});
		});
		return routes;
	}

}
