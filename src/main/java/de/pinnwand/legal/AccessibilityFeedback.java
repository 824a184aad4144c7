package de.pinnwand.legal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import de.pinnwand.accounts.Member;
import de.pinnwand.system.FieldProblem;
import io.r2dbc.spi.Parameters;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Feedback on the site's accessibility (BITV 2.0 § 7 (1) 2): what a reader could not use,
 * kept for the coordination office. Anyone may send it, without an account; the e-mail
 * address is optional.
 */
@Service
public class AccessibilityFeedback {

	/** The most characters a message may have. */
	public static final int MAX_MESSAGE = 2000;

	/** The most characters of the place on the site the reader names. */
	public static final int MAX_LOCATION = 300;

	/** The longest e-mail address (RFC 5321). */
	public static final int MAX_EMAIL = 254;

	/** How many of the newest the coordinators' page shows. */
	public static final int SHOWN = 200;

	private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

	/**
	 * Control characters but line breaks and tabs: they have no place in a message and
	 * can hide text.
	 */
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

	private final DatabaseClient database;

	private final Clock clock;

	AccessibilityFeedback(DatabaseClient database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	/** One piece of feedback as the coordination office reads it. */
	public record Entry(UUID id, Instant receivedAt, String language, String location, String message, String email) {
	}

	/**
	 * Stores a reader's feedback.
	 * @param language the interface language it was written in
	 * @throws InvalidFeedback (as the Mono's error) when the message is empty or a field
	 * too long or malformed
	 */
	public Mono<Void> receive(Locale language, String location, String message, String email) {
		String text = clean(message);
		String where = clean(location);
		String address = (email == null) ? "" : email.strip();
		List<FieldProblem> problems = new ArrayList<>();
		if (text.isEmpty()) {
			problems.add(new FieldProblem("message", "legal.feedback.error.message-empty"));
		}
		else if (text.length() > MAX_MESSAGE) {
			problems.add(new FieldProblem("message", "legal.feedback.error.too-long", MAX_MESSAGE));
		}
		if (where.length() > MAX_LOCATION) {
			problems.add(new FieldProblem("location", "legal.feedback.error.too-long", MAX_LOCATION));
		}
		if (!address.isEmpty() && (address.length() > MAX_EMAIL || !EMAIL.matcher(address).matches())) {
			problems.add(new FieldProblem("email", "legal.feedback.error.email"));
		}
		if (!problems.isEmpty()) {
			return Mono.error(new InvalidFeedback(problems));
		}
		return this.database
			.sql("insert into accessibility_feedback (id, received_at, language, location, message, email) "
					+ "values (:id, :at, :language, :location, :message, :email)")
			.bind("id", UUID.randomUUID())
			.bind("at", this.clock.instant())
			.bind("language", language.toLanguageTag())
			.bind("location", where.isEmpty() ? Parameters.in(String.class) : where)
			.bind("message", text)
			.bind("email", address.isEmpty() ? Parameters.in(String.class) : address)
			.then();
	}

	/**
	 * The newest feedback, for the coordination office; for anyone else it does not
	 * exist.
	 */
	public Flux<Entry> newest(Member member) {
		if (!member.isCoordinator()) {
			return Flux.error(new FeedbackNotFound());
		}
		return this.database.sql("select * from accessibility_feedback order by received_at desc limit :limit")
			.bind("limit", SHOWN)
			.map((row, meta) -> new Entry(row.get("id", UUID.class), row.get("received_at", Instant.class),
					row.get("language", String.class), row.get("location", String.class),
					row.get("message", String.class), row.get("email", String.class)))
			.all();
	}

	private static String clean(String value) {
		return (value == null) ? "" : CONTROL.matcher(value).replaceAll("").strip();
	}

}
