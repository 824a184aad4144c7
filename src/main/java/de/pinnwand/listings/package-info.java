/**
 * Listings: the offers (Angebote) and requests (Gesuche) people post on the notice board.
 */
package de.pinnwand.listings;
