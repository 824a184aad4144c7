/**
 * The gazetteer: German postcodes and places with their districts and centroids, and the
 * deployment's home area.
 */
package de.pinnwand.places;
