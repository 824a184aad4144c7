package de.pinnwand.messaging;

import java.util.UUID;

/**
 * A participant opened a conversation and has now read all of it; notices about its new
 * messages are no news for them any more.
 *
 * @param conversationId the conversation
 * @param accountId who read it
 */
public record ConversationRead(UUID conversationId, UUID accountId) {

}
