package de.pinnwand.texts.web;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.accounts.AccountService;
import de.pinnwand.accounts.Members;
import de.pinnwand.accounts.Role;
import de.pinnwand.listings.ListingIds;
import de.pinnwand.system.FieldProblem;
import de.pinnwand.texts.InvalidTexts;
import de.pinnwand.texts.TextOverrides;
import de.pinnwand.texts.TextsNotFound;
import de.pinnwand.web.InterfaceLanguages;
import de.pinnwand.web.Layout;
import de.pinnwand.web.Messages;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The admins' and translators' text editor for one language: correct or take back a text,
 * export the language as a {@code .properties} file and import a reviewed one; admins
 * also make someone a translator. Anyone else gets 404.
 */
@Controller
class TextPages {

	static final String VIEW = "texts/editor";

	/** The largest file an import reads; the bundles of one language are about 100 KB. */
	private static final int MAX_FILE = 1024 * 1024;

	private final TextOverrides texts;

	private final Members members;

	private final AccountService accounts;

	private final Layout layout;

	private final Messages messages;

	TextPages(TextOverrides texts, Members members, AccountService accounts, Layout layout, Messages messages) {
		this.texts = texts;
		this.members = members;
		this.accounts = accounts;
		this.layout = layout;
		this.messages = messages;
	}

	/** A language of the editor's switch. */
	record LanguageLink(String code, String href, boolean current) {
	}

	@GetMapping("/admin/texts/{lang}")
	Mono<Rendering> editor(@PathVariable String lang, ServerWebExchange exchange) {
		String done = exchange.getRequest().getQueryParams().getFirst("done");
		return editor(lang, exchange,
				(done != null && List.of("saved", "imported", "granted").contains(done)) ? "texts.done." + done : null,
				List.of(), HttpStatus.OK);
	}

	@PostMapping("/admin/texts/{lang}")
	Mono<Rendering> save(@PathVariable String lang, ServerWebExchange exchange) {
		return this.members.required(exchange).zipWith(exchange.getFormData()).flatMap((both) -> {
			String key = valueOr(both.getT2().getFirst("key")).strip();
			Mono<Void> change = "reset".equals(both.getT2().getFirst("action"))
					? this.texts.reset(both.getT1(), lang, key)
					: this.texts.set(both.getT1(), lang, key, valueOr(both.getT2().getFirst("text")));
			return change.thenReturn(Rendering.redirectTo("/admin/texts/" + lang + "?done=saved").build());
		})
			.onErrorResume(InvalidTexts.class,
					(invalid) -> editor(lang, exchange, null, invalid.problems(), HttpStatus.UNPROCESSABLE_CONTENT));
	}

	@GetMapping("/admin/texts/{lang}.properties")
	@ResponseBody
	Mono<ResponseEntity<byte[]>> export(@PathVariable String lang, ServerWebExchange exchange) {
		return this.members.required(exchange)
			.flatMap((member) -> this.texts.effective(member, lang))
			.zipWith(this.texts.review(lang)
				.map((review) -> "checked by a native speaker on " + review.reviewedOn()
						+ ((review.reviewer() != null) ? " (" + review.reviewer() + ")" : ""))
				.defaultIfEmpty("not checked yet"))
			.map((both) -> ResponseEntity.ok()
				.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pinnwand_" + lang + ".properties\"")
				.body(PropertiesFiles
					.write("Pinnwand interface texts, language " + lang + ", UTF-8\nReview: " + both.getT2()
							+ "\nImport the edited file at /admin/texts/" + lang, both.getT1())
					.getBytes(StandardCharsets.UTF_8)));
	}

	/** The import form is multipart (a file), so that it works without JavaScript. */
	@PostMapping("/admin/texts/{lang}.properties")
	Mono<Rendering> importFile(@PathVariable String lang, ServerWebExchange exchange) {
		return this.members.required(exchange)
			.flatMap((member) -> this.texts.allowed(member, lang)
				.then(multipart(exchange))
				.flatMap((parts) -> fileContent(parts).zipWith(Mono.just(field(parts, "reviewer"))))
				.flatMap((both) -> this.texts.importProperties(member, lang, both.getT1(), both.getT2())))
			.map((imported) -> Rendering.redirectTo("/admin/texts/" + lang + "?done=imported").build())
			.onErrorResume(InvalidTexts.class,
					(invalid) -> editor(lang, exchange, null, invalid.problems(), HttpStatus.UNPROCESSABLE_CONTENT));
	}

	@GetMapping("/admin/texts/{lang}.xlf")
	@ResponseBody
	Mono<ResponseEntity<byte[]>> exportXliff(@PathVariable String lang, ServerWebExchange exchange) {
		return this.members.required(exchange)
			.flatMap((member) -> this.texts.effective(member, lang).zipWith(this.texts.effective(member, "de")))
			.map((both) -> ResponseEntity.ok()
				.contentType(new MediaType("application", "x-xliff+xml", StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pinnwand_" + lang + ".xlf\"")
				.body(XliffFiles.bytes(XliffFiles.write(lang, both.getT2(), both.getT1()))));
	}

	/**
	 * The same import as {@link #importFile}, from an XLIFF 1.2 file (the targets count).
	 */
	@PostMapping("/admin/texts/{lang}.xlf")
	Mono<Rendering> importXliff(@PathVariable String lang, ServerWebExchange exchange) {
		return this.members.required(exchange)
			.flatMap((member) -> this.texts.allowed(member, lang)
				.then(multipart(exchange))
				.flatMap((parts) -> fileContent(parts).zipWith(Mono.just(field(parts, "reviewer"))))
				.flatMap((both) -> {
					Map<String, String> units;
					try {
						units = XliffFiles.read(both.getT1().getBytes(StandardCharsets.UTF_8));
					}
					catch (Exception notXliff) {
						return Mono.error(new InvalidTexts(List.of(new FieldProblem("file", "texts.error.file"))));
					}
					return this.texts.importTexts(member, lang, units, both.getT2());
				}))
			.map((imported) -> Rendering.redirectTo("/admin/texts/" + lang + "?done=imported").build())
			.onErrorResume(InvalidTexts.class,
					(invalid) -> editor(lang, exchange, null, invalid.problems(), HttpStatus.UNPROCESSABLE_CONTENT));
	}

	/**
	 * Admins make a member a translator (or take it back), by the account's id as the
	 * audit log shows it.
	 */
	@PostMapping("/admin/texts/translators")
	Mono<Rendering> translator(ServerWebExchange exchange) {
		return this.members.required(exchange).zipWith(exchange.getFormData()).flatMap((both) -> {
			if (!both.getT1().isAdmin()) {
				return Mono.error(new TextsNotFound());
			}
			UUID account = ListingIds.parse(both.getT2().getFirst("accountId"));
			if (account == null) {
				return Mono.error(new InvalidTexts(List.of(new FieldProblem("accountId", "texts.error.account"))));
			}
			Mono<Void> change = "revoke".equals(both.getT2().getFirst("action"))
					? this.accounts.revoke(both.getT1(), account, Role.TRANSLATOR, "texts")
					: this.accounts.grant(both.getT1(), account, Role.TRANSLATOR, "texts");
			return change.thenReturn(Rendering.redirectTo("/admin/texts/de?done=granted").build());
		})
			.onErrorResume(InvalidTexts.class,
					(invalid) -> editor("de", exchange, null, invalid.problems(), HttpStatus.UNPROCESSABLE_CONTENT));
	}

	private Mono<Rendering> editor(String lang, ServerWebExchange exchange, String doneKey, List<FieldProblem> problems,
			HttpStatus status) {
		Locale locale = Messages.localeOf(exchange);
		return this.members.required(exchange)
			.flatMap((member) -> this.texts.overrides(member, lang)
				.collectList()
				.zipWith(this.texts.review(lang).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
				.map((both) -> {
					Map<String, Object> model = this.layout.model(exchange, "texts.page-title");
					model.put("language", lang);
					model.put("overrides", both.getT1());
					model.put("none", both.getT1().isEmpty());
					model.put("admin", member.isAdmin());
					both.getT2()
						.ifPresent((review) -> model.put("review",
								this.messages.get(locale, "texts.reviewed", review.reviewedOn()
									.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)))));
					model.put("textLanguages", languages(lang));
					model.put("maxText", TextOverrides.MAX_TEXT);
					if (doneKey != null) {
						model.put("done", this.messages.get(locale, doneKey));
					}
					model.put("problems",
							problems.stream()
								.map((problem) -> this.messages.get(locale, problem.code(), problem.arguments()))
								.toList());
					return Rendering.view(VIEW).model(model).status(status).build();
				}));
	}

	private static List<LanguageLink> languages(String current) {
		List<String> codes = new java.util.ArrayList<>(InterfaceLanguages.CODES);
		if (!codes.contains("fa-AF")) {
			codes.add(codes.indexOf("fa") + 1, "fa-AF");
		}
		return codes.stream()
			.map((code) -> new LanguageLink(code, "/admin/texts/" + code, code.equals(current)))
			.toList();
	}

	private static Mono<MultiValueMap<String, Part>> multipart(ServerWebExchange exchange) {
		MediaType type = exchange.getRequest().getHeaders().getContentType();
		if (type == null || !MediaType.MULTIPART_FORM_DATA.includes(type)) {
			return Mono.error(new InvalidTexts(List.of(new FieldProblem("file", "texts.error.file"))));
		}
		return exchange.getMultipartData();
	}

	private static Mono<String> fileContent(MultiValueMap<String, Part> parts) {
		if (!(parts.getFirst("file") instanceof FilePart file)) {
			return Mono.error(new InvalidTexts(List.of(new FieldProblem("file", "texts.error.file"))));
		}
		return DataBufferUtils.join(file.content(), MAX_FILE).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return new String(bytes, StandardCharsets.UTF_8);
		})
			.onErrorMap(org.springframework.core.io.buffer.DataBufferLimitException.class,
					(tooLarge) -> new InvalidTexts(List.of(new FieldProblem("file", "texts.error.file"))))
			.defaultIfEmpty("");
	}

	private static String field(MultiValueMap<String, Part> parts, String name) {
		return (parts.getFirst(name) instanceof FormFieldPart field) ? field.value() : "";
	}

	private static String valueOr(String value) {
		return (value != null) ? value : "";
	}

}
