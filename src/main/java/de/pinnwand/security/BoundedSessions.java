package de.pinnwand.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import de.pinnwand.system.SessionStoreFull;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionStore;
import reactor.core.publisher.Mono;

/**
 * The in-memory session store, with its limit told as a {@link SessionStoreFull} rather
 * than as a bare {@code IllegalStateException}, so that the error handler answers 503 by
 * its type. The store refuses a new session when it is saved (as the response is about to
 * go), so that is where the limit is recognised.
 */
final class BoundedSessions implements WebSessionStore {

	private final InMemoryWebSessionStore store;

	BoundedSessions(InMemoryWebSessionStore store) {
		this.store = store;
	}

	/**
	 * How many sessions the store holds now (expired ones it has not yet swept included).
	 */
	int size() {
		return this.store.getSessions().size();
	}

	@Override
	public Mono<WebSession> createWebSession() {
		return this.store.createWebSession().map(Guarded::new);
	}

	@Override
	public Mono<WebSession> retrieveSession(String sessionId) {
		return this.store.retrieveSession(sessionId);
	}

	@Override
	public Mono<Void> removeSession(String sessionId) {
		return this.store.removeSession(sessionId);
	}

	@Override
	public Mono<WebSession> updateLastAccessTime(WebSession webSession) {
		return this.store.updateLastAccessTime((webSession instanceof Guarded guarded) ? guarded.session : webSession);
	}

	private boolean full() {
		return this.store.getSessions().size() >= this.store.getMaxSessions();
	}

	/** A new session whose first save may meet a full store. */
	private final class Guarded implements WebSession {

		private final WebSession session;

		Guarded(WebSession session) {
			this.session = session;
		}

		@Override
		public Mono<Void> save() {
			try {
				return this.session.save().onErrorMap(IllegalStateException.class, this::typed);
			}
			catch (IllegalStateException ex) {
				return Mono.error(typed(ex));
			}
		}

		private RuntimeException typed(IllegalStateException ex) {
			return full() ? new SessionStoreFull(ex) : ex;
		}

		@Override
		public String getId() {
			return this.session.getId();
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.session.getAttributes();
		}

		@Override
		public void start() {
			this.session.start();
		}

		@Override
		public boolean isStarted() {
			return this.session.isStarted();
		}

		@Override
		public Mono<Void> changeSessionId() {
			return this.session.changeSessionId();
		}

		@Override
		public Mono<Void> invalidate() {
			return this.session.invalidate();
		}

		@Override
		public boolean isExpired() {
			return this.session.isExpired();
		}

		@Override
		public Instant getCreationTime() {
			return this.session.getCreationTime();
		}

		@Override
		public Instant getLastAccessTime() {
			return this.session.getLastAccessTime();
		}

		@Override
		public void setMaxIdleTime(Duration maxIdleTime) {
			this.session.setMaxIdleTime(maxIdleTime);
		}

		@Override
		public Duration getMaxIdleTime() {
			return this.session.getMaxIdleTime();
		}

	}

}
