/** Demo content for local runs; never active in production. */
package de.pinnwand.demo;
