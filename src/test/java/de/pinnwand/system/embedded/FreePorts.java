package de.pinnwand.system.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Picks a free loopback port at run time, so two checkouts can run side by side. */
final class FreePorts {

	private FreePorts() {
	}

	/**
	 * Ports handed out in this JVM: the services bind them later, so the system may offer
	 * one of them again.
	 */
	private static final Set<Integer> given = ConcurrentHashMap.newKeySet();

	static int pick() {
		for (int attempt = 0; attempt < 50; attempt++) {
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				socket.setReuseAddress(true);
				if (given.add(socket.getLocalPort())) {
					return socket.getLocalPort();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("No free port on the loopback interface", ex);
			}
		}
		throw new IllegalStateException("No free port on the loopback interface that was not handed out already");
	}

}
