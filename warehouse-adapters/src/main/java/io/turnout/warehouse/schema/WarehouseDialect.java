package io.turnout.warehouse.schema;

import java.util.List;

/**
 * The SQL one warehouse needs for the tables of tables.md. Every write is an idempotent
 * replace: of the staged keys, of a day slice, or of the staged session keys of a day
 * slice, so that a replayed batch, a re-run job or both shells over one day never
 * duplicate or lose a row.
 *
 * <p>
 * Statements take the day as their one parameter, written as {@link #dayParameter()}. The
 * statements of one replace run in one transaction (or are one statement).
 */
public interface WarehouseDialect {

	/** The name of the dialect: duckdb, snowflake, bigquery. */
	String name();

	/**
	 * Whether DDL, a temporary table's creation included, commits the open transaction
	 * (Snowflake), so that a working table must exist before the transaction that uses it
	 * starts.
	 */
	default boolean ddlCommits() {
		return false;
	}

	/** How the statements write their day parameter. */
	String dayParameter();

	/**
	 * The DDL of a table BI tools read: typed columns with their descriptions,
	 * partitioned or clustered by the day.
	 */
	String createTable(TableSpec table, String name);

	/** The shadow copy of a table (migration.md, shadow mode): the same columns. */
	String createShadow(String shadow, String table);

	/**
	 * How rows reach a table through JDBC, the driver sending the batch as arrays. JSON
	 * columns bind as text.
	 */
	JdbcLoad jdbcLoad(TableSpec table, String target);

	/**
	 * A working table of the session (staged keys, slices, placements): the spec's name
	 * and columns, gone with the session.
	 */
	String createWorkTable(TableSpec spec);

	/**
	 * The business day of a table's rows, as an expression on the rows of {@code alias}.
	 */
	String dayExpression(TableSpec table, String alias);

	/**
	 * A hash of several column values, nulls included: two rows hash alike when equal.
	 */
	String rowHash(List<String> expressions);

	/**
	 * A condition every row of a table meets, that names its partitioning column: for the
	 * reads and writes by key that must look at every day (deduplication is global), in a
	 * warehouse that refuses a query on a large table without a partition filter
	 * (BigQuery's {@code require_partition_filter}).
	 * @param alias the table's alias in the statement; null for none
	 */
	default String everyDay(TableSpec table, String alias) {
		return "TRUE";
	}

	/** An expression as text, {@code null} spelled out: for naming keys. */
	String keyText(String expression);

	/** Text concatenation of two expressions. */
	String concat(String left, String right);

	/** A staging table of keys: one {@code k} column of text. */
	String createKeyStage(String keys);

	/** Empties a staging table. */
	String emptyStage(String stage);

	/** Deletes the rows whose {@code keyColumn} is among the staged keys. */
	String deleteKeys(TableSpec table, String target, String keyColumn, String keys);

	/**
	 * Inserts the staged rows whose key is not stored yet, one per key: for tables whose
	 * rows never change once written ({@code failed_events}).
	 */
	String insertMissing(TableSpec table, String target, String stage);

	/**
	 * A staging table of the session for one load into a table: its columns, without
	 * constraints.
	 */
	String createStage(TableSpec table, String stage, String target);

	/**
	 * Replaces the staged rows by key: each staged key's row replaces the stored one, or
	 * is added. A stored copy may be on any day: no parameter.
	 */
	List<String> replaceKeys(TableSpec table, String target, String stage);

	/** Replaces one day of a table with the staged rows. */
	List<String> replaceDay(TableSpec table, String target, String stage);

	/**
	 * Replaces the rows of one day whose {@code keyColumn} is among the keys staged in
	 * {@code keys} (one column, {@code k}) with the staged rows.
	 */
	List<String> replaceDayOfKeys(TableSpec table, String target, String stage, String keyColumn, String keys);

}
