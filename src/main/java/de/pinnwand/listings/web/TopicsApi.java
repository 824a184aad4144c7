package de.pinnwand.listings.web;

import java.util.List;

import de.pinnwand.listings.ListingsProperties;
import de.pinnwand.system.web.Messages;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** {@code GET /api/v1/topics}: the topics listings can have, labelled in the reader's language. */
@RestController
class TopicsApi {

	private final ListingsProperties properties;

	private final Messages messages;

	TopicsApi(ListingsProperties properties, Messages messages) {
		this.properties = properties;
		this.messages = messages;
	}

	/** A topic: its stable code and its label in the language of the request. */
	record Topic(String code, String label) {
	}

	@GetMapping("/api/v1/topics")
	List<Topic> topics(ServerWebExchange exchange) {
		return this.properties.topics().stream()
			.map((code) -> new Topic(code, this.messages.get(exchange, "topic." + code)))
			.toList();
	}

}
