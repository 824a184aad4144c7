/**
 * Notices for members: in the portal always, by e-mail (at once or as a daily digest)
 * when they chose it.
 */
package de.pinnwand.notifications;
