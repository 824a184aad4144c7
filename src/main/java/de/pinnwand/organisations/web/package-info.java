/** Organisation pages and {@code /api/v1/organisations}. */
package de.pinnwand.organisations.web;
