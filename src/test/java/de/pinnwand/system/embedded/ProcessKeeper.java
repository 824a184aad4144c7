package de.pinnwand.system.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * What running an external server as a child process needs: starting it safely, waiting,
 * files.
 */
final class ProcessKeeper {

	private ProcessKeeper() {
	}

	/**
	 * The parent-death signal fires when the thread that forked the process ends, not the
	 * JVM: so the process is forked by a thread of its own that lives exactly as long as
	 * the process.
	 */
	static Process startOnKeeperThread(ProcessBuilder builder, String threadName) throws IOException {
		CompletableFuture<Process> started = new CompletableFuture<>();
		Thread keeper = new Thread(() -> {
			try {
				Process process = builder.start();
				started.complete(process);
				process.waitFor();
			}
			catch (IOException ex) {
				started.completeExceptionally(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, threadName);
		keeper.setDaemon(true);
		keeper.start();
		try {
			return started.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while starting " + builder.command().get(0), ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof IOException io) ? io : new IOException(ex.getCause());
		}
	}

	/** Runs a command to its end; one that takes longer than the timeout is ended. */
	static int runToEnd(ProcessBuilder builder, Duration timeout) throws IOException {
		Process process = builder.start();
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				throw new IOException(String.join(" ", builder.command()) + " took longer than " + timeout);
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IOException("Interrupted: " + String.join(" ", builder.command()), ex);
		}
	}

	/**
	 * Stops a server started through a launcher (a script, {@code setpriv}): its
	 * descendants first, newest first, each given {@code serverWait} to end, then the
	 * launcher; what does not end in time is killed.
	 */
	static void stopTree(Process launcherProcess, Duration serverWait) {
		ProcessHandle launcher = launcherProcess.toHandle();
		List<ProcessHandle> descendants = new java.util.ArrayList<>(launcher.descendants().toList());
		Collections.reverse(descendants);
		descendants.forEach(ProcessHandle::destroy);
		descendants.forEach((handle) -> awaitExit(handle, serverWait));
		launcher.destroy();
		awaitExit(launcher, Duration.ofSeconds(10));
	}

	static void awaitExit(ProcessHandle handle, Duration timeout) {
		try {
			handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			handle.destroyForcibly();
		}
	}

	/** Unpacks a zip whose entries sit in one top folder, without that folder. */
	static void unzip(Path zip, Path target) throws IOException {
		unzip(zip, target, true);
	}

	/**
	 * Unpacks a zip, keeping the files' execute bits (and making scripts in {@code bin/}
	 * and {@code *.sh} executable, for zips made without unix modes).
	 * @param stripTopFolder whether the entries sit in one top folder that is left out
	 */
	static void unzip(Path zip, Path target, boolean stripTopFolder) throws IOException {
		Files.createDirectories(target);
		try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
			for (ZipArchiveEntry entry : Collections.list(file.getEntries())) {
				String name = entry.getName();
				if (stripTopFolder) {
					int slash = name.indexOf('/');
					name = (slash < 0) ? "" : name.substring(slash + 1);
				}
				if (name.isEmpty()) {
					continue;
				}
				Path out = target.resolve(name).normalize();
				if (!out.startsWith(target)) {
					throw new IOException("Refusing zip entry outside the target folder: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(out);
					continue;
				}
				Files.createDirectories(out.getParent());
				try (InputStream in = file.getInputStream(entry)) {
					Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
				}
				if ((entry.getUnixMode() & 0111) != 0 || name.startsWith("bin/") || name.endsWith(".sh")) {
					Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
				}
			}
		}
	}

	static void copyTree(Path source, Path target) throws IOException {
		try (Stream<Path> files = Files.walk(source)) {
			for (Path from : files.toList()) {
				Path to = target.resolve(source.relativize(from).toString());
				if (Files.isDirectory(from)) {
					Files.createDirectories(to);
				}
				else {
					Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
	}

	/** Deletes a folder; links inside it are removed, never followed. */
	static void deleteQuietly(Path root) {
		if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			// A leftover folder is harmless; the next run of the same state makes it
			// anew.
		}
	}

	static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
		}
		catch (IOException ex) {
			return "(no log at " + log + ")";
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
