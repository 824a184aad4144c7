package de.pinnwand.system.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * A real PostgreSQL server from zonky's binaries, with its data folder kept across
 * restarts. It is supervised: a server that dies (killed, crashed) is started again on
 * the same port and data, so the app's pool reconnects.
 */
final class EmbeddedPostgresServer implements Supervisor.Service {

	static final String DATABASE = "pinnwand";

	static final String USER = "postgres";

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private final Path dataDirectory;

	private final boolean durable;

	private EmbeddedPostgres postgres;

	/**
	 * The port of the first start, kept for every restart: the app's connection settings
	 * name it.
	 */
	private int port;

	/** Whether the server should run: set by a start, cleared by a stop on purpose. */
	private boolean wanted;

	private long postmasterPid;

	private Supervisor supervisor;

	EmbeddedPostgresServer(Path dataDirectory) {
		this(dataDirectory, true);
	}

	/**
	 * @param durable whether commits wait for the disk; only tests may trade that for
	 * speed
	 */
	EmbeddedPostgresServer(Path dataDirectory, boolean durable) {
		this.dataDirectory = dataDirectory;
		this.durable = durable;
	}

	synchronized void start() {
		if (this.postgres != null) {
			return;
		}
		long started = System.nanoTime();
		try {
			Files.createDirectories(this.dataDirectory);
			stopOrphanedServer();
			if (this.port == 0) {
				this.port = FreePorts.pick();
			}
			this.postgres = EmbeddedPostgres.builder()
				.setDataDirectory(this.dataDirectory)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPort(this.port)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("listen_addresses", "127.0.0.1")
				// zonky starts the server with -F and synchronous_commit off, fit for
				// throw-away test data only: an
				// acknowledged write must survive a crash of the server (the later -c
				// fsync=on wins over -F).
				.setServerConfig("fsync", this.durable ? "on" : "off")
				.setServerConfig("synchronous_commit", this.durable ? "on" : "off")
				.start();
			createDatabaseIfMissing();
			this.postmasterPid = readPostmasterPid();
			this.wanted = true;
			if (this.supervisor == null) {
				this.supervisor = new Supervisor(this).begin();
			}
		}
		catch (IOException | SQLException ex) {
			throw new EmbeddedServiceFailed(
					"PostgreSQL could not be started in " + this.dataDirectory + ": " + ex.getMessage(), ex);
		}
		logger.info("Embedded PostgreSQL ready on port " + port() + " in "
				+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms, data in " + this.dataDirectory);
	}

	/**
	 * A server left running on this data folder by an app that was killed (kill -9, power
	 * cut) holds the folder: stop it. Whether its app still lives is told by zonky's lock
	 * file, which the operating system releases when the JVM holding it dies; a folder
	 * whose lock is held belongs to a running app.
	 */
	private void stopOrphanedServer() throws IOException {
		Path pidFile = this.dataDirectory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		try (FileChannel channel = FileChannel.open(this.dataDirectory.resolve("epg-lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
			if (lock == null) {
				throw inUse();
			}
		}
		catch (OverlappingFileLockException ex) {
			throw inUse();
		}
		long pid;
		try {
			pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
		}
		catch (RuntimeException ex) {
			return;
		}
		ProcessHandle server = ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter((handle) -> handle.info().command().map((command) -> command.endsWith("postgres")).orElse(false))
			.orElse(null);
		if (server == null) {
			return;
		}
		logger.warn("Stopping PostgreSQL (pid " + pid + ") left running on " + this.dataDirectory
				+ " by an app that did not shut down");
		server.destroy();
		try {
			server.onExit().get(20, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			server.destroyForcibly();
		}
	}

	private long readPostmasterPid() throws IOException {
		return Long.parseLong(Files.readAllLines(this.dataDirectory.resolve("postmaster.pid")).get(0).strip());
	}

	/** The running server's main process (the postmaster); fault tests signal it. */
	synchronized ProcessHandle postmaster() {
		return ProcessHandle.of(this.postmasterPid)
			.orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
	}

	@Override
	public String name() {
		return "Embedded PostgreSQL";
	}

	@Override
	public synchronized boolean died() {
		return this.wanted && ProcessHandle.of(this.postmasterPid).map((handle) -> !handle.isAlive()).orElse(true);
	}

	@Override
	public synchronized String describe() {
		return "postmaster pid " + this.postmasterPid + ", port " + this.port + ", data in " + this.dataDirectory;
	}

	/**
	 * Starts the server again after it died. Its backends end by themselves once the
	 * postmaster is gone; until they have, the new server refuses to start ("shared
	 * memory block still in use"), and the supervisor tries again.
	 */
	@Override
	public synchronized void restart() {
		if (!died()) {
			return;
		}
		if (this.postgres != null) {
			// The server is gone already: closing only releases zonky's lock on the
			// folder, and its failed
			// 'pg_ctl stop' would log a stack trace beside the supervisor's one line.
			LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
			String zonky = EmbeddedPostgres.class.getName();
			LogLevel before = logging.getLoggerConfiguration(zonky).getConfiguredLevel();
			logging.setLogLevel(zonky, LogLevel.OFF);
			try {
				this.postgres.close();
			}
			catch (IOException | RuntimeException ex) {
				// nothing more to stop
			}
			finally {
				logging.setLogLevel(zonky, before);
			}
			this.postgres = null;
		}
		start();
	}

	private EmbeddedServiceFailed inUse() {
		return new EmbeddedServiceFailed("The data folder " + this.dataDirectory + " is in use by another running "
				+ "app. Stop that app or set pinnwand.data-dir to another folder.");
	}

	private void createDatabaseIfMissing() throws SQLException {
		try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "")) {
			boolean exists;
			try (var statement = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
				statement.setString(1, DATABASE);
				exists = statement.executeQuery().next();
			}
			if (!exists) {
				try (var statement = connection.createStatement()) {
					statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
				}
			}
		}
	}

	int port() {
		return this.port;
	}

	String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
	}

	String r2dbcUrl() {
		return "r2dbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
	}

	synchronized void stop() {
		this.wanted = false;
		if (this.postgres == null) {
			return;
		}
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			logger.warn("Embedded PostgreSQL did not stop cleanly: " + ex.getMessage());
		}
		finally {
			this.postgres = null;
		}
	}

}
