package de.pinnwand.system;

/**
 * PostgreSQL cannot be reached just now (the connection was refused or lost, or no
 * connection came free in time): answered with 503 and {@code Retry-After}, as it is the
 * server's trouble and passes.
 */
public class DatabaseUnavailable extends ServiceUnavailable {

	public DatabaseUnavailable(Throwable cause) {
		super("The database is unavailable: " + cause.getClass().getSimpleName(), cause);
	}

}
