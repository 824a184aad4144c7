/** Cross-cutting wiring: clock, security, and the embedded services for local runs and tests. */
package de.pinnwand.system;
