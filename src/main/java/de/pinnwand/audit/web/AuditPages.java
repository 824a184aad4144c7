package de.pinnwand.audit.web;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import de.pinnwand.audit.AuditLog;
import de.pinnwand.system.PortalZone;
import de.pinnwand.web.Layout;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
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

	private final Layout layout;

	AuditPages(AuditLog audit, Layout layout) {
		this.audit = audit;
		this.layout = layout;
	}

	/** An entry as the page shows it. */
	record EntryView(long id, String at, String actor, String action, String subject, String details, String reason) {
	}

	@GetMapping("/admin/audit")
	Mono<Rendering> log(@RequestParam(defaultValue = "1") int page, ServerWebExchange exchange) {
		int current = Math.max(page, 1);
		return this.audit.newest((long) (current - 1) * PAGE_SIZE, PAGE_SIZE + 1)
			.map((entry) -> new EntryView(entry.id(), TIMES.format(entry.at()),
					(entry.actorAccountId() != null) ? entry.actorAccountId().toString() : "", entry.action(),
					entry.subjectType() + " " + entry.subjectId(), orEmpty(entry.details()), orEmpty(entry.reason())))
			.collectList()
			.map((entries) -> {
				Map<String, Object> model = this.layout.model(exchange, "audit.page-title");
				model.put("entries", entries.subList(0, Math.min(entries.size(), PAGE_SIZE)));
				model.put("empty", entries.isEmpty());
				if (current > 1) {
					model.put("previous", "/admin/audit?page=" + (current - 1));
				}
				if (entries.size() > PAGE_SIZE) {
					model.put("next", "/admin/audit?page=" + (current + 1));
				}
				return Rendering.view(VIEW).model(model).build();
			});
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
