/**
 * The append-only audit log of what coordinators, admins and the system did to people's
 * accounts and content.
 */
package de.pinnwand.audit;
