package de.pinnwand.moderation;

import java.time.Instant;

/**
 * One open report of a listing (or another reported item) as a coordinator sees it; who
 * reported stays hidden.
 */
public record ListingReport(String reason, String text, Instant at) {

}
