package de.pinnwand.system.embedded;

/** An embedded service could not be started; the message says why and what to look at. */
public class EmbeddedServiceFailed extends RuntimeException {

	EmbeddedServiceFailed(String message) {
		super(message);
	}

	EmbeddedServiceFailed(String message, Throwable cause) {
		super(message, cause);
	}

}
