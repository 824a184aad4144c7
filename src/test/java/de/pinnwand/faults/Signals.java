package de.pinnwand.faults;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Sends a signal to one process this test run started, by its PID (Java itself only knows
 * TERM and KILL).
 */
final class Signals {

	private Signals() {
	}

	static void send(ProcessHandle process, String signal) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
			if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				throw new AssertionError("kill -" + signal + " " + process.pid() + " failed");
			}
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
