package de.pinnwand.security;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which API routes need a bearer token: the one list that the API's security chain
 * enforces and the OpenAPI description documents. Reading is open, except what belongs to
 * a member; visitors may report; everything else needs a token.
 */
final class ApiAccess {

	/** Routes that need a token whatever the method, even for reading. */
	static final List<String> MEMBERS_ONLY = List.of("/api/v1/me", "/api/v1/me/**", "/api/v1/organisations/*/members",
			"/api/v1/organisations/*/members/**", "/api/v1/activities/*/signups", "/api/v1/activities/*/signups/**",
			"/api/v1/moderation/**", "/api/v1/conversations", "/api/v1/conversations/**");

	/**
	 * Writes that visitors may make too (the 'reports' rate limit keeps them in bounds).
	 */
	static final List<String> OPEN_WRITES = List.of("/api/v1/listings/*/reports", "/api/v1/organisations/*/reports",
			"/api/v1/activities/*/reports");

	private static final List<PathPattern> MEMBERS_ONLY_PATTERNS = parse(MEMBERS_ONLY);

	private static final List<PathPattern> OPEN_WRITE_PATTERNS = parse(OPEN_WRITES);

	private ApiAccess() {
	}

	/**
	 * Whether a call needs a bearer token; the path may be a template
	 * ({@code /api/v1/listings/{id}}).
	 */
	static boolean needsToken(HttpMethod method, String path) {
		PathContainer container = PathContainer.parsePath(path);
		if (MEMBERS_ONLY_PATTERNS.stream().anyMatch((pattern) -> pattern.matches(container))) {
			return true;
		}
		if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)) {
			return false;
		}
		return !(HttpMethod.POST.equals(method)
				&& OPEN_WRITE_PATTERNS.stream().anyMatch((pattern) -> pattern.matches(container)));
	}

	private static List<PathPattern> parse(List<String> patterns) {
		return patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

}
