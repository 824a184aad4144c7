/**
 * People's accounts: signed in through OpenID Connect, keyed by the provider's subject,
 * with a minimal profile and roles.
 */
package de.pinnwand.accounts;
