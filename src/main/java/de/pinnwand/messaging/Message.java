package de.pinnwand.messaging;

import java.time.Instant;

/**
 * One message as a participant reads it.
 *
 * @param id its id, increasing within the conversation
 * @param side the side that wrote it
 * @param authorName the author's pseudonym, or the organisation's name when one speaks
 * for the side; null once the author's account is deleted
 * @param mine whether the reader's side wrote it
 * @param body the plain text, never markup
 * @param createdAt when it was written
 */
public record Message(long id, Side side, String authorName, boolean mine, String body, Instant createdAt) {

}
