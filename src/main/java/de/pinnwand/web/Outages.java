package de.pinnwand.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a passing outage (a full session store, PostgreSQL or Elasticsearch away) once a
 * minute per kind, with how many requests it refused since, instead of a stack trace per
 * request that would flood the log.
 */
final class Outages {

	private static final Logger logger = LoggerFactory.getLogger(Outages.class);

	private static final long INTERVAL = Duration.ofMinutes(1).toNanos();

	private final Map<Class<?>, long[]> seen = new ConcurrentHashMap<>();

	void note(Throwable ex) {
		long now = System.nanoTime();
		long[] state = this.seen.computeIfAbsent(ex.getClass(), (kind) -> new long[] { now - INTERVAL, 0 });
		synchronized (state) {
			state[1]++;
			if (now - state[0] < INTERVAL) {
				return;
			}
			state[0] = now;
			logger.warn("Answering 503 (" + ex.getClass().getSimpleName() + ": " + ex.getMessage() + "); " + state[1]
					+ " request(s) refused so since the last such line");
			state[1] = 0;
		}
	}

}
