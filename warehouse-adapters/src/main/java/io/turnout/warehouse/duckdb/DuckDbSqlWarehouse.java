package io.turnout.warehouse.duckdb;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.turnout.warehouse.WarehouseException;
import io.turnout.warehouse.schema.DuckDbDialect;
import io.turnout.warehouse.schema.TableSpec;
import io.turnout.warehouse.schema.WarehouseDialect;
import io.turnout.warehouse.sql.ResultRows;
import io.turnout.warehouse.sql.SqlTransaction;
import io.turnout.warehouse.sql.SqlWarehouse;

import org.duckdb.DuckDBAppender;

/**
 * DuckDB as a {@link SqlWarehouse}: loads through the Appender (a name without a schema
 * is a connection-private temp table), statements and queries through the writer's
 * connection, one transaction at a time.
 */
public final class DuckDbSqlWarehouse implements SqlWarehouse {

	private final DuckDbWriter writer;

	private final DuckDbDialect dialect = new DuckDbDialect();

	public DuckDbSqlWarehouse(DuckDbWriter writer) {
		this.writer = writer;
	}

	@Override
	public WarehouseDialect dialect() {
		return this.dialect;
	}

	@Override
	public <T> T inOneTransaction(Function<SqlTransaction, T> work) {
		return this.writer.inOneTransaction(() -> work.apply(new Transaction()));
	}

	private final class Transaction implements SqlTransaction {

		@Override
		public void load(String table, TableSpec spec, List<Object[]> rows) {
			int dot = table.indexOf('.');
			if (dot < 0) {
				writer.appendTemp(table, rows, Transaction::append);
			}
			else {
				writer.append(null, table.substring(0, dot), table.substring(dot + 1), rows, Transaction::append);
			}
		}

		@Override
		public void loadKeys(String keys, List<String> values) {
			writer.appendTemp(keys, values, (appender, key) -> appender.append(key));
		}

		@Override
		public void execute(String sql, Object... parameters) {
			writer.update(sql, bindable(parameters));
		}

		@Override
		public List<Object[]> query(String sql, Object... parameters) {
			List<Object[]> rows = new ArrayList<>();
			writer.query(sql, rs -> rows.addAll(ResultRows.of(rs)), bindable(parameters));
			return rows;
		}

		/** Times bind as the UTC wall clock DuckDB stores. */
		private static Object[] bindable(Object[] parameters) {
			Object[] bound = parameters.clone();
			for (int i = 0; i < bound.length; i++) {
				if (bound[i] instanceof Instant instant) {
					bound[i] = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
				}
			}
			return bound;
		}

		private static void append(DuckDBAppender appender, Object[] values) throws SQLException {
			for (Object value : values) {
				if (value == null) {
					appender.appendNull();
				}
				else if (value instanceof String text) {
					appender.append(text);
				}
				else if (value instanceof Instant instant) {
					DuckDbWriter.append(appender, instant);
				}
				else if (value instanceof LocalDate date) {
					appender.append(date);
				}
				else if (value instanceof BigDecimal decimal) {
					appender.append(decimal);
				}
				else if (value instanceof Integer number) {
					appender.append(number.intValue());
				}
				else if (value instanceof Long number) {
					appender.append(number.longValue());
				}
				else if (value instanceof Double number) {
					appender.append(number.doubleValue());
				}
				else if (value instanceof Boolean flag) {
					appender.append(flag.booleanValue());
				}
				else {
					throw new WarehouseException("Cannot load a " + value.getClass().getName() + " into DuckDB", null);
				}
			}
		}

	}

}
