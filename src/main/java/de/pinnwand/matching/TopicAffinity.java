package de.pinnwand.matching;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.pinnwand.listings.TopicTree;

/**
 * Whether two listings are about the same thing. A parent topic next to a sub-topic of
 * another parent is how people say who it is for ("basketball training, for children"),
 * not what it is about; so a listing that names any sub-topic is about its sub-topics,
 * and one that names none is about its topics. Two listings fit when what they are about
 * is the same, configured as related, or a topic on one side holds the sub-topic on the
 * other. This keeps a kindergarten request away from basketball training that merely also
 * carries "children".
 */
final class TopicAffinity {

	private final Map<String, Set<String>> related;

	TopicAffinity(Map<String, List<String>> related) {
		Map<String, Set<String>> both = new HashMap<>();
		related.forEach((code, others) -> others.forEach((other) -> {
			both.computeIfAbsent(code, (c) -> new HashSet<>()).add(other);
			both.computeIfAbsent(other, (c) -> new HashSet<>()).add(code);
		}));
		this.related = both;
	}

	/**
	 * What a listing is about: its sub-topics, or its topics when it named no sub-topic.
	 */
	static Set<String> focus(List<String> topics) {
		Set<String> subtopics = new HashSet<>();
		topics.stream().filter(TopicTree::isSubtopic).forEach(subtopics::add);
		return subtopics.isEmpty() ? Set.copyOf(topics) : subtopics;
	}

	/** Whether the two listings' topics are about the same thing. */
	boolean fits(List<String> own, List<String> other) {
		Set<String> theirs = focus(other);
		for (String mine : focus(own)) {
			for (String their : theirs) {
				if (mine.equals(their) || isRelated(mine, their) || holds(mine, their) || holds(their, mine)) {
					return true;
				}
			}
		}
		return false;
	}

	boolean isRelated(String a, String b) {
		return relatedTo(a).contains(b);
	}

	/** The codes configured as related to this one, both ways. */
	Set<String> relatedTo(String code) {
		return this.related.getOrDefault(code, Set.of());
	}

	/** A parent topic holds its sub-topics. */
	private static boolean holds(String parent, String code) {
		return !TopicTree.isSubtopic(parent) && TopicTree.isSubtopic(code) && TopicTree.parentOf(code).equals(parent);
	}

}
