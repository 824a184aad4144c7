/**
 * Who may do what: the security filter chains, page sessions, rate limits, trusted
 * proxies and API access.
 */
package de.pinnwand.security;
