/**
 * Fault tests with the real services: PostgreSQL, Elasticsearch and the mail server fail
 * while the app runs.
 */
package de.pinnwand.faults;
