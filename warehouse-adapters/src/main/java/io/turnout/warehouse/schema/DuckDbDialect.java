package io.turnout.warehouse.schema;

import java.util.List;
import java.util.stream.Collectors;

/** DuckDB, the embedded default: the dialect-neutral statements the tests execute. */
public final class DuckDbDialect extends DeleteInsertDialect {

	@Override
	public String name() {
		return "duckdb";
	}

	@Override
	public String createTable(TableSpec table, String name) {
		return "CREATE TABLE IF NOT EXISTS " + name + " (\n"
				+ table.columns()
					.stream()
					.map(column -> "    " + column.name() + " " + type(column) + (column.nullable() ? "" : " NOT NULL"))
					.collect(Collectors.joining(",\n"))
				+ "\n)";
	}

	@Override
	public String createShadow(String shadow, String table) {
		return "CREATE TABLE IF NOT EXISTS " + shadow + " AS SELECT * FROM " + table + " LIMIT 0";
	}

	@Override
	public String createStage(TableSpec table, String stage, String target) {
		return "CREATE TEMP TABLE IF NOT EXISTS " + stage + " AS SELECT * FROM " + target + " LIMIT 0";
	}

	@Override
	public String createWorkTable(TableSpec spec) {
		return "CREATE TEMP TABLE IF NOT EXISTS " + spec.name() + " (" + spec.columnDefinitions(DuckDbDialect::type)
				+ ")";
	}

	@Override
	public String createKeyStage(String keys) {
		return "CREATE TEMP TABLE IF NOT EXISTS " + keys + " (k VARCHAR)";
	}

	@Override
	public String rowHash(List<String> expressions) {
		return "md5(CAST(ROW(" + String.join(", ", expressions) + ") AS VARCHAR))";
	}

	@Override
	String sameKey(String left, String right) {
		return left + " IS NOT DISTINCT FROM " + right;
	}

	@Override
	String dateOf(String column) {
		return "CAST(" + column + " AS DATE)";
	}

	private static String type(ColumnSpec column) {
		// JSON columns hold the JSON text, as in the DuckDB migrations.
		return column.type().equals("JSON") ? "VARCHAR" : column.type();
	}

}
