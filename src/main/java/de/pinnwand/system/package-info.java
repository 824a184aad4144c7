/** Cross-cutting wiring: clock, security, rate limits, and the embedded services for local runs and tests. */
package de.pinnwand.system;
