package io.turnout.warehouse.schema;

import java.util.List;

/**
 * The first versioned migration of a cloud warehouse, generated from the table catalog:
 * the schema, every table of tables.md and its shadow copy. The file under
 * {@code flyway/warehouse/<dialect>/} is this text, checked by a test, so the DDL a
 * reviewer reads is the DDL that runs.
 */
public final class WarehouseMigrations {

	/**
	 * The schema (Snowflake) or dataset (BigQuery), a placeholder the migration runner
	 * fills from configuration ({@code marketing} by default).
	 */
	public static final String SCHEMA = "${schema}";

	private WarehouseMigrations() {
	}

	public static String firstMigration(WarehouseDialect dialect, TableCatalog catalog) {
		StringBuilder sql = new StringBuilder();
		sql.append("-- The tables of shared/spec/tables.md for ")
			.append(dialect.name())
			.append(", generated from warehouse-adapters/src/main/resources/schema/tables.tsv\n")
			.append("-- by WarehouseMigrations (a test keeps this file and the generator equal).\n");
		sql.append("CREATE SCHEMA IF NOT EXISTS ").append(SCHEMA).append(";\n");
		List<TableSpec> tables = catalog.tables();
		for (TableSpec table : tables) {
			sql.append("\n").append(dialect.createTable(table, SCHEMA + "." + table.name())).append(";\n");
		}
		sql.append("\n-- The shadow copies the streaming side writes while a use case runs shadow.\n");
		for (TableSpec table : tables) {
			sql.append(dialect.createShadow(SCHEMA + "." + table.name() + "_shadow", SCHEMA + "." + table.name()))
				.append(";\n");
		}
		return sql.toString();
	}

}
