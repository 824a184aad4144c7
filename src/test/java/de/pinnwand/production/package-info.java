/**
 * Tests of the production artifact: the packaged jar's contents and how it starts as a
 * deployment runs it.
 */
package de.pinnwand.production;
