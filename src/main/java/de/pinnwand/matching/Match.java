package de.pinnwand.matching;

import java.util.List;

import de.pinnwand.search.ListingDocument;

/**
 * A listing that fits another one.
 *
 * @param score from 0 to 1: topic overlap, distance within reach, and fitting time frames
 * @param distanceKm between the two places' centroids
 */
public record Match(ListingDocument listing, double score, double distanceKm, List<MatchReason> reasons) {

}
