/**
 * Moderation: review of new members' listings, readers' reports and the coordinators'
 * queue.
 */
package de.pinnwand.moderation;
