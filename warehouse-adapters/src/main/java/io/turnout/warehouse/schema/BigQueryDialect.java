package io.turnout.warehouse.schema;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * BigQuery: typed columns with descriptions, tables partitioned by their day and
 * clustered by their keys, partition filters required on the large tables; every replace
 * is one {@code MERGE} (atomic on its own), so a load is one query job.
 */
public final class BigQueryDialect implements WarehouseDialect {

	/**
	 * Tables whose queries must name their partitions: the ones that grow by millions.
	 */
	static final Set<String> PARTITION_FILTER_REQUIRED = Set.of("events", "identity_links", "sessions");

	/** BigQuery clusters by at most four columns. */
	private static final int MAX_CLUSTERING_COLUMNS = 4;

	@Override
	public String name() {
		return "bigquery";
	}

	@Override
	public String dayParameter() {
		return "?";
	}

	@Override
	public String createTable(TableSpec table, String name) {
		List<String> clustering = table.keyColumns()
			.stream()
			.filter(key -> !key.equals(table.dayColumn()))
			.limit(MAX_CLUSTERING_COLUMNS)
			.toList();
		return "CREATE TABLE IF NOT EXISTS `" + name + "` (\n" + table.columns()
			.stream()
			.map(column -> "  " + column.name() + " " + type(column.type()) + (column.nullable() ? "" : " NOT NULL")
					+ " OPTIONS(description=\"" + quote(column.description()) + "\")")
			.collect(Collectors.joining(",\n")) + "\n)\nPARTITION BY " + dayOf(table, null)
				+ (clustering.isEmpty() ? "" : "\nCLUSTER BY " + String.join(", ", clustering))
				+ (PARTITION_FILTER_REQUIRED.contains(table.name()) ? "\nOPTIONS(require_partition_filter = TRUE)"
						: "");
	}

	@Override
	public String createShadow(String shadow, String table) {
		return "CREATE TABLE IF NOT EXISTS `" + shadow + "` LIKE `" + table + "`";
	}

	/** A temporary table of the session: transactions may create those. */
	@Override
	public String createStage(TableSpec table, String stage, String target) {
		return temporaryTable(stage, table);
	}

	/** BigQuery takes rows by load jobs, never by row inserts. */
	@Override
	public JdbcLoad jdbcLoad(TableSpec table, String target) {
		throw new UnsupportedOperationException("BigQuery loads rows with load jobs (BigQueryLoads), not INSERTs");
	}

	@Override
	public String createWorkTable(TableSpec spec) {
		return temporaryTable(spec.name(), spec);
	}

	/**
	 * A temporary table of the session, gone with it: the only tables a multi-statement
	 * transaction may create.
	 */
	private static String temporaryTable(String name, TableSpec spec) {
		return "CREATE TEMP TABLE IF NOT EXISTS `" + name + "` ("
				+ spec.columnDefinitions(column -> type(column.type())) + ")";
	}

	/**
	 * Every partition, named: keys are looked up over all days (deduplication is global),
	 * and {@code require_partition_filter} wants the partitioning column in the
	 * condition.
	 */
	@Override
	public String everyDay(TableSpec table, String alias) {
		String column = (alias != null) ? alias + "." + table.dayColumn() : table.dayColumn();
		return column + (table.dayIsTimestamp() ? " >= TIMESTAMP '1970-01-01'" : " >= DATE '1970-01-01'");
	}

	@Override
	public String dayExpression(TableSpec table, String alias) {
		return dayOf(table, alias);
	}

	@Override
	public String rowHash(List<String> expressions) {
		return "FARM_FINGERPRINT(TO_JSON_STRING(STRUCT(" + String.join(", ", expressions) + ")))";
	}

	@Override
	public String keyText(String expression) {
		return "coalesce(CAST(" + expression + " AS STRING), 'null')";
	}

	@Override
	public String concat(String left, String right) {
		return "CONCAT(" + left + ", " + right + ")";
	}

	@Override
	public String createKeyStage(String keys) {
		return "CREATE TEMP TABLE IF NOT EXISTS `" + keys + "` (k STRING)";
	}

	@Override
	public String emptyStage(String stage) {
		return "TRUNCATE TABLE `" + stage + "`";
	}

	@Override
	public String deleteKeys(TableSpec table, String target, String keyColumn, String keys) {
		return "DELETE FROM `" + target + "` t WHERE t." + keyColumn + " IN (SELECT k FROM `" + keys + "`) AND "
				+ everyDay(table, "t");
	}

	@Override
	public String insertMissing(TableSpec table, String target, String stage) {
		String columns = String.join(", ", table.columnNames());
		String key = String.join(", ", table.keyColumns());
		String matches = table.keyColumns()
			.stream()
			.map(column -> "t." + column + " = s." + column)
			.collect(Collectors.joining(" AND "));
		return "INSERT INTO `" + target + "` (" + columns + ") SELECT " + columns + " FROM `" + stage
				+ "` s WHERE NOT EXISTS (SELECT 1 FROM `" + target + "` t WHERE " + matches
				+ ") QUALIFY ROW_NUMBER() OVER (PARTITION BY " + key + ") = 1";
	}

	@Override
	public List<String> replaceKeys(TableSpec table, String target, String stage) {
		String matches = table.keyColumns()
			.stream()
			.map(key -> table.column(key).nullable()
					? "(t." + key + " = s." + key + " OR (t." + key + " IS NULL AND s." + key + " IS NULL))"
					: "t." + key + " = s." + key)
			.collect(Collectors.joining(" AND "));
		String updates = table.columnNames()
			.stream()
			.filter(column -> !table.keyColumns().contains(column))
			.map(column -> column + " = s." + column)
			.collect(Collectors.joining(", "));
		return List.of("MERGE `" + target + "` t USING `" + stage + "` s ON " + matches + " AND " + everyDay(table, "t")
				+ " WHEN MATCHED THEN UPDATE SET " + updates + " WHEN NOT MATCHED THEN INSERT ROW");
	}

	@Override
	public List<String> replaceDay(TableSpec table, String target, String stage) {
		return List.of("MERGE `" + target + "` t USING `" + stage + "` s ON FALSE WHEN NOT MATCHED BY SOURCE AND "
				+ dayOf(table, "t") + " = ? THEN DELETE WHEN NOT MATCHED THEN INSERT ROW");
	}

	@Override
	public List<String> replaceDayOfKeys(TableSpec table, String target, String stage, String keyColumn, String keys) {
		return List.of("MERGE `" + target + "` t USING `" + stage + "` s ON FALSE WHEN NOT MATCHED BY SOURCE AND "
				+ dayOf(table, "t") + " = ? AND t." + keyColumn + " IN (SELECT k FROM `" + keys
				+ "`) THEN DELETE WHEN NOT MATCHED THEN INSERT ROW");
	}

	private static String dayOf(TableSpec table, String alias) {
		String column = (alias != null) ? alias + "." + table.dayColumn() : table.dayColumn();
		return table.dayIsTimestamp() ? "DATE(" + column + ")" : column;
	}

	/**
	 * A column's BigQuery type without its parameters ({@code NUMERIC}, not
	 * {@code NUMERIC(18,4)}): the name of a standard SQL type.
	 */
	public static String baseType(ColumnSpec column) {
		String type = type(column.type());
		int parameters = type.indexOf('(');
		return (parameters < 0) ? type : type.substring(0, parameters);
	}

	static String type(String type) {
		if (type.startsWith("VARCHAR")) {
			return "STRING";
		}
		if (type.startsWith("DECIMAL")) {
			return type.replace("DECIMAL", "NUMERIC");
		}
		return switch (type) {
			case "INTEGER", "BIGINT" -> "INT64";
			case "DOUBLE" -> "FLOAT64";
			case "BOOLEAN" -> "BOOL";
			default -> type;
		};
	}

	private static String quote(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
