/** Sign-in wiring, the profile page and {@code /api/v1/me}. */
package de.pinnwand.accounts.web;
