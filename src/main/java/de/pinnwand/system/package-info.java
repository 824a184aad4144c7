/**
 * The kernel every feature may use: the clock, problem types, background loops, clean
 * text and portal settings.
 */
package de.pinnwand.system;
