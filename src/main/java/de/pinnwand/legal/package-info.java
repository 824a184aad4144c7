/**
 * The pages a German public body must publish (Impressum, privacy notice, accessibility
 * statement, Leichte Sprache).
 */
package de.pinnwand.legal;
