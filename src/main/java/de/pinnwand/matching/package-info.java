/**
 * Matching: for every request the best offers, for every offer the open requests, each
 * with its reasons.
 */
package de.pinnwand.matching;
