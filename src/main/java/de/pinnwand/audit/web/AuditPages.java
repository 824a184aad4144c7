package de.pinnwand.audit.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import de.pinnwand.audit.AuditLog;
import de.pinnwand.audit.AuditSearch;
import de.pinnwand.system.PortalZone;
import de.pinnwand.web.Layout;
import de.pinnwand.web.Messages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The audit log for admins, newest first: a paged page and the whole log as CSV. Only
 * admins pass the security rules for {@code /admin/**}.
 */
@Controller
class AuditPages {

	static final String VIEW = "audit/log";

	static final int PAGE_SIZE = 50;

	/** The most a CSV export holds. */
	static final int EXPORT_LIMIT = 100_000;

	private static final DateTimeFormatter TIMES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(PortalZone.ZONE);

	private final AuditLog audit;

	private final AuditSearch search;

	private final Layout layout;

	private final Messages messages;

	AuditPages(AuditLog audit, AuditSearch search, Layout layout, Messages messages) {
		this.audit = audit;
		this.search = search;
		this.layout = layout;
		this.messages = messages;
	}

	/** An entry as the page shows it. */
	record EntryView(long id, String at, String actor, String action, String subject, String details, String reason) {
	}

	/** An action of the filter's select list. */
	record ActionChoice(String code, String label, boolean selected) {
	}

	@GetMapping("/admin/audit")
	Mono<Rendering> log(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, ServerWebExchange exchange) {
		int current = Math.max(page, 1);
		Map<String, Object> model = this.layout.model(exchange, "audit.page-title");
		model.put("actor", orEmpty(actor));
		model.put("from", orEmpty(from));
		model.put("to", orEmpty(to));
		AuditSearch.Query query;
		try {
			query = new AuditSearch.Query(blankToNull(actor), blankToNull(action), day(from), day(to));
		}
		catch (DateTimeParseException invalid) {
			model.put("error", this.messages.get(exchange, "stats.period.invalid-date"));
			query = null;
		}
		AuditSearch.Query filter = query;
		Locale locale = Messages.localeOf(exchange);
		Function<String, String> label = (code) -> actionLabel(code, locale);
		Mono<List<ActionChoice>> actions = this.search.actions()
			.map((code) -> new ActionChoice(code, label.apply(code), code.equals(action)))
			.collectList();
		Mono<List<EntryView>> entries = (filter == null) ? Mono.just(List.of())
				: this.search.find(filter, (long) (current - 1) * PAGE_SIZE, PAGE_SIZE + 1)
					.map((named) -> view(named, label))
					.collectList();
		return Mono.zip(actions, entries).map((both) -> {
			List<EntryView> shown = both.getT2();
			model.put("actions", both.getT1());
			model.put("noAction", action == null || action.isBlank());
			model.put("entries", shown.subList(0, Math.min(shown.size(), PAGE_SIZE)));
			model.put("empty", shown.isEmpty());
			if (current > 1) {
				model.put("previous", pageLink(current - 1, actor, action, from, to));
			}
			if (shown.size() > PAGE_SIZE) {
				model.put("next", pageLink(current + 1, actor, action, from, to));
			}
			return Rendering.view(VIEW)
				.model(model)
				.status((filter == null) ? HttpStatus.BAD_REQUEST : HttpStatus.OK)
				.build();
		});
	}

	/**
	 * Who acted by pseudonym and what was acted on by name, each with its id for tracing.
	 */
	private static EntryView view(AuditSearch.Named named, Function<String, String> label) {
		AuditLog.Entry entry = named.entry();
		String actor = (entry.actorAccountId() == null) ? ""
				: (named.actorName() != null) ? named.actorName() : entry.actorAccountId().toString();
		String subject = entry.subjectType() + " " + entry.subjectId();
		return new EntryView(entry.id(), TIMES.format(entry.at()), actor, label.apply(entry.action()),
				(named.subjectName() != null) ? named.subjectName() + " (" + subject + ")" : subject,
				orEmpty(entry.details()), orEmpty(entry.reason()));
	}

	/** A page of the log with the same filters: paging keeps what the admin chose. */
	private static String pageLink(int page, String actor, String action, String from, String to) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/admin/audit").queryParam("page", page);
		Map.of("actor", orEmpty(actor), "action", orEmpty(action), "from", orEmpty(from), "to", orEmpty(to))
			.entrySet()
			.stream()
			.filter((param) -> !param.getValue().isBlank())
			.sorted(Map.Entry.comparingByKey())
			.forEach((param) -> uri.queryParam(param.getKey(), param.getValue()));
		return uri.encode().build().toUriString();
	}

	/**
	 * An action in words; an action without a text of its own (added by a module later)
	 * shows its code rather than nothing.
	 */
	private String actionLabel(String code, Locale locale) {
		String key = "audit.action." + code;
		String text = this.messages.get(locale, key);
		return text.equals(key) ? code : text;
	}

	private static LocalDate day(String text) {
		return (text == null || text.isBlank()) ? null : LocalDate.parse(text.strip());
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	@GetMapping("/admin/audit.csv")
	@ResponseBody
	Mono<ResponseEntity<byte[]>> export() {
		return this.audit.newest(EXPORT_LIMIT)
			.map((entry) -> String.join(",",
					List.of(String.valueOf(entry.id()), entry.at().toString(),
							csv((entry.actorAccountId() != null) ? entry.actorAccountId().toString() : null),
							csv(entry.action()), csv(entry.subjectType()), csv(entry.subjectId()), csv(entry.details()),
							csv(entry.reason())))
					+ "\r\n")
			.reduce(new StringBuilder("id,at,actor,action,subject_type,subject_id,details,reason\r\n"),
					StringBuilder::append)
			.map((csv) -> ResponseEntity.ok()
				.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-log.csv\"")
				.body(csv.toString().getBytes(StandardCharsets.UTF_8)));
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

	/**
	 * A CSV field: quoted when it needs to be, and a leading formula character defused so
	 * that a spreadsheet shows the text rather than running it.
	 */
	static String csv(String value) {
		if (value == null) {
			return "";
		}
		String text = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
