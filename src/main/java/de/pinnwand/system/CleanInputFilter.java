package de.pinnwand.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * The door every text of a request passes, before Spring Security reads the form for its
 * CSRF token: a form field or a multipart field with a character {@link CleanText} keeps
 * out is refused with a field error (422), a form body with broken percent-encoding or a
 * multipart body without its boundary is a 400, and a query parameter (search text,
 * filters of a page or feed) loses such characters, as refusing a search helps nobody.
 * JSON bodies are checked where they are read ({@link JsonInput}).
 */
@Component
@Order(CleanInputFilter.ORDER)
class CleanInputFilter implements WebFilter {

	/**
	 * Before the security filter chain (-100), which reads form bodies for the CSRF
	 * token.
	 */
	static final int ORDER = -150;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		MultiValueMap<String, String> query;
		try {
			String path = UriUtils.decode(request.getPath().value(), StandardCharsets.UTF_8);
			if (!CleanText.isClean(path, false)) {
				return Mono.error(unreadable("path", "text.forbidden", null));
			}
			query = request.getQueryParams();
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(unreadable("query", "request.unreadable", ex));
		}
		ServerWebExchange checked = exchange;
		if (!isClean(query)) {
			MultiValueMap<String, String> cleaned = new LinkedMultiValueMap<>();
			query.forEach((name, values) -> cleaned.put(CleanText.strip(name, false),
					values.stream().map((value) -> CleanText.strip(value, false)).toList()));
			checked = exchange.mutate().request(new CleanedQuery(request, cleaned)).build();
		}
		return chain.filter(new Door(checked));
	}

	private static boolean isClean(MultiValueMap<String, String> values) {
		for (Map.Entry<String, List<String>> entry : values.entrySet()) {
			if (!CleanText.isClean(entry.getKey(), false)) {
				return false;
			}
			for (String value : entry.getValue()) {
				if (!CleanText.isClean(value, false)) {
					return false;
				}
			}
		}
		return true;
	}

	private static UnreadableRequest unreadable(String field, String code, Throwable cause) {
		return new UnreadableRequest(field, List.of(new FieldProblem(field, code)), cause);
	}

	/**
	 * Form and multipart fields as they were sent, or an error that says what is wrong
	 * with them.
	 */
	private static final class Door extends ServerWebExchangeDecorator {

		private final Mono<MultiValueMap<String, String>> form;

		private final Mono<MultiValueMap<String, Part>> multipart;

		Door(ServerWebExchange delegate) {
			super(delegate);
			this.form = delegate.getFormData()
				.onErrorMap(IllegalArgumentException.class, (ex) -> unreadable("body", "request.unreadable", ex))
				.map(Door::checked)
				.cache();
			this.multipart = delegate.getMultipartData()
				.onErrorMap(
						(ex) -> !(ex instanceof ResponseStatusException || ex instanceof DataBufferLimitException
								|| ex instanceof UnreadableRequest),
						(ex) -> unreadable("body", "request.unreadable", ex))
				.map(Door::checkedParts)
				.cache();
		}

		@Override
		public Mono<MultiValueMap<String, String>> getFormData() {
			return this.form;
		}

		@Override
		public Mono<MultiValueMap<String, Part>> getMultipartData() {
			return this.multipart;
		}

		private static MultiValueMap<String, String> checked(MultiValueMap<String, String> form) {
			List<String> refused = new ArrayList<>();
			form.forEach((name, values) -> {
				boolean multiLine = CleanText.isMultiLine(name);
				if (!CleanText.isClean(name, false)
						|| values.stream().anyMatch((value) -> !CleanText.isClean(value, multiLine))) {
					refused.add(CleanText.strip(name, false));
				}
			});
			if (!refused.isEmpty()) {
				throw new ForbiddenCharacters(refused);
			}
			return form;
		}

		private static MultiValueMap<String, Part> checkedParts(MultiValueMap<String, Part> parts) {
			List<String> refused = new ArrayList<>();
			parts.forEach((name, values) -> {
				boolean multiLine = CleanText.isMultiLine(name);
				if (!CleanText.isClean(name, false) || values.stream()
					.anyMatch((part) -> part instanceof FormFieldPart field
							&& !CleanText.isClean(field.value(), multiLine))) {
					refused.add(CleanText.strip(name, false));
				}
			});
			if (!refused.isEmpty()) {
				throw new ForbiddenCharacters(refused);
			}
			return parts;
		}

	}

	/** The request with its query parameters cleaned. */
	private static final class CleanedQuery extends ServerHttpRequestDecorator {

		private final MultiValueMap<String, String> query;

		CleanedQuery(ServerHttpRequest delegate, MultiValueMap<String, String> query) {
			super(delegate);
			this.query = query;
		}

		@Override
		public MultiValueMap<String, String> getQueryParams() {
			return this.query;
		}

	}

}
