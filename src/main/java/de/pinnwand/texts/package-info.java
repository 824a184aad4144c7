/**
 * Interface texts corrected in the app per language, without a release: overrides,
 * export/import, review status.
 */
package de.pinnwand.texts;
