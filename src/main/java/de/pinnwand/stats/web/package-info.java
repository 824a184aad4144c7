/** The figures page for the coordination office, its print view and its CSV export. */
package de.pinnwand.stats.web;
