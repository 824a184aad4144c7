/**
 * HTTP of the legal pages: Impressum, privacy notice, accessibility statement with its
 * feedback form, Leichte Sprache.
 */
package de.pinnwand.legal.web;
