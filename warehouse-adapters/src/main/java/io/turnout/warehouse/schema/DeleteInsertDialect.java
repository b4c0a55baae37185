package io.turnout.warehouse.schema;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The replace statements as a transactional delete of what is replaced, then an insert of
 * the staged rows: DuckDB and Snowflake, whose transactions make the pair atomic.
 */
abstract class DeleteInsertDialect implements WarehouseDialect {

	@Override
	public String dayParameter() {
		return "?";
	}

	/** A null-safe comparison of a key column of two tables. */
	abstract String sameKey(String left, String right);

	/** The date of a timestamp column. */
	abstract String dateOf(String column);

	@Override
	public String dayExpression(TableSpec table, String alias) {
		return dayOf(table, alias);
	}

	@Override
	public String keyText(String expression) {
		return "coalesce(CAST(" + expression + " AS VARCHAR), 'null')";
	}

	String dayOf(TableSpec table, String alias) {
		String column = alias + "." + table.dayColumn();
		return table.dayIsTimestamp() ? dateOf(column) : column;
	}

	@Override
	public List<String> replaceKeys(TableSpec table, String target, String stage) {
		String matches = table.keyColumns()
			.stream()
			.map(key -> table.column(key).nullable() ? sameKey("t." + key, "s." + key) : "t." + key + " = s." + key)
			.collect(Collectors.joining(" AND "));
		return List.of("DELETE FROM " + target + " t USING " + stage + " s WHERE " + matches,
				insert(table, target, stage));
	}

	@Override
	public List<String> replaceDay(TableSpec table, String target, String stage) {
		return List.of("DELETE FROM " + target + " t WHERE " + dayOf(table, "t") + " = " + dayParameter(),
				insert(table, target, stage));
	}

	@Override
	public List<String> replaceDayOfKeys(TableSpec table, String target, String stage, String keyColumn, String keys) {
		return List.of("DELETE FROM " + target + " t WHERE " + dayOf(table, "t") + " = " + dayParameter() + " AND t."
				+ keyColumn + " IN (SELECT k FROM " + keys + ")", insert(table, target, stage));
	}

	@Override
	public JdbcLoad jdbcLoad(TableSpec table, String target) {
		return JdbcLoad.direct(insertRow(table, target));
	}

	/** The statement of one row, straight into a table. */
	String insertRow(TableSpec table, String target) {
		return "INSERT INTO " + target + " (" + String.join(", ", table.columnNames()) + ") VALUES ("
				+ table.columns().stream().map(this::placeholder).collect(Collectors.joining(", ")) + ")";
	}

	/** One column's bind placeholder. */
	String placeholder(ColumnSpec column) {
		return "?";
	}

	@Override
	public String concat(String left, String right) {
		return left + " || " + right;
	}

	@Override
	public String emptyStage(String stage) {
		return "DELETE FROM " + stage;
	}

	@Override
	public String deleteKeys(TableSpec table, String target, String keyColumn, String keys) {
		return "DELETE FROM " + target + " WHERE " + keyColumn + " IN (SELECT k FROM " + keys + ")";
	}

	@Override
	public String insertMissing(TableSpec table, String target, String stage) {
		String columns = String.join(", ", table.columnNames());
		String key = String.join(", ", table.keyColumns());
		String matches = table.keyColumns()
			.stream()
			.map(column -> "t." + column + " = s." + column)
			.collect(Collectors.joining(" AND "));
		return "INSERT INTO " + target + " (" + columns + ") SELECT " + columns + " FROM (SELECT *, ROW_NUMBER() OVER "
				+ "(PARTITION BY " + key + " ORDER BY " + key + ") AS turnout_copy FROM " + stage
				+ ") s WHERE turnout_copy = 1 AND NOT EXISTS (SELECT 1 FROM " + target + " t WHERE " + matches + ")";
	}

	String insert(TableSpec table, String target, String stage) {
		String columns = String.join(", ", table.columnNames());
		return "INSERT INTO " + target + " (" + columns + ") SELECT " + columns + " FROM " + stage;
	}

}
