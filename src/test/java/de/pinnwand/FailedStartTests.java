package de.pinnwand;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start of the local run that fails (here: the embedded mail server's port is taken)
 * ends the JVM and every process it started, rather than leaving the app half up with its
 * embedded PostgreSQL running.
 */
class FailedStartTests {

	@Test
	void aFailedStartEndsTheJvmAndTheServicesItStarted(@TempDir Path folder) throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			Process app = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
					TestPinnwandApplication.class.getName(), "--server.port=0",
					"--pinnwand.data-dir=" + folder.resolve("data"), "--pinnwand.embedded.sign-in.port=0",
					"--pinnwand.demo.enabled=false", "--pinnwand.embedded.mail.port=" + taken.getLocalPort(),
					"--pinnwand.search.uris=http://127.0.0.1:9", "--pinnwand.embedded.postgres.durable=false"))
				.redirectErrorStream(true)
				.redirectOutput(folder.resolve("app.log").toFile())
				.start();
			File pidFile = folder.resolve("data/postgres/postmaster.pid").toFile();
			try {
				assertThat(app.waitFor(150, TimeUnit.SECONDS)).as("the JVM ended; its log:%n%s", log(folder)).isTrue();
				assertThat(app.exitValue()).isNotZero();
				assertThat(leftPostgres(pidFile)).as("an embedded PostgreSQL still running after the JVM ended")
					.isNull();
			}
			finally {
				app.descendants().forEach(ProcessHandle::destroyForcibly);
				app.destroyForcibly();
				app.onExit().get(30, TimeUnit.SECONDS);
				// pg_ctl detaches the server from the JVM: end one left behind (ours, in
				// the test's own folder).
				ProcessHandle postgres = leftPostgres(pidFile);
				if (postgres != null) {
					postgres.destroy();
				}
			}
		}
	}

	private static ProcessHandle leftPostgres(File pidFile) throws Exception {
		if (!pidFile.exists()) {
			return null;
		}
		long pid = Long.parseLong(Files.readAllLines(pidFile.toPath()).get(0).strip());
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter((handle) -> handle.info().command().orElse("").endsWith("postgres"))
			.orElse(null);
	}

	private static String log(Path folder) throws Exception {
		List<String> lines = Files.readAllLines(folder.resolve("app.log"));
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

}
