package io.turnout.warehouse;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A {@link DataSource} over a warehouse's own way of opening connections, for Flyway: it
 * takes no user or password of its own, the connections carry them.
 */
public final class ConnectionDataSource implements DataSource {

	private final Connections connections;

	public ConnectionDataSource(Connections connections) {
		this.connections = connections;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return this.connections.open();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
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
	public <T> T unwrap(Class<T> type) throws SQLException {
		throw new SQLException("not a wrapper");
	}

	@Override
	public boolean isWrapperFor(Class<?> type) {
		return false;
	}

	/** Opens one connection. */
	@FunctionalInterface
	public interface Connections {

		Connection open() throws SQLException;

	}

}
