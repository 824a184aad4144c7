package de.pinnwand.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.InvalidInput;
import de.pinnwand.system.RateLimitExceeded;
import de.pinnwand.system.RequestFailures;
import de.pinnwand.system.ServiceUnavailable;
import de.pinnwand.system.UnreadableRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the app answers with, in one place: RFC 9457 problem details under
 * {@code /api/**}, a page in the reader's language elsewhere. Never a stack trace or an
 * Elasticsearch message.
 */
@Component
@Order(-2)
class ErrorPages implements ErrorWebExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ErrorPages.class);

	private static final String RATE_LIMIT_DETAIL = "errorpage.detail.ratelimit";

	/**
	 * When to try again after a 503 that does not know better: outages here pass within
	 * seconds or minutes.
	 */
	static final long RETRY_AFTER_SECONDS = 30;

	private final List<ViewResolver> viewResolvers;

	private final Layout layout;

	private final Messages messages;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Outages outages = new Outages();

	/**
	 * Builds its own helpers from the message source, so it also works in narrow web test
	 * slices.
	 */
	ErrorPages(List<ViewResolver> viewResolvers, MessageSource messageSource) {
		this.viewResolvers = viewResolvers;
		this.messages = new Messages(messageSource);
		this.layout = new Layout(this.messages);
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(failure);
		}
		Throwable ex = RequestFailures.translate(failure);
		HttpStatusCode status = statusOf(ex);
		if (status.value() == 503) {
			// A passing outage: one line now and then, not a stack trace for each of
			// thousands of requests.
			this.outages.note(ex);
		}
		else if (status.is5xxServerError()) {
			logger.error(
					"Request " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath() + " failed",
					ex);
		}
		exchange.getResponse().setStatusCode(status);
		if (ex instanceof ResponseStatusException responseStatus) {
			// Retry-After of a 429, Allow of a 405, Accept of a 415.
			exchange.getResponse().getHeaders().putAll(responseStatus.getHeaders());
		}
		if (status.value() == 503 && !exchange.getResponse().getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)) {
			exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
		}
		if (wantsProblem(exchange)) {
			return problem(exchange, status, ex);
		}
		return page(exchange, status, ex);
	}

	static HttpStatusCode statusOf(Throwable ex) {
		if (ex instanceof NotFound) {
			return HttpStatus.NOT_FOUND;
		}
		if (ex instanceof InvalidInput) {
			return HttpStatus.UNPROCESSABLE_CONTENT;
		}
		// The database, the search index or the session store (full: refuse for now
		// rather than grow without bound).
		if (ex instanceof ServiceUnavailable) {
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		if (ex instanceof UnreadableRequest) {
			return HttpStatus.BAD_REQUEST;
		}
		if (ex instanceof DataBufferLimitException) {
			// An upload beyond the multipart limits, stopped while it arrived.
			return HttpStatus.CONTENT_TOO_LARGE;
		}
		if (ex instanceof OptimisticLockingFailureException) {
			return HttpStatus.CONFLICT;
		}
		if (ex instanceof ResponseStatusException responseStatus) {
			return responseStatus.getStatusCode();
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static boolean wantsProblem(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().value();
		return path.startsWith("/api/") || path.startsWith("/actuator/");
	}

	private Mono<Void> problem(ServerWebExchange exchange, HttpStatusCode status, Throwable ex) {
		Locale locale = Messages.localeOf(exchange);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", this.messages.get(locale, titleKey(status)));
		body.put("status", status.value());
		body.put("detail",
				(ex instanceof RateLimitExceeded exceeded)
						? this.messages.get(locale, RATE_LIMIT_DETAIL) + " " + retryText(locale, exceeded)
						: this.messages.get(locale, detailKey(status, ex)));
		body.put("instance", exchange.getRequest().getPath().value());
		List<FieldProblem> problems = problemsOf(ex);
		if (!problems.isEmpty()) {
			body.put("errors", problems.stream().map((problem) -> fieldError(locale, problem)).toList());
		}
		byte[] bytes = this.json.writeValueAsBytes(body);
		exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		DataBuffer buffer = exchange.getResponse().bufferFactory().wrap(bytes);
		return exchange.getResponse().writeWith(Mono.just(buffer));
	}

	private static List<FieldProblem> problemsOf(Throwable ex) {
		if (ex instanceof InvalidInput invalid) {
			return invalid.problems();
		}
		return (ex instanceof UnreadableRequest unreadable) ? unreadable.problems() : List.of();
	}

	private Map<String, Object> fieldError(Locale locale, FieldProblem problem) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("field", problem.field());
		error.put("code", problem.code());
		error.put("message", this.messages.get(locale, "error." + problem.code(), problem.arguments()));
		return error;
	}

	private Mono<Void> page(ServerWebExchange exchange, HttpStatusCode status, Throwable ex) {
		Map<String, Object> model = this.layout.model(exchange, titleKey(status));
		model.put("status", status.value());
		String detail = detailKey(status, ex);
		model.put("detail", this.messages.get(exchange, detail));
		// A sign-in that failed or took too long: the way to start it again is on the
		// page.
		model.put("signInAgain", status.value() == 401 && detail.startsWith("errorpage.detail.signin-"));
		Locale locale = Messages.localeOf(exchange);
		List<Map<String, Object>> problems = problemsOf(ex).stream()
			.map((problem) -> fieldError(locale, problem))
			.toList();
		model.put("problems", problems);
		model.put("hasProblems", !problems.isEmpty());
		if (ex instanceof RateLimitExceeded exceeded) {
			model.put("detail", this.messages.get(exchange, RATE_LIMIT_DETAIL));
			model.put("retry", retryText(Messages.localeOf(exchange), exceeded));
		}
		String view = (ex instanceof RateLimitExceeded) ? "error/429"
				: (status.value() == 404) ? "error/404" : status.is4xxClientError() ? "error/4xx" : "error/5xx";
		// Named in the render call too: the view would otherwise set a bare text/html
		// without the charset.
		MediaType html = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
		exchange.getResponse().getHeaders().setContentType(html);
		return Flux.fromIterable(this.viewResolvers)
			.concatMap((resolver) -> resolver.resolveViewName(view, Messages.localeOf(exchange)))
			.next()
			.flatMap((resolved) -> resolved.render(model, html, exchange));
	}

	/**
	 * When to try again, in the unit a person would say it: seconds below a minute,
	 * minutes below two hours, else hours; always rounded up, as earlier would be refused
	 * again.
	 */
	private String retryText(Locale locale, RateLimitExceeded exceeded) {
		long seconds = exceeded.retryAfterSeconds();
		if (seconds < 60) {
			return this.messages.get(locale, "errorpage.retry.seconds", seconds);
		}
		long minutes = (seconds + 59) / 60;
		if (minutes < 120) {
			return this.messages.get(locale, "errorpage.retry.minutes", minutes);
		}
		return this.messages.get(locale, "errorpage.retry.hours", (minutes + 59) / 60);
	}

	private static String titleKey(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "errorpage.title.400";
			case 401 -> "errorpage.title.401";
			case 403 -> "errorpage.title.403";
			case 404 -> "errorpage.title.404";
			case 405 -> "errorpage.title.405";
			case 409 -> "errorpage.title.409";
			case 413 -> "errorpage.title.413";
			case 415 -> "errorpage.title.415";
			case 422 -> "errorpage.title.422";
			case 429 -> "errorpage.title.429";
			case 503 -> "errorpage.title.503";
			default -> status.is4xxClientError() ? "errorpage.title.4xx" : "errorpage.title.5xx";
		};
	}

	/**
	 * A status exception may name a more precise detail of its own (a refused token, a
	 * failed sign-in).
	 */
	private static String detailKey(HttpStatusCode status, Throwable ex) {
		if (ex instanceof ResponseStatusException responseStatus && responseStatus.getReason() != null
				&& responseStatus.getReason().startsWith("errorpage.detail.")) {
			return responseStatus.getReason();
		}
		return titleKey(status).replace("errorpage.title.", "errorpage.detail.");
	}

}
