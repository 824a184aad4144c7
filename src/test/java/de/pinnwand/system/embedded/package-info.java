/**
 * The embedded default: a real PostgreSQL and Elasticsearch started by the app when none
 * is configured.
 */
package de.pinnwand.system.embedded;
