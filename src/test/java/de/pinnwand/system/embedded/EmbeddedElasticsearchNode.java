package de.pinnwand.system.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Elasticsearch server distribution, unpacked once into a cache and run as a
 * child process on 127.0.0.1. Elasticsearch refuses to run as root, so as root the node
 * runs under an unprivileged system user that is created when missing.
 */
public final class EmbeddedElasticsearchNode implements Supervisor.Service {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedElasticsearchNode.class);

	private static final String PLUGIN_NAME = "pinnwand-analysis";

	private final Settings settings;

	private final Path workDirectory;

	private Path home;

	private int httpPort;

	private Process process;

	/**
	 * Whether the node should run: set by a start, cleared by a stop on purpose (outage
	 * tests stop it).
	 */
	private boolean wanted;

	private Supervisor supervisor;

	/** What the node needs to know; all paths absolute. */
	record Settings(Path distributionZip, byte[] analysisPlugin, Path cacheDirectory, Path dataDirectory, String heap,
			Duration startupTimeout, String systemUser) {
	}

	EmbeddedElasticsearchNode(Settings settings) {
		this.settings = settings;
		this.workDirectory = settings.dataDirectory().resolve("elasticsearch");
	}

	/** The base URL of the node's HTTP interface, e.g. {@code http://127.0.0.1:41234}. */
	public String url() {
		return "http://127.0.0.1:" + this.httpPort;
	}

	/** Whether the node's process is alive. */
	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * Starts the node and waits until the cluster is at least yellow; keeps the port of
	 * an earlier start.
	 */
	public synchronized void start() {
		if (isRunning()) {
			return;
		}
		long started = System.nanoTime();
		try {
			this.home = install();
			if (this.httpPort == 0) {
				this.httpPort = FreePorts.pick();
			}
			Path run = prepareRunDirectory();
			this.process = launch(run);
			awaitHealthy(run);
			this.wanted = true;
			if (this.supervisor == null) {
				this.supervisor = new Supervisor(this).begin();
			}
		}
		catch (IOException ex) {
			throw new EmbeddedServiceFailed("Elasticsearch could not be started: " + ex.getMessage(), ex);
		}
		logger.info("Embedded Elasticsearch ready at " + url() + " in "
				+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms, data in " + this.workDirectory);
	}

	/**
	 * Stops the node: the server process first, then its launcher; waits for both to end.
	 */
	public synchronized void stop() {
		this.wanted = false;
		if (this.process == null) {
			return;
		}
		ProcessKeeper.stopTree(this.process, Duration.ofSeconds(30));
		this.process = null;
		logger.info("Embedded Elasticsearch stopped");
	}

	/**
	 * The server's own process (the JVM that the launcher started and that answers on the
	 * port); fault tests signal it. Empty while the node is not running.
	 */
	public synchronized Optional<ProcessHandle> serverProcess() {
		if (this.process == null || !this.process.isAlive()) {
			return Optional.empty();
		}
		List<ProcessHandle> javas = this.process.descendants()
			.filter(ProcessHandle::isAlive)
			.filter((handle) -> handle.info().command().map((command) -> command.endsWith("/java")).orElse(false))
			.toList();
		return javas.isEmpty() ? Optional.empty() : Optional.of(javas.get(javas.size() - 1));
	}

	@Override
	public String name() {
		return "Embedded Elasticsearch";
	}

	@Override
	public synchronized boolean died() {
		return this.wanted && serverProcess().isEmpty();
	}

	@Override
	public synchronized String describe() {
		return "launcher pid " + ((this.process != null) ? this.process.pid() : "none") + ", " + url() + ", data in "
				+ this.workDirectory;
	}

	/**
	 * Starts the node again after its server died: what is left of the launcher goes
	 * first.
	 */
	@Override
	public synchronized void restart() {
		if (!died()) {
			return;
		}
		if (this.process != null) {
			ProcessKeeper.stopTree(this.process, Duration.ofSeconds(10));
			this.process = null;
		}
		start();
	}

	/**
	 * Unpacks distribution and analysis plugin into a cache folder named by the plugin's
	 * hash, so a changed plugin gets a fresh installation and an unchanged one is reused.
	 */
	private Path install() throws IOException {
		Path cache = this.settings.cacheDirectory();
		Files.createDirectories(cache);
		String key = "elasticsearch-" + distributionVersion() + "-" + contentHash(this.settings.analysisPlugin());
		Path target = cache.resolve(key);
		try (FileChannel channel = FileChannel.open(cache.resolve(".lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
			if (Files.isRegularFile(target.resolve(".complete"))) {
				markUsed(target);
				return target;
			}
			if (!Files.isRegularFile(this.settings.distributionZip())) {
				throw new EmbeddedServiceFailed("The Elasticsearch distribution is missing at "
						+ this.settings.distributionZip() + ". Build once with ./mvnw, which resolves it, or set "
						+ "pinnwand.embedded.elasticsearch.distribution.");
			}
			logger.info("Unpacking Elasticsearch into " + target + " (once)");
			Path partial = cache.resolve(key + ".partial");
			deleteRecursively(partial);
			ProcessKeeper.unzip(this.settings.distributionZip(), partial, true);
			if (this.settings.analysisPlugin().length > 0) {
				Path plugin = partial.resolve("plugins").resolve(PLUGIN_NAME);
				Path pluginZip = Files.createTempFile(cache, "plugin", ".zip");
				Files.write(pluginZip, this.settings.analysisPlugin());
				ProcessKeeper.unzip(pluginZip, plugin, false);
				Files.delete(pluginZip);
			}
			else {
				logger.warn("The analysis plugin is not on the classpath; language analyzers will be missing");
			}
			makeReadableForAll(partial);
			deleteRecursively(target);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			Files.writeString(target.resolve(".complete"), key);
			markUsed(target);
			removeUnusedInstallations(cache, key);
			return target;
		}
	}

	private String distributionVersion() {
		String name = this.settings.distributionZip().getFileName().toString();
		return name.replace("elasticsearch-", "").replace(".zip", "");
	}

	private static void markUsed(Path installation) throws IOException {
		Files.writeString(installation.resolve(".last-used"), java.time.Instant.now().toString());
	}

	/**
	 * Removes installations of other plugin versions that no app has started for a week.
	 * Newer ones stay: another checkout on this machine may be running one right now.
	 */
	private static void removeUnusedInstallations(Path cache, String current) {
		String prefix = current.substring(0, current.lastIndexOf('-') + 1);
		java.time.Instant weekAgo = java.time.Instant.now().minus(Duration.ofDays(7));
		try (Stream<Path> entries = Files.list(cache)) {
			for (Path old : entries.filter(
					(p) -> p.getFileName().toString().startsWith(prefix) && !p.getFileName().toString().equals(current))
				.toList()) {
				Path used = old.resolve(".last-used");
				if (!Files.exists(used) || Files.getLastModifiedTime(used).toInstant().isBefore(weekAgo)) {
					deleteRecursively(old);
				}
			}
		}
		catch (IOException ex) {
			logger.debug("Older Elasticsearch installations left in " + cache + ": " + ex.getMessage());
		}
	}

	/**
	 * The node may run as another user: the installation must be readable, never
	 * writable, by it.
	 */
	private static void makeReadableForAll(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.toList()) {
				Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
				permissions.add(PosixFilePermission.OWNER_READ);
				permissions.add(PosixFilePermission.GROUP_READ);
				permissions.add(PosixFilePermission.OTHERS_READ);
				if (Files.isDirectory(path) || permissions.contains(PosixFilePermission.OWNER_EXECUTE)) {
					permissions.add(PosixFilePermission.GROUP_EXECUTE);
					permissions.add(PosixFilePermission.OTHERS_EXECUTE);
				}
				Files.setPosixFilePermissions(path, permissions);
			}
		}
	}

	/**
	 * Config copy, logs and temp files are made anew for each run; the data folder stays.
	 */
	private Path prepareRunDirectory() throws IOException {
		Path run = this.workDirectory.resolve("run");
		deleteRecursively(run);
		Path config = run.resolve("config");
		Files.createDirectories(config);
		Files.createDirectories(run.resolve("logs"));
		Files.createDirectories(run.resolve("tmp"));
		Files.createDirectories(this.workDirectory.resolve("data"));
		try (Stream<Path> files = Files.walk(this.home.resolve("config"))) {
			for (Path source : files.toList()) {
				Path target = config.resolve(this.home.resolve("config").relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		String yml = String.join("\n", "cluster.name: pinnwand-embedded", "node.name: pinnwand-embedded",
				"discovery.type: single-node", "network.host: 127.0.0.1", "http.port: " + this.httpPort,
				"transport.port: 0", "xpack.security.enabled: false",
				"cluster.routing.allocation.disk.threshold_enabled: false",
				// A write to the alias before the index exists must fail, not create a
				// mapping-less index.
				"action.auto_create_index: false", "path.data: " + this.workDirectory.resolve("data"),
				"path.logs: " + run.resolve("logs"), "");
		Files.writeString(config.resolve("elasticsearch.yml"), yml);
		if (runsAsRoot()) {
			UserPrincipal user = ensureSystemUser();
			chownRecursively(this.workDirectory, user);
			grantTraversal(this.workDirectory);
			grantTraversal(this.home);
		}
		return run;
	}

	private Process launch(Path run) throws IOException {
		List<String> command = new ArrayList<>();
		if (Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
			command.add("/usr/bin/setpriv");
			// The node goes down with us even when this JVM is killed without running its
			// shutdown hooks.
			command.add("--pdeathsig=TERM");
			if (runsAsRoot()) {
				command.addAll(List.of("--reuid=" + this.settings.systemUser(), "--regid=" + this.settings.systemUser(),
						"--init-groups"));
			}
			command.add("--");
		}
		else if (runsAsRoot()) {
			command.addAll(List.of("runuser", "-u", this.settings.systemUser(), "--"));
		}
		command.add(this.home.resolve("bin/elasticsearch").toString());
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
		builder.environment().put("ES_PATH_CONF", run.resolve("config").toString());
		builder.environment().put("ES_TMPDIR", run.resolve("tmp").toString());
		builder.environment().put("ES_JAVA_OPTS", "-Xms" + this.settings.heap() + " -Xmx" + this.settings.heap());
		builder.environment().remove("JAVA_TOOL_OPTIONS");
		builder.environment().remove("JDK_JAVA_OPTIONS");
		builder.environment().remove("MAVEN_OPTS");
		builder.directory(run.toFile());
		builder.redirectErrorStream(true);
		builder.redirectOutput(run.resolve("logs/console.log").toFile());
		return ProcessKeeper.startOnKeeperThread(builder, "elasticsearch-keeper");
	}

	private void awaitHealthy(Path run) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest health = HttpRequest
			.newBuilder(URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + this.settings.startupTimeout().toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new EmbeddedServiceFailed("Elasticsearch exited with code " + this.process.exitValue()
						+ " while starting. Last lines of its log:\n" + tailOfLogs(run));
			}
			try {
				HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new EmbeddedServiceFailed("Interrupted while waiting for Elasticsearch", ex);
			}
			sleep(Duration.ofMillis(250));
		}
		stop();
		throw new EmbeddedServiceFailed("Elasticsearch did not become healthy within "
				+ this.settings.startupTimeout().toSeconds() + " s. Last lines of its log:\n" + tailOfLogs(run));
	}

	private static String tailOfLogs(Path run) {
		StringBuilder tail = new StringBuilder();
		for (Path log : List.of(run.resolve("logs/console.log"), run.resolve("logs/pinnwand-embedded.log"))) {
			try {
				List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
				tail.append("--- ").append(log).append('\n');
				lines.subList(Math.max(0, lines.size() - 30), lines.size())
					.forEach((line) -> tail.append(line).append('\n'));
			}
			catch (IOException ex) {
				// that log was not written
			}
		}
		return tail.toString();
	}

	private static boolean runsAsRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private UserPrincipal ensureSystemUser() throws IOException {
		String name = this.settings.systemUser();
		try {
			return lookupUser(name);
		}
		catch (IOException missing) {
			logger.info("Creating system user '" + name + "' to run Elasticsearch (it refuses to run as root)");
			run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name));
			return lookupUser(name);
		}
	}

	private static UserPrincipal lookupUser(String name) throws IOException {
		return Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
	}

	private static void chownRecursively(Path root, UserPrincipal user) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.toList()) {
				Files.setOwner(path, user);
			}
		}
	}

	/**
	 * Every folder above the node's files must be passable for the unprivileged user.
	 * Where one is not (root's home, typically), the user gets just the right to pass
	 * through it: an ACL entry when setfacl exists, otherwise the execute bit for others
	 * (never read or write).
	 */
	private void grantTraversal(Path path) throws IOException {
		for (Path folder = path.toAbsolutePath().getParent(); folder != null; folder = folder.getParent()) {
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder);
			if (permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
				continue;
			}
			if (Files.isExecutable(Path.of("/usr/bin/setfacl"))) {
				run(List.of("/usr/bin/setfacl", "-m", "u:" + this.settings.systemUser() + ":x", folder.toString()));
			}
			else {
				permissions.add(PosixFilePermission.OTHERS_EXECUTE);
				Files.setPosixFilePermissions(folder, permissions);
			}
			logger.warn("Granted user '" + this.settings.systemUser() + "' passage through " + folder
					+ " so that Elasticsearch can reach its files");
		}
	}

	private static void run(List<String> command) throws IOException {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				throw new IOException(String.join(" ", command) + " failed: " + output.strip());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted: " + String.join(" ", command), ex);
		}
	}

	private static void deleteRecursively(Path root) throws IOException {
		if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	/**
	 * A hash of the plugin's entries (names and contents), not of the zip's bytes: the
	 * build writes new time stamps into the zip each time, and an unchanged plugin must
	 * keep its installation.
	 */
	private static String contentHash(byte[] zip) throws IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			if (zip.length > 0) {
				try (ZipFile file = ZipFile.builder().setByteArray(zip).get()) {
					List<ZipArchiveEntry> entries = Collections.list(file.getEntries());
					entries.sort(Comparator.comparing(ZipArchiveEntry::getName));
					for (ZipArchiveEntry entry : entries) {
						digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
						try (InputStream in = file.getInputStream(entry)) {
							digest.update(in.readAllBytes());
						}
					}
				}
			}
			return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
