/**
 * Council figures (Zahlen für den Gemeinderat): anonymous counts of listings, matches,
 * organisations and activities.
 */
package de.pinnwand.stats;
