package de.pinnwand.security;

import de.pinnwand.system.SessionStoreFull;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import reactor.test.StepVerifier;

/**
 * A full session store is told by its type, so that the error handler answers 503 and not
 * 500.
 */
class BoundedSessionsTests {

	@Test
	void aSessionBeyondTheLimitIsRefusedAsAFullStore() {
		InMemoryWebSessionStore memory = new InMemoryWebSessionStore();
		memory.setMaxSessions(1);
		BoundedSessions store = new BoundedSessions(memory);
		WebSession first = store.createWebSession().block();
		first.getAttributes().put("signing-in", true);
		StepVerifier.create(first.save()).verifyComplete();
		WebSession second = store.createWebSession().block();
		second.getAttributes().put("signing-in", true);
		StepVerifier.create(second.save()).expectError(SessionStoreFull.class).verify();
		// The one in the store stays usable.
		StepVerifier.create(store.retrieveSession(first.getId())).expectNextCount(1).verifyComplete();
	}

}
