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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.turnout.warehouse.WarehouseException;
import io.turnout.warehouse.schema.JdbcLoad;
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

	/** Working tables one transaction may find missing (and so run again for). */
	static final int MAX_WORKING_TABLES = 16;

	private static final Pattern TEMPORARY_TABLE = Pattern.compile(
			"\\s*CREATE\\s+(?:TEMP|TEMPORARY)\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([^\\s(]+)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern DDL = Pattern.compile("\\s*(?:CREATE|DROP|ALTER)\\s", Pattern.CASE_INSENSITIVE);

	/** The working tables of the current session. */
	private final Set<String> workingTables = new HashSet<>();

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

	/**
	 * Runs the work in one transaction. Where DDL commits the open transaction
	 * ({@link WarehouseDialect#ddlCommits()}, Snowflake), a working table the session
	 * does not have yet is never created inside it: the transaction is rolled back, the
	 * table created on its own, and the work run again; the session keeps its tables, so
	 * this happens once per table and session.
	 */
	@Override
	public <T> T inOneTransaction(Function<SqlTransaction, T> work) {
		this.lock.lock();
		try {
			for (int attempt = 1;; attempt++) {
				Connection connection = session();
				connection.setAutoCommit(false);
				try {
					T result = work.apply(new Transaction(connection));
					connection.commit();
					return result;
				}
				catch (WorkingTableMissing missing) {
					connection.rollback();
					if (attempt > MAX_WORKING_TABLES) {
						throw new WarehouseException("More than " + MAX_WORKING_TABLES
								+ " working tables created for one transaction: " + missing.ddl, null);
					}
					connection.setAutoCommit(true);
					createWorkingTable(connection, missing);
				}
				catch (RuntimeException | Error ex) {
					connection.rollback();
					throw ex;
				}
				finally {
					connection.setAutoCommit(true);
				}
			}
		}
		catch (SQLException ex) {
			throw new WarehouseException("Warehouse transaction failed: " + ex.getMessage(), ex);
		}
		finally {
			this.lock.unlock();
		}
	}

	private void createWorkingTable(Connection connection, WorkingTableMissing missing) {
		try (PreparedStatement statement = connection.prepareStatement(missing.ddl)) {
			statement.execute();
			this.workingTables.add(missing.table);
		}
		catch (SQLException ex) {
			throw new WarehouseException("Creating the working table " + missing.table + " failed: " + ex.getMessage(),
					ex);
		}
	}

	private Connection session() throws SQLException {
		if (this.session == null || this.session.isClosed()) {
			this.session = this.sessions.get();
			this.workingTables.clear();
		}
		return this.session;
	}

	/**
	 * The temporary table a statement creates, or null when it creates none; DDL of any
	 * other kind, which would commit the transaction, is refused.
	 */
	static String temporaryTableCreated(String sql) {
		Matcher created = TEMPORARY_TABLE.matcher(sql);
		if (created.lookingAt()) {
			return created.group(1).toLowerCase(Locale.ROOT);
		}
		if (DDL.matcher(sql).lookingAt()) {
			throw new IllegalStateException("DDL inside a transaction would commit it: " + sql);
		}
		return null;
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
			JdbcLoad load = dialect.jdbcLoad(spec, table);
			load.before().forEach(this::execute);
			try (PreparedStatement statement = this.connection.prepareStatement(load.row())) {
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
			load.after().forEach(this::execute);
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
			if (dialect.ddlCommits()) {
				String table = temporaryTableCreated(sql);
				if (table != null) {
					if (workingTables.contains(table)) {
						return;
					}
					throw new WorkingTableMissing(table, sql);
				}
			}
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

	/** A working table this session does not have yet, found inside a transaction. */
	private static final class WorkingTableMissing extends RuntimeException {

		private final String table;

		private final String ddl;

		WorkingTableMissing(String table, String ddl) {
			super("working table " + table + " missing", null, false, false);
			this.table = table;
			this.ddl = ddl;
		}

	}

}
