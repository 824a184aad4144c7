/**
 * The web shell: languages of the interface, page layout and messages, error pages and
 * problem details.
 */
package de.pinnwand.web;
