package de.pinnwand.system.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What was written before a restart is there after it: the data folder outlives the
 * server.
 */
class EmbeddedPostgresServerTests {

	@Test
	void keepsItsDataAcrossRestarts(@TempDir Path folder) throws Exception {
		EmbeddedPostgresServer server = new EmbeddedPostgresServer(folder.resolve("postgres"));
		server.start();
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(EmbeddedPostgresServer.DATABASE),
				EmbeddedPostgresServer.USER, "")) {
			connection.createStatement().execute("create table note (text varchar(20))");
			connection.createStatement().execute("insert into note values ('still here')");
		}
		server.stop();

		server.start();
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(EmbeddedPostgresServer.DATABASE),
				EmbeddedPostgresServer.USER, "")) {
			ResultSet rows = connection.createStatement().executeQuery("select text from note");
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("still here");
		}
		finally {
			server.stop();
		}
	}

	@Test
	void acknowledgesACommitOnlyOnceItIsOnDisk(@TempDir Path folder) throws Exception {
		EmbeddedPostgresServer server = new EmbeddedPostgresServer(folder.resolve("postgres"));
		server.start();
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(EmbeddedPostgresServer.DATABASE),
				EmbeddedPostgresServer.USER, "")) {
			assertThat(setting(connection, "fsync")).isEqualTo("on");
			assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
		}
		finally {
			server.stop();
		}
	}

	@Test
	void tradesDurabilityForSpeedOnlyWhenAskedTo(@TempDir Path folder) throws Exception {
		EmbeddedPostgresServer server = new EmbeddedPostgresServer(folder.resolve("postgres"), false);
		server.start();
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(EmbeddedPostgresServer.DATABASE),
				EmbeddedPostgresServer.USER, "")) {
			assertThat(setting(connection, "fsync")).isEqualTo("off");
		}
		finally {
			server.stop();
		}
	}

	private static String setting(Connection connection, String name) throws Exception {
		ResultSet rows = connection.createStatement().executeQuery("show " + name);
		rows.next();
		return rows.getString(1);
	}

	@Test
	void refusesADataFolderThatAnotherRunningAppUses(@TempDir Path folder) {
		EmbeddedPostgresServer first = new EmbeddedPostgresServer(folder.resolve("postgres"));
		first.start();
		try {
			EmbeddedPostgresServer second = new EmbeddedPostgresServer(folder.resolve("postgres"));
			assertThatThrownBy(second::start).isInstanceOf(EmbeddedServiceFailed.class).hasMessageContaining("in use");
		}
		finally {
			first.stop();
		}
	}

}
