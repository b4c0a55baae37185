package io.turnout.warehouse.sql;

import java.util.List;

import io.turnout.warehouse.schema.TableSpec;

/** What the SQL adapters do within one warehouse transaction. */
public interface SqlTransaction {

	/**
	 * Bulk-loads rows into a table or a staging table with the columns of {@code spec}:
	 * never row by row (DuckDB's Appender, Snowflake's array binding, a BigQuery load
	 * job).
	 * @param rows each row's values in the order of the spec's columns; JSON columns as
	 * their text
	 */
	void load(String table, TableSpec spec, List<Object[]> rows);

	/** Bulk-loads keys into a key staging table (one {@code k} column). */
	void loadKeys(String keys, List<String> values);

	/** Runs a statement; its parameters bind in order. */
	void execute(String sql, Object... parameters);

	/** The rows of a query, each as its column values. */
	List<Object[]> query(String sql, Object... parameters);

}
