/**
 * HTTP of notifications: the member's page and API, the unsubscribe link, the embedded
 * run's mail page.
 */
package de.pinnwand.notifications.web;
