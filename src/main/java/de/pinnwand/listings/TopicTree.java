package de.pinnwand.listings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The topics listings can carry: parent topics, each with its sub-topics. A sub-topic's
 * code is {@code parent/child}, so a stored code names its parent without the
 * configuration at hand. A listing that carries a sub-topic always carries its parent
 * too: filtering by the parent finds it, and a board that later drops a sub-topic still
 * files the listing under the parent.
 */
@Component
public class TopicTree {

	/** Between a parent's code and a sub-topic's own part. */
	public static final String SEPARATOR = "/";

	/** The width of {@code listing.topics}' elements (varchar(40)). */
	static final int CODE_MAX = 40;

	private static final Pattern PART = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	/** A parent topic and the codes of its sub-topics, in the configured order. */
	public record Topic(String code, List<String> subtopics) {
	}

	private final List<Topic> topics;

	private final Set<String> codes;

	@Autowired
	TopicTree(ListingsProperties properties) {
		this(properties.topics());
	}

	private TopicTree(List<String> codes) {
		Map<String, List<String>> tree = new LinkedHashMap<>();
		for (String code : check(codes)) {
			if (isSubtopic(code)) {
				tree.computeIfAbsent(parentOf(code), (parent) -> new ArrayList<>()).add(code);
			}
			else {
				tree.computeIfAbsent(code, (parent) -> new ArrayList<>());
			}
		}
		this.topics = tree.entrySet().stream().map((e) -> new Topic(e.getKey(), List.copyOf(e.getValue()))).toList();
		this.codes = Set.copyOf(codes);
	}

	/** A tree of these codes, checked as {@link ListingsProperties} checks them. */
	public static TopicTree of(List<String> codes) {
		return new TopicTree(codes);
	}

	/** The parent topics with their sub-topics. */
	public List<Topic> topics() {
		return this.topics;
	}

	/** The parent topics' codes. */
	public List<String> parents() {
		return this.topics.stream().map(Topic::code).toList();
	}

	/**
	 * The sub-topics of a parent; empty for a parent without any and for an unknown code.
	 */
	public List<String> subtopicsOf(String parent) {
		return this.topics.stream()
			.filter((t) -> t.code().equals(parent))
			.findFirst()
			.map(Topic::subtopics)
			.orElse(List.of());
	}

	/** Whether the code is a topic or a sub-topic people can choose now. */
	public boolean isKnown(String code) {
		return this.codes.contains(code);
	}

	/** The parent of a sub-topic's code; a parent's code itself. */
	public static String parentOf(String code) {
		int separator = code.indexOf(SEPARATOR);
		return (separator < 0) ? code : code.substring(0, separator);
	}

	public static boolean isSubtopic(String code) {
		return code.contains(SEPARATOR);
	}

	/**
	 * The codes, each sub-topic preceded by its parent unless the parent came earlier;
	 * otherwise in the order given, without repeats.
	 */
	public static List<String> withParents(Collection<String> codes) {
		Set<String> result = new LinkedHashSet<>();
		for (String code : codes) {
			result.add(parentOf(code));
			result.add(code);
		}
		return List.copyOf(result);
	}

	/**
	 * The configured codes if they form a tree; otherwise an exception that names the
	 * faulty code.
	 */
	static List<String> check(List<String> codes) {
		if (codes == null || codes.isEmpty()) {
			throw new IllegalArgumentException("pinnwand.listings.topics must name at least one topic");
		}
		Set<String> seen = new LinkedHashSet<>();
		for (String code : codes) {
			String[] parts = (code != null) ? code.split(SEPARATOR, -1) : new String[] { "" };
			boolean wellFormed = parts.length <= 2 && code.length() <= CODE_MAX
					&& Arrays.stream(parts).allMatch((part) -> PART.matcher(part).matches());
			if (!wellFormed) {
				throw new IllegalArgumentException("Topic code '" + code + "' is not of the form topic or topic"
						+ SEPARATOR + "subtopic (a-z, 0-9 and '-', at most " + CODE_MAX + " characters)");
			}
			if (!seen.add(code)) {
				throw new IllegalArgumentException("Topic code '" + code + "' is listed twice");
			}
		}
		for (String code : codes) {
			if (isSubtopic(code) && !seen.contains(parentOf(code))) {
				throw new IllegalArgumentException(
						"Sub-topic '" + code + "' needs its parent '" + parentOf(code) + "' in the topics too");
			}
		}
		return List.copyOf(codes);
	}

}
