package de.pinnwand.moderation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A reportable item as its module describes it to moderation (see
 * {@link ReportableItems}).
 *
 * @param type the item type, as {@link ReportableItems#type()}
 * @param id the item
 * @param title its name or title, as its author wrote it
 * @param description its text, as its author wrote it; may be empty
 * @param textLanguage the language {@code title} and {@code description} are written in;
 * null for unknown
 * @param href its page, for the coordinator to look at
 * @param district the district it is in, for the queue's filter and coordinators' areas;
 * null for none
 * @param placeName its municipality, for coordinators' areas; null for none
 * @param languages the languages it is offered in, for the queue's filter
 * @param authorAccountId who wrote it, for the author's history; null for unknown
 * @param createdAt when it was created
 * @param publiclyVisible whether the public can see it now (only such items can be
 * reported)
 */
public record ReportedItem(String type, UUID id, String title, String description, String textLanguage, String href,
		String district, String placeName, List<String> languages, UUID authorAccountId, Instant createdAt,
		boolean publiclyVisible) {

}
