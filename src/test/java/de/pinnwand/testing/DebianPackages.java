package de.pinnwand.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian packages that some tests need (Chromium, nginx): installed by the test itself
 * when it runs as root with apt-get at hand (as {@code .ci/run} does), otherwise the test
 * is skipped with one line that names the package and the command that installs it —
 * never a failure of the whole run.
 */
public final class DebianPackages {

	private static final Set<String> tried = new HashSet<>();

	private static boolean updated;

	private DebianPackages() {
	}

	/**
	 * Makes sure the executables exist, installing the packages if possible; skips the
	 * calling test otherwise.
	 * @param packages Debian package names
	 * @param executables paths that the packages provide
	 */
	public static synchronized void require(List<String> packages, Path... executables) {
		if (present(executables)) {
			return;
		}
		List<String> missing = new ArrayList<>(packages);
		missing.removeAll(tried);
		if (!missing.isEmpty() && "root".equals(System.getProperty("user.name"))
				&& Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
			tried.addAll(missing);
			install(missing);
		}
		String command = "sudo apt-get install -y " + String.join(" ", packages);
		if (!present(executables)) {
			System.out.println("Skipped: needs Debian's " + String.join(" and ", packages) + " (" + command + ")");
		}
		Assumptions.assumeTrue(present(executables),
				() -> "needs Debian's " + String.join(" and ", packages) + ": " + command);
	}

	private static boolean present(Path... executables) {
		for (Path executable : executables) {
			if (!Files.isExecutable(executable)) {
				return false;
			}
		}
		return true;
	}

	private static void install(List<String> packages) {
		try {
			if (!updated) {
				run(List.of("apt-get", "update", "-qq"));
				updated = true;
			}
			List<String> command = new ArrayList<>(List.of("apt-get", "install", "-y", "-qq"));
			command.addAll(packages);
			run(command);
		}
		catch (IOException ex) {
			System.out.println("Could not install " + packages + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void run(List<String> command) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD);
		builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
		Process process = builder.start();
		if (!process.waitFor(10, TimeUnit.MINUTES)) {
			process.destroyForcibly();
		}
	}

}
