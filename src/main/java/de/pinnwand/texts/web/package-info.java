/**
 * HTTP of the text overrides: the admins' and translators' editor, export and import of a
 * language.
 */
package de.pinnwand.texts.web;
