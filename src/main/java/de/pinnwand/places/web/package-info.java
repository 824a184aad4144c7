/** HTTP access to the gazetteer: place suggestions for autocomplete. */
package de.pinnwand.places.web;
