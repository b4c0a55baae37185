package io.turnout.warehouse.snowflake;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Applies the Snowflake migrations ({@code db/warehouse/snowflake}) with Flyway, which
 * keeps its history in the schema and refuses to start when an applied file changed.
 */
public final class SnowflakeMigrations {

	private SnowflakeMigrations() {
	}

	public static void migrate(SnowflakeConnections connections, String schema) {
		Flyway.configure()
			.dataSource(new Sessions(connections))
			.locations("classpath:db/warehouse/snowflake")
			.schemas(schema)
			.load()
			.migrate();
	}

	/** Flyway's connections: Turnout's Snowflake sessions, tagged as the migration. */
	private record Sessions(SnowflakeConnections connections) implements DataSource {

		@Override
		public Connection getConnection() {
			return this.connections.open("turnout:migrate");
		}

		@Override
		public Connection getConnection(String username, String password) {
			return getConnection();
		}

		@Override
		public PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public Logger getParentLogger() throws SQLFeatureNotSupportedException {
			throw new SQLFeatureNotSupportedException();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLFeatureNotSupportedException {
			throw new SQLFeatureNotSupportedException();
		}

		@Override
		public boolean isWrapperFor(Class<?> type) {
			return false;
		}

	}

}
