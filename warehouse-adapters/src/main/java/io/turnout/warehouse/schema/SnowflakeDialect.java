package io.turnout.warehouse.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Snowflake: typed columns with comments, JSON as {@code VARIANT}, tables clustered by
 * their day; replaces as a delete and an insert in one transaction.
 */
public final class SnowflakeDialect extends DeleteInsertDialect {

	@Override
	public String name() {
		return "snowflake";
	}

	/** Snowflake commits the open transaction before any DDL. */
	@Override
	public boolean ddlCommits() {
		return true;
	}

	@Override
	public String createTable(TableSpec table, String name) {
		return "CREATE TABLE IF NOT EXISTS " + name + " (\n"
				+ table.columns()
					.stream()
					.map(column -> "    " + column.name() + " " + type(column.type())
							+ (column.nullable() ? "" : " NOT NULL") + " COMMENT '" + quote(column.description()) + "'")
					.collect(Collectors.joining(",\n"))
				+ "\n)\nCLUSTER BY (" + dayOf(table) + ")";
	}

	@Override
	public String createShadow(String shadow, String table) {
		return "CREATE TABLE IF NOT EXISTS " + shadow + " LIKE " + table;
	}

	@Override
	public String createStage(TableSpec table, String stage, String target) {
		return "CREATE TEMPORARY TABLE IF NOT EXISTS " + stage + " LIKE " + target;
	}

	@Override
	public String createWorkTable(TableSpec spec) {
		return "CREATE TEMPORARY TABLE IF NOT EXISTS " + spec.name() + " ("
				+ spec.columnDefinitions(column -> type(column.type())) + ")";
	}

	@Override
	public String createKeyStage(String keys) {
		return "CREATE TEMPORARY TABLE IF NOT EXISTS " + keys + " (k VARCHAR)";
	}

	/**
	 * A table without JSON columns takes its rows straight, as arrays. JSON binds as text
	 * and a {@code VARIANT} column takes it only through {@code PARSE_JSON}, which a
	 * plain {@code VALUES} insert cannot call: such rows are bound as arrays into a
	 * temporary table with text columns, then copied with one {@code INSERT ... SELECT}.
	 */
	@Override
	public JdbcLoad jdbcLoad(TableSpec table, String target) {
		if (table.columns().stream().noneMatch(column -> column.type().equals("JSON"))) {
			return JdbcLoad.direct(insertRow(table, target));
		}
		String stage = "turnout_load_" + table.name();
		String columns = String.join(", ", table.columnNames());
		return new JdbcLoad(
				List.of("CREATE TEMPORARY TABLE IF NOT EXISTS " + stage + " ("
						+ table.columnDefinitions(
								column -> column.type().equals("JSON") ? "VARCHAR" : type(column.type()))
						+ ")", "DELETE FROM " + stage),
				"INSERT INTO " + stage + " (" + columns + ") VALUES ("
						+ String.join(", ", Collections.nCopies(table.columns().size(), "?")) + ")",
				List.of("INSERT INTO " + target + " (" + columns + ") SELECT " + table.columns()
					.stream()
					.map(column -> column.type().equals("JSON") ? "PARSE_JSON(" + column.name() + ")" : column.name())
					.collect(Collectors.joining(", ")) + " FROM " + stage, "DELETE FROM " + stage));
	}

	@Override
	public String rowHash(List<String> expressions) {
		return "HASH(" + String.join(", ", expressions) + ")";
	}

	@Override
	String sameKey(String left, String right) {
		return "EQUAL_NULL(" + left + ", " + right + ")";
	}

	@Override
	String dateOf(String column) {
		return "TO_DATE(" + column + ")";
	}

	private static String dayOf(TableSpec table) {
		return table.dayIsTimestamp() ? "TO_DATE(" + table.dayColumn() + ")" : table.dayColumn();
	}

	static String type(String type) {
		return switch (type) {
			case "TIMESTAMP" -> "TIMESTAMP_NTZ";
			case "DOUBLE" -> "FLOAT";
			case "JSON" -> "VARIANT";
			default -> type.startsWith("DECIMAL") ? type.replace("DECIMAL", "NUMBER") : type;
		};
	}

	private static String quote(String text) {
		return text.replace("\\", "\\\\").replace("'", "\\'");
	}

}
