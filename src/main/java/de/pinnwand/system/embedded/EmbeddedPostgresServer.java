package de.pinnwand.system.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A real PostgreSQL server from zonky's binaries, with its data folder kept across restarts.
 */
final class EmbeddedPostgresServer {

	static final String DATABASE = "pinnwand";

	static final String USER = "postgres";

	private static final Log logger = LogFactory.getLog(EmbeddedPostgresServer.class);

	private final Path dataDirectory;

	private EmbeddedPostgres postgres;

	EmbeddedPostgresServer(Path dataDirectory) {
		this.dataDirectory = dataDirectory;
	}

	synchronized void start() {
		if (this.postgres != null) {
			return;
		}
		long started = System.nanoTime();
		try {
			Files.createDirectories(this.dataDirectory);
			this.postgres = EmbeddedPostgres.builder()
				.setDataDirectory(this.dataDirectory)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPort(FreePorts.pick())
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("listen_addresses", "127.0.0.1")
				.start();
			createDatabaseIfMissing();
		}
		catch (IOException | SQLException ex) {
			throw new EmbeddedServiceFailed("PostgreSQL could not be started in " + this.dataDirectory + ": "
					+ ex.getMessage(), ex);
		}
		logger.info("Embedded PostgreSQL ready on port " + port() + " in "
				+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms, data in " + this.dataDirectory);
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
		return this.postgres.getPort();
	}

	String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
	}

	String r2dbcUrl() {
		return "r2dbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
	}

	synchronized void stop() {
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
