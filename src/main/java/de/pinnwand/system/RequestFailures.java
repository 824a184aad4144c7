package de.pinnwand.system;

import java.net.ConnectException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import de.pinnwand.system.JsonInput.ForbiddenCharactersInJson;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Tells what a low-level failure means for the person who sent the request, so that the
 * error handler answers by type: a JSON body that cannot be read names the field and the
 * form it expected, a body that cannot be decoded is a 400, and a lost or refused
 * database connection is a passing 503 rather than a 500.
 */
public final class RequestFailures {

	private RequestFailures() {
	}

	/** The failure as one of the app's own types where one fits, else unchanged. */
	public static Throwable translate(Throwable ex) {
		if (ex instanceof InvalidInput || ex instanceof UnreadableRequest || ex instanceof ServiceUnavailable) {
			return ex;
		}
		// A status the portal chose with its own text (sign-in while the provider is
		// away) stays as it is, whatever
		// connection trouble lies underneath.
		if (ex instanceof org.springframework.web.server.ResponseStatusException chosen && chosen.getReason() != null
				&& chosen.getReason().startsWith("errorpage.detail.")) {
			return ex;
		}
		for (Throwable cause = ex; cause != null; cause = next(cause)) {
			if (cause instanceof DataBufferLimitException tooLarge) {
				return tooLarge;
			}
			// A body type that refused itself while it was read (see ConversationsApi's
			// disclosure).
			if (cause instanceof UnreadableRequest || cause instanceof InvalidInput) {
				return cause;
			}
			// Jackson's own exception knows the field; the codec's DecodingException
			// around it does not.
			if (cause instanceof JacksonException json) {
				return unreadableJson(json);
			}
		}
		for (Throwable cause = ex; cause != null; cause = next(cause)) {
			if (cause instanceof DecodingException decoding) {
				return new UnreadableRequest("body", List.of(new FieldProblem("body", "request.unreadable")), decoding);
			}
			if (isConnectionTrouble(cause)) {
				return new DatabaseUnavailable(cause);
			}
		}
		return ex;
	}

	private static Throwable next(Throwable cause) {
		return (cause.getCause() != cause) ? cause.getCause() : null;
	}

	private static Throwable unreadableJson(JacksonException ex) {
		String field = path(ex);
		if (ex instanceof ForbiddenCharactersInJson) {
			return new ForbiddenCharacters(List.of(field));
		}
		if (ex instanceof UnrecognizedPropertyException) {
			return new UnreadableRequest("json", List.of(new FieldProblem(field, "json.unknown-field")), ex);
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return new UnreadableRequest("json",
					List.of(new FieldProblem(field, "json.expected." + expected(mismatch.getTargetType()))), ex);
		}
		return new UnreadableRequest("json", List.of(new FieldProblem(field, "json.syntax")), ex);
	}

	/**
	 * The field as the API calls it: {@code place.postcode}, {@code topics[2]};
	 * {@code body} for the whole.
	 */
	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append((path.length() > 0) ? "." : "").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return (path.length() > 0) ? path.toString() : "body";
	}

	private static String expected(Class<?> type) {
		if (type == String.class || type == Character.class || type == char.class || type.isEnum()) {
			return "text";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "boolean";
		}
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != void.class)) {
			return "number";
		}
		if (type == LocalDate.class) {
			return "date";
		}
		if (type == LocalTime.class) {
			return "time";
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return "text";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "list";
		}
		return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "object" : "text";
	}

	private static boolean isConnectionTrouble(Throwable cause) {
		return cause instanceof R2dbcNonTransientResourceException || cause instanceof R2dbcTransientResourceException
				|| cause instanceof R2dbcTimeoutException || cause instanceof DataAccessResourceFailureException
				|| cause instanceof TransientDataAccessResourceException || cause instanceof QueryTimeoutException
				|| cause instanceof ConnectException || cause instanceof TimeoutException
				// No connection for a transaction (PostgreSQL just died or restarts): an
				// outage too.
				|| cause instanceof CannotCreateTransactionException
				// Redis (sessions, rate limits of several instances) away: Lettuce's own
				// type in the reactive path; a
				// command Redis refused is a fault of ours, not an outage.
				|| (cause instanceof RedisException && !(cause instanceof RedisCommandExecutionException))
				|| cause.getClass().getName().startsWith("reactor.pool.");
	}

}
