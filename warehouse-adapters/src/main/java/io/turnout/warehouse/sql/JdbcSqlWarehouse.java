package io.turnout.warehouse.sql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

import io.turnout.warehouse.WarehouseException;
import io.turnout.warehouse.schema.TableSpec;
import io.turnout.warehouse.schema.WarehouseDialect;

/**
 * A SQL warehouse reached through its JDBC driver (Snowflake): one session, one
 * transaction at a time; rows loaded as JDBC batches of the dialect's row statement,
 * which the driver sends as arrays; statements and queries as prepared statements. Times
 * are UTC.
 */
public final class JdbcSqlWarehouse implements SqlWarehouse, AutoCloseable {

	/** Rows per JDBC batch. */
	static final int BATCH = 10_000;

	private final Supplier<Connection> sessions;

	private final WarehouseDialect dialect;

	private final ReentrantLock lock = new ReentrantLock(true);

	private Connection session;

	/**
	 * @param sessions opens a session (called again when the last one was closed)
	 * @param dialect the warehouse's SQL
	 */
	public JdbcSqlWarehouse(Supplier<Connection> sessions, WarehouseDialect dialect) {
		this.sessions = sessions;
		this.dialect = dialect;
	}

	@Override
	public WarehouseDialect dialect() {
		return this.dialect;
	}

	@Override
	public <T> T inOneTransaction(Function<SqlTransaction, T> work) {
		this.lock.lock();
		try {
			Connection connection = session();
			connection.setAutoCommit(false);
			try {
				T result = work.apply(new Transaction(connection));
				connection.commit();
				return result;
			}
			catch (RuntimeException | Error ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			throw new WarehouseException("Warehouse transaction failed: " + ex.getMessage(), ex);
		}
		finally {
			this.lock.unlock();
		}
	}

	private Connection session() throws SQLException {
		if (this.session == null || this.session.isClosed()) {
			this.session = this.sessions.get();
		}
		return this.session;
	}

	@Override
	public void close() throws SQLException {
		if (this.session != null) {
			this.session.close();
		}
	}

	private final class Transaction implements SqlTransaction {

		private final Connection connection;

		Transaction(Connection connection) {
			this.connection = connection;
		}

		@Override
		public void load(String table, TableSpec spec, List<Object[]> rows) {
			if (rows.isEmpty()) {
				return;
			}
			try (PreparedStatement statement = this.connection.prepareStatement(dialect.loadRow(spec, table))) {
				int pending = 0;
				for (Object[] row : rows) {
					for (int i = 0; i < row.length; i++) {
						bind(statement, i + 1, row[i]);
					}
					statement.addBatch();
					if (++pending == BATCH) {
						statement.executeBatch();
						pending = 0;
					}
				}
				if (pending > 0) {
					statement.executeBatch();
				}
			}
			catch (SQLException ex) {
				throw new WarehouseException(
						"Loading " + rows.size() + " rows into " + table + " failed: " + ex.getMessage(), ex);
			}
		}

		@Override
		public void loadKeys(String keys, List<String> values) {
			if (values.isEmpty()) {
				return;
			}
			try (PreparedStatement statement = this.connection
				.prepareStatement("INSERT INTO " + keys + " (k) VALUES (?)")) {
				for (String value : values) {
					statement.setString(1, value);
					statement.addBatch();
				}
				statement.executeBatch();
			}
			catch (SQLException ex) {
				throw new WarehouseException("Loading keys into " + keys + " failed: " + ex.getMessage(), ex);
			}
		}

		@Override
		public void execute(String sql, Object... parameters) {
			try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
				for (int i = 0; i < parameters.length; i++) {
					bind(statement, i + 1, parameters[i]);
				}
				statement.execute();
			}
			catch (SQLException ex) {
				throw new WarehouseException("Statement failed (" + sql + "): " + ex.getMessage(), ex);
			}
		}

		@Override
		public List<Object[]> query(String sql, Object... parameters) {
			try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
				for (int i = 0; i < parameters.length; i++) {
					bind(statement, i + 1, parameters[i]);
				}
				try (ResultSet rs = statement.executeQuery()) {
					return ResultRows.of(rs);
				}
			}
			catch (SQLException ex) {
				throw new WarehouseException("Query failed (" + sql + "): " + ex.getMessage(), ex);
			}
		}

		private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
			if (value == null) {
				statement.setNull(index, Types.NULL);
			}
			else if (value instanceof Instant instant) {
				statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
			}
			else if (value instanceof LocalDate date) {
				statement.setObject(index, date);
			}
			else if (value instanceof BigDecimal decimal) {
				statement.setBigDecimal(index, decimal);
			}
			else {
				statement.setObject(index, value);
			}
		}

	}

}
