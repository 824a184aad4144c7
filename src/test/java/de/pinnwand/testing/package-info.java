/**
 * Test support that several features' tests share: the machine's packages and helper
 * processes.
 */
package de.pinnwand.testing;
