package de.pinnwand.matching;

import java.util.List;

/**
 * Why two listings fit, as a message code and its values, put into words in the reader's
 * language.
 *
 * @param code the message key under {@code match.reason.}: language, distance, topic,
 * time
 */
public record MatchReason(String code, List<Object> values) {

	static MatchReason of(String code, Object... values) {
		return new MatchReason(code, List.of(values));
	}

}
