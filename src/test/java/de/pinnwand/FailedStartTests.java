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
 * A start that fails (here: the embedded mail server's port is taken) ends the JVM and every process it started,
 * rather than leaving the app half up with its embedded PostgreSQL running.
 */
class FailedStartTests {

	@Test
	void aFailedStartEndsTheJvmAndTheServicesItStarted(@TempDir Path folder) throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			Process app = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
					PinnwandApplication.class.getName(), "--server.port=0", "--pinnwand.data-dir=" + folder.resolve("data"),
					"--pinnwand.embedded.mail.port=" + taken.getLocalPort(), "--pinnwand.search.uris=http://127.0.0.1:9",
					"--pinnwand.embedded.postgres.durable=false"))
				.redirectErrorStream(true)
				.redirectOutput(folder.resolve("app.log").toFile())
				.start();
			try {
				assertThat(app.waitFor(150, TimeUnit.SECONDS)).as("the JVM ended; its log:%n%s", log(folder)).isTrue();
				assertThat(app.exitValue()).isNotZero();
				File pidFile = folder.resolve("data/postgres/postmaster.pid").toFile();
				if (pidFile.exists()) {
					long pid = Long.parseLong(Files.readAllLines(pidFile.toPath()).get(0).strip());
					ProcessHandle postgres = ProcessHandle.of(pid).filter(ProcessHandle::isAlive).orElse(null);
					if (postgres != null && postgres.info().command().orElse("").endsWith("postgres")) {
						// Left behind: end it (it is ours, in the test's own folder), then fail.
						postgres.destroy();
						throw new AssertionError("The embedded PostgreSQL (pid " + pid + ") still ran after the JVM ended");
					}
				}
			}
			finally {
				app.descendants().forEach(ProcessHandle::destroyForcibly);
				app.destroyForcibly();
			}
		}
	}

	private static String log(Path folder) throws Exception {
		List<String> lines = Files.readAllLines(folder.resolve("app.log"));
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

}
