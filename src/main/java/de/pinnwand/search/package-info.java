/**
 * Search: the Elasticsearch index of published listings, kept in step with PostgreSQL
 * through the outbox.
 */
package de.pinnwand.search;
