package de.pinnwand.texts;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import de.pinnwand.accounts.Member;
import de.pinnwand.accounts.Role;
import de.pinnwand.audit.AuditLog;
import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.PortalZone;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Interface texts corrected in the app, per language: stored in PostgreSQL, each change
 * audited, and held in memory so that looking one up costs a map access. Every change
 * raises a version counter in the same transaction; each instance polls it
 * ({@link #refresh()}) and reloads when it moved, so all instances show a change within
 * {@code pinnwand.texts.refresh-interval}.
 */
@Service
public class TextOverrides {

	/** The longest text one override may have. */
	public static final int MAX_TEXT = 4000;

	private final TextOverrideRecords records;

	private final AuditLog audit;

	private final TransactionalOperator transaction;

	private final Clock clock;

	private final Bundles bundles;

	/** Language → key → text; replaced as a whole, never changed in place. */
	private volatile Map<String, Map<String, String>> overrides = Map.of();

	private volatile Map<String, LocalDate> reviewed = Map.of();

	private volatile long version = -1;

	TextOverrides(TextOverrideRecords records, AuditLog audit, TransactionalOperator transaction, Clock clock,
			Bundles bundles) {
		this.records = records;
		this.audit = audit;
		this.transaction = transaction;
		this.clock = clock;
		this.bundles = bundles;
	}

	/** One corrected text. */
	public record Override(String key, String text, String shipped) {
	}

	/** When a native speaker last checked a language. */
	public record Review(String language, LocalDate reviewedOn, String reviewer) {
	}

	/** What an import changed. */
	public record Imported(int changed, int reset) {
	}

	/**
	 * The corrected text for a key in a language tag ({@code fa-AF}, else its language
	 * {@code fa}), or null.
	 */
	public String find(Locale locale, String key) {
		Map<String, Map<String, String>> current = this.overrides;
		if (current.isEmpty()) {
			return null;
		}
		Map<String, String> exact = current.get(locale.toLanguageTag());
		String text = (exact != null) ? exact.get(key) : null;
		if (text == null && !locale.getCountry().isEmpty()) {
			Map<String, String> language = current.get(locale.getLanguage());
			text = (language != null) ? language.get(key) : null;
		}
		return text;
	}

	/**
	 * Reloads the overrides when another instance (or this one) changed them since the
	 * last look.
	 */
	public Mono<Boolean> refresh() {
		return this.records.version()
			.flatMap((current) -> (current == this.version) ? Mono.just(false)
					: this.records.all()
						.zipWith(reviews().collectMap(Review::language, Review::reviewedOn))
						.map((both) -> {
							this.overrides = both.getT1();
							this.reviewed = Map.copyOf(both.getT2());
							this.version = current;
							return true;
						}));
	}

	/**
	 * When a native speaker last checked each language, as the last refresh found it (a
	 * review bumps the version).
	 */
	Map<String, LocalDate> reviewedLanguages() {
		return this.reviewed;
	}

	/** The corrected texts of a language, by key, for admins and translators. */
	public Flux<Override> overrides(Member by, String language) {
		return allowed(by, language).thenMany(Flux.defer(() -> {
			Map<String, String> shipped = this.bundles.shipped(language);
			return this.records.of(language)
				.map((row) -> new Override(row[0], row[1], shipped.getOrDefault(row[0], "")));
		}));
	}

	/**
	 * Corrects one text; audited. A text equal to the shipped one removes the correction.
	 */
	public Mono<Void> set(Member by, String language, String key, String text) {
		return allowed(by, language).then(Mono.defer(() -> {
			Map<String, String> shipped = this.bundles.shipped(language);
			List<FieldProblem> problems = check(shipped, language, key, text);
			if (!problems.isEmpty()) {
				return Mono.error(new InvalidTexts(problems));
			}
			Mono<Void> change = text.equals(shipped.get(key)) ? remove(by, language, key)
					: upsert(by, language, key, text);
			return change.then(bump()).as(this.transaction::transactional).then(refresh()).then();
		}));
	}

	/** Takes a correction back: the shipped text shows again; audited. */
	public Mono<Void> reset(Member by, String language, String key) {
		return allowed(by, language)
			.then(Mono.defer(() -> remove(by, language, key).then(bump()).as(this.transaction::transactional)))
			.then(refresh())
			.then();
	}

	/** When a native speaker last checked the language, if ever. */
	public Mono<Review> review(String language) {
		return this.records.review(language);
	}

	/** Every language a native speaker checked. */
	public Flux<Review> reviews() {
		return this.records.reviews();
	}

	/**
	 * All texts of a language as the interface shows them (shipped, with the
	 * corrections), sorted by key.
	 */
	public Mono<Map<String, String>> effective(Member by, String language) {
		return allowed(by, language).then(Mono.fromSupplier(() -> {
			Map<String, String> texts = new TreeMap<>(this.bundles.shipped(language));
			Map<String, String> corrected = this.overrides.getOrDefault(language, Map.of());
			corrected.forEach((key, text) -> texts.computeIfPresent(key, (k, old) -> text));
			return texts;
		}));
	}

	/**
	 * Applies a language's {@code .properties} file (as exported, then edited by
	 * reviewers): texts that differ from the shipped ones become corrections, texts equal
	 * to them take a correction back. Nothing is stored when one key is unknown or one
	 * text broken. With a {@code reviewer}, the language counts as checked by a native
	 * speaker today. One audit entry for the import, one for the review.
	 */
	public Mono<Imported> importProperties(Member by, String language, String content, String reviewer) {
		return allowed(by, language).then(Mono.defer(() -> {
			Properties file = new Properties();
			try {
				file.load(new StringReader(content));
			}
			catch (IOException | IllegalArgumentException ex) {
				return Mono.error(new InvalidTexts(List.of(new FieldProblem("file", "texts.error.file"))));
			}
			Map<String, String> texts = new TreeMap<>();
			file.forEach((key, text) -> texts.put(key.toString(), text.toString()));
			return importTexts(by, language, texts, reviewer);
		}));
	}

	/**
	 * Applies texts by key as {@link #importProperties} does, from whichever file format
	 * they came in.
	 */
	public Mono<Imported> importTexts(Member by, String language, Map<String, String> file, String reviewer) {
		return allowed(by, language).then(Mono.defer(() -> {
			Map<String, String> shipped = this.bundles.shipped(language);
			Map<String, String> current = this.overrides.getOrDefault(language, Map.of());
			List<FieldProblem> problems = new ArrayList<>();
			List<Mono<Void>> changes = new ArrayList<>();
			int[] counts = new int[2];
			new TreeMap<>(file).forEach((key, text) -> {
				problems.addAll(check(shipped, language, key, text));
				if (text.equals(shipped.get(key))) {
					if (current.containsKey(key)) {
						changes.add(delete(language, key));
						counts[1]++;
					}
				}
				else if (!text.equals(current.get(key))) {
					changes.add(store(by, language, key, text));
					counts[0]++;
				}
			});
			if (!problems.isEmpty()) {
				return Mono.error(new InvalidTexts(problems.subList(0, Math.min(problems.size(), 20))));
			}
			String who = (reviewer == null || reviewer.isBlank()) ? null : reviewer.strip();
			if (who != null && who.length() > 120) {
				return Mono.error(new InvalidTexts(List.of(new FieldProblem("reviewer", "texts.error.reviewer"))));
			}
			Mono<Void> review = (who == null) ? Mono.empty()
					: this.records
						.reviewed(language, LocalDate.now(this.clock.withZone(PortalZone.ZONE)), who,
								this.clock.instant())
						.then(this.audit.record(by.accountId(), TextAudit.REVIEWED, "texts", language, who, null));
			return Flux.concat(changes)
				.then(this.audit.record(by.accountId(), TextAudit.IMPORTED, "texts", language,
						counts[0] + " corrected, " + counts[1] + " taken back", null))
				.then(review)
				.then(bump())
				.as(this.transaction::transactional)
				.then(refresh())
				.thenReturn(new Imported(counts[0], counts[1]));
		}));
	}

	private List<FieldProblem> check(Map<String, String> shipped, String language, String key, String text) {
		if (key == null || !shipped.containsKey(key)) {
			return List.of(new FieldProblem("key", "texts.error.key", String.valueOf(key)));
		}
		if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
			return List.of(new FieldProblem("text", "texts.error.text", key, MAX_TEXT));
		}
		try {
			new MessageFormat(text, ULocale.forLanguageTag(language));
		}
		catch (IllegalArgumentException ex) {
			return List.of(new FieldProblem("text", "texts.error.pattern", key));
		}
		return List.of();
	}

	/**
	 * Empty when the member may edit the language's texts; else the error that it does
	 * not exist for them.
	 */
	public Mono<Void> allowed(Member by, String language) {
		boolean may = by.isAdmin() || by.is(Role.TRANSLATOR);
		return (may && this.bundles.exists(language)) ? Mono.empty() : Mono.error(new TextsNotFound());
	}

	private Mono<Void> upsert(Member by, String language, String key, String text) {
		return store(by, language, key, text)
			.then(this.audit.record(by.accountId(), TextAudit.CORRECTED, "text", language + ":" + key, text, null));
	}

	private Mono<Void> store(Member by, String language, String key, String text) {
		return this.records.store(language, key, text, this.clock.instant(), by.accountId());
	}

	private Mono<Void> remove(Member by, String language, String key) {
		return this.records.delete(language, key)
			.flatMap((removed) -> (removed > 0)
					? this.audit.record(by.accountId(), TextAudit.RESET, "text", language + ":" + key, null, null)
					: Mono.empty());
	}

	private Mono<Void> delete(String language, String key) {
		return this.records.delete(language, key).then();
	}

	private Mono<Void> bump() {
		return this.records.bump();
	}

}
