package de.pinnwand.system;

/**
 * The page session store holds as many sessions as it may
 * ({@code pinnwand.sessions.max-sessions}): a new one is refused for now (503) rather
 * than letting the store grow without bound.
 */
public class SessionStoreFull extends ServiceUnavailable {

	public SessionStoreFull(Throwable cause) {
		super("The session store is full", cause);
	}

}
