package de.pinnwand.listings.web;

import java.util.List;
import java.util.Locale;

import de.pinnwand.listings.TopicTree;
import de.pinnwand.web.Messages;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code GET /api/v1/topics}: the topics listings can have with their sub-topics,
 * labelled in the reader's language.
 */
@RestController
class TopicsApi {

	private final TopicTree topicTree;

	private final Messages messages;

	TopicsApi(TopicTree topicTree, Messages messages) {
		this.topicTree = topicTree;
		this.messages = messages;
	}

	/**
	 * A topic: its stable code, its label in the language of the request, and its
	 * sub-topics.
	 */
	record Topic(String code, String label, List<Subtopic> subtopics) {
	}

	/** A sub-topic: its stable code ({@code topic/subtopic}) and its label. */
	record Subtopic(String code, String label) {
	}

	@GetMapping("/api/v1/topics")
	List<Topic> topics(ServerWebExchange exchange) {
		Locale locale = Messages.localeOf(exchange);
		return this.topicTree.topics()
			.stream()
			.map((topic) -> new Topic(topic.code(), label(topic.code(), locale),
					topic.subtopics().stream().map((code) -> new Subtopic(code, label(code, locale))).toList()))
			.toList();
	}

	private String label(String code, Locale locale) {
		return this.messages.get(locale, "topic." + code);
	}

}
