package de.pinnwand.system.embedded;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one embedded service and starts it again, on the same port and data, when it
 * died without being stopped (a crash, the OOM killer, a fault test's SIGKILL). One
 * warning when it is found dead, one line when it is back; failed restarts are tried
 * again with a doubling wait, so a service that cannot start does not spin.
 */
final class Supervisor {

	/**
	 * What a supervised service offers: whether it should run but does not, and a
	 * restart.
	 */
	interface Service {

		/** Its name in the log, e.g. "Embedded PostgreSQL". */
		String name();

		/** Whether it was started, not stopped on purpose since, and is not alive now. */
		boolean died();

		/** Where it listens and which process was lost, for the log line. */
		String describe();

		/** Starts it again on the same port and data; a failure is thrown. */
		void restart();

	}

	private static final Logger logger = LoggerFactory.getLogger(Supervisor.class);

	private static final Duration CHECK = Duration.ofMillis(250);

	private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private final Service service;

	private final Thread thread;

	Supervisor(Service service) {
		this.service = service;
		this.thread = new Thread(this::watch, "supervisor-" + service.name().toLowerCase().replace(' ', '-'));
		this.thread.setDaemon(true);
	}

	/** Starts watching; the thread ends with the JVM. */
	Supervisor begin() {
		this.thread.start();
		return this;
	}

	private void watch() {
		while (!Thread.currentThread().isInterrupted()) {
			ProcessKeeper.sleep(CHECK);
			if (this.service.died()) {
				heal();
			}
		}
	}

	private static String firstLine(String message) {
		return (message == null) ? "" : message.lines().findFirst().orElse("");
	}

	private void heal() {
		long died = System.nanoTime();
		logger.warn(this.service.name() + " died (" + this.service.describe()
				+ "); restarting it on the same port and data");
		Duration backoff = FIRST_BACKOFF;
		for (int attempt = 1; this.service.died(); attempt++) {
			try {
				this.service.restart();
				logger.warn(this.service.name() + " is back after "
						+ Duration.ofNanos(System.nanoTime() - died).toMillis() + " ms (attempt " + attempt + ")");
				return;
			}
			catch (RuntimeException ex) {
				logger.warn(this.service.name() + " restart " + attempt + " failed, next in " + backoff.toSeconds()
						+ " s: " + firstLine(ex.getMessage()));
				ProcessKeeper.sleep(backoff);
				backoff = (backoff.compareTo(MAX_BACKOFF.dividedBy(2)) > 0) ? MAX_BACKOFF : backoff.multipliedBy(2);
			}
		}
	}

}
