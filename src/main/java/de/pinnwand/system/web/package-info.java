/** The web's shared parts: languages of the interface, page layout, error pages and problem details. */
package de.pinnwand.system.web;
