package de.pinnwand.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code redis-server} on a free loopback port, for the tests of what several
 * instances share (sessions, rate limits). It keeps nothing on disk, and is stopped by
 * {@link #close()} or, as a last resort, when the test JVM ends. Without the package (and
 * no root to install it) the calling test is skipped with one line.
 */
public final class RedisServer implements AutoCloseable {

	private static final Path EXECUTABLE = Path.of("/usr/bin/redis-server");

	private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

	private final int port;

	private volatile Process process;

	private RedisServer(int port) {
		this.port = port;
	}

	/** Starts a new server; skips the calling test when Redis cannot be had. */
	public static RedisServer start() {
		DebianPackages.require(List.of("redis-server"), EXECUTABLE);
		RedisServer server = new RedisServer(TlsProxy.freePort());
		server.resume();
		return server;
	}

	public int port() {
		return this.port;
	}

	/** Whether the server is up right now. */
	public boolean running() {
		Process current = this.process;
		return current != null && current.isAlive();
	}

	/**
	 * Ends the server at once (SIGKILL), as a crash or a lost network would: what it held
	 * is gone.
	 */
	public void kill() {
		Process current = this.process;
		if (current != null) {
			current.destroyForcibly();
			awaitExit(current);
			this.process = null;
		}
	}

	/** Starts the server again on the same port (empty: it keeps nothing on disk). */
	public synchronized void resume() {
		if (running()) {
			return;
		}
		ProcessBuilder builder = new ProcessBuilder(EXECUTABLE.toString(), "--port", String.valueOf(this.port),
				"--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode",
				"yes")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD);
		try {
			Process started = builder.start();
			this.process = started;
			// The last resort for a test that does not reach close(): Redis has no
			// parent-death signal.
			Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("redis-server did not start", ex);
		}
		awaitPong();
	}

	@Override
	public void close() {
		Process current = this.process;
		if (current != null) {
			current.destroy();
			awaitExit(current);
			this.process = null;
		}
	}

	private void awaitPong() {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!running()) {
				throw new IllegalStateException("redis-server ended at its start (port " + this.port + ")");
			}
			if (ping()) {
				return;
			}
			sleep(50);
		}
		kill();
		throw new IllegalStateException("redis-server did not answer within " + START_TIMEOUT);
	}

	private boolean ping() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 500);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] answer = new byte[7];
			int read = in.readNBytes(answer, 0, answer.length);
			return new String(answer, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void awaitExit(Process process) {
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				process.waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
