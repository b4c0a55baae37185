package io.turnout.warehouse.duckdb;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.turnout.warehouse.WarehouseException;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The one writer of a DuckDB warehouse in this process: every use case writes through
 * this connection, one transaction at a time, so two use cases never conflict on a row.
 * Also the bulk-load helpers they share: the Appender, statements and queries.
 */
public final class DuckDbWriter implements AutoCloseable {

	private final ReentrantLock lock = new ReentrantLock(true);

	private final Connection connection;

	private final DuckDbDatabase database;

	private LoadAlongside alongside;

	public DuckDbWriter(DuckDbDatabase database) {
		this(database, connect(database));
	}

	private DuckDbWriter(DuckDbDatabase database, Connection connection) {
		this.database = database;
		this.connection = connection;
	}

	private static Connection connect(DuckDbDatabase database) {
		try {
			return database.connect();
		}
		catch (SQLException ex) {
			throw new WarehouseException("Cannot open a DuckDB writer connection: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Runs work in one transaction, committed when it returns and rolled back when it
	 * throws. Rows the work loads alongside ({@link #loadAlongside}) are committed on
	 * their own; when this transaction fails, they are deleted again.
	 */
	<T> T inOneTransaction(Supplier<T> work) {
		this.lock.lock();
		try {
			T result;
			try {
				begin();
				result = work.get();
				if (this.alongside != null) {
					this.alongside.awaitLoads();
				}
				this.connection.commit();
			}
			catch (RuntimeException | Error | SQLException ex) {
				rollback(ex);
				throw ex;
			}
			finally {
				this.connection.setAutoCommit(true);
			}
			return result;
		}
		catch (SQLException ex) {
			throw new WarehouseException("DuckDB transaction failed: " + ex.getMessage(), ex);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Rolls the transaction back, then undoes the loads alongside it that were committed,
	 * in a transaction of their own. A failure on the way is added to the transaction's.
	 */
	private void rollback(Throwable failure) {
		try {
			this.connection.rollback();
		}
		catch (SQLException ex) {
			failure.addSuppressed(ex);
		}
		if (this.alongside == null) {
			return;
		}
		List<Consumer<DuckDbWriter>> undos = this.alongside.committedUndos();
		if (undos.isEmpty()) {
			return;
		}
		try {
			execute("SELECT 1");
			undos.forEach(undo -> undo.accept(this));
			this.connection.commit();
		}
		catch (RuntimeException | SQLException ex) {
			String what = "The rows loaded alongside the failed transaction were committed, and deleting them "
					+ "failed: storing the batch again finds them stored";
			failure.addSuppressed(new WarehouseException(what, ex));
			try {
				this.connection.rollback();
			}
			catch (SQLException rollback) {
				failure.addSuppressed(rollback);
			}
		}
	}

	/**
	 * Loads rows on a second connection, in a transaction of its own, in parallel with
	 * the rest of this transaction's work (see
	 * {@link io.turnout.events.EventTables#insertEventsAlongside}). Called within
	 * {@link #inOneTransaction}: the load gets the second connection's writer, and the
	 * undo gets this writer, after this transaction failed, to delete what the load
	 * committed.
	 */
	void loadAlongside(Consumer<DuckDbWriter> load, Consumer<DuckDbWriter> undo) {
		if (!this.lock.isHeldByCurrentThread() || this.database == null) {
			throw new IllegalStateException("Rows are loaded alongside a transaction of the writer, from within it");
		}
		if (this.alongside == null) {
			this.alongside = new LoadAlongside(new DuckDbWriter(null, connect(this.database)));
		}
		this.alongside.start(load, undo);
	}

	/**
	 * Begins a transaction. DuckDB begins it with the first statement after auto-commit
	 * is off: an Appender flushed before any statement commits its rows at once.
	 */
	private void begin() throws SQLException {
		this.connection.setAutoCommit(false);
		execute("SELECT 1");
	}

	/**
	 * Appends rows to a table: a null catalog is the warehouse file's own; temp tables
	 * live in "temp".
	 */
	<T> void append(String catalog, String schema, String table, Collection<T> rows, RowWriter<T> writer) {
		if (rows.isEmpty()) {
			return;
		}
		DuckDBConnection duckdb;
		try {
			duckdb = this.connection.unwrap(DuckDBConnection.class);
		}
		catch (SQLException ex) {
			throw new WarehouseException("Not a DuckDB connection: " + ex.getMessage(), ex);
		}
		try (DuckDBAppender appender = (catalog != null) ? duckdb.createAppender(catalog, schema, table)
				: duckdb.createAppender(schema, table)) {
			for (T row : rows) {
				appender.beginRow();
				writer.write(appender, row);
				appender.endRow();
			}
			// Flushed here, not by close(): a failed flush in close() is not reported,
			// and
			// leaves the transaction aborted, so that its commit silently rolls back.
			appender.flush();
		}
		catch (SQLException ex) {
			throw new WarehouseException("Appending rows to " + table + " failed: " + ex.getMessage(), ex);
		}
	}

	<T> void appendTemp(String tempTable, Collection<T> rows, RowWriter<T> writer) {
		append("temp", "main", tempTable, rows, writer);
	}

	void execute(String... statements) {
		try (Statement statement = this.connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new WarehouseException("DuckDB statement failed: " + ex.getMessage(), ex);
		}
	}

	void query(String sql, ResultHandler handler, Object... parameters) {
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			bind(statement, parameters);
			try (ResultSet rs = statement.executeQuery()) {
				handler.handle(rs);
			}
		}
		catch (SQLException ex) {
			throw new WarehouseException("DuckDB query failed: " + ex.getMessage(), ex);
		}
	}

	void update(String sql, Object... parameters) {
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			bind(statement, parameters);
			statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw new WarehouseException("DuckDB statement failed: " + ex.getMessage(), ex);
		}
	}

	/** Binds parameters; a list becomes a {@code VARCHAR[]}. */
	private void bind(PreparedStatement statement, Object... parameters) throws SQLException {
		for (int i = 0; i < parameters.length; i++) {
			if (parameters[i] instanceof List<?> list) {
				statement.setArray(i + 1, this.connection.createArrayOf("VARCHAR", list.toArray()));
			}
			else {
				statement.setObject(i + 1, parameters[i]);
			}
		}
	}

	static void append(DuckDBAppender appender, Instant instant) throws SQLException {
		if (instant == null) {
			appender.appendNull();
		}
		else {
			// Microseconds since the epoch: the TIMESTAMP's own value, UTC, without a
			// LocalDateTime in between (a third of the appender's time for times).
			appender.appendEpochMicros(
					Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000));
		}
	}

	static void append(DuckDBAppender appender, BigDecimal value) throws SQLException {
		if (value == null) {
			appender.appendNull();
		}
		else {
			appender.append(value);
		}
	}

	static Instant instant(ResultSet rs, int column) throws SQLException {
		LocalDateTime time = rs.getObject(column, LocalDateTime.class);
		return (time != null) ? time.toInstant(ZoneOffset.UTC) : null;
	}

	@Override
	public void close() throws SQLException {
		if (this.alongside != null) {
			this.alongside.close();
		}
		this.connection.close();
	}

	/** Writes one row's values into the Appender, in column order. */
	@FunctionalInterface
	interface RowWriter<T> {

		void write(DuckDBAppender appender, T row) throws SQLException;

	}

	/** Reads a query's rows. */
	@FunctionalInterface
	interface ResultHandler {

		void handle(ResultSet rs) throws SQLException;

	}

}
