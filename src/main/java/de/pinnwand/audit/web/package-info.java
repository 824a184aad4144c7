/** The audit log viewer for admins: a page and a CSV export. */
package de.pinnwand.audit.web;
