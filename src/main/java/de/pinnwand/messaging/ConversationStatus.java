package de.pinnwand.messaging;

/** Whether a conversation still takes messages. */
public enum ConversationStatus {

	OPEN,

	/** Closed (or blocked) by one side; it stays readable for both. */
	CLOSED

}
