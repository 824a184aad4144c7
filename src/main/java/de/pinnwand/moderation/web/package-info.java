/** The moderation queue and the report forms, as pages and JSON API. */
package de.pinnwand.moderation.web;
