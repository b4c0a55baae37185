package io.turnout.warehouse.sql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.turnout.migration.ParityTables;
import io.turnout.migration.TableParity;
import io.turnout.warehouse.TableNames;
import io.turnout.warehouse.schema.ColumnSpec;
import io.turnout.warehouse.schema.TableCatalog;
import io.turnout.warehouse.schema.TableSpec;
import io.turnout.warehouse.schema.WarehouseDialect;

/**
 * The parity check in any SQL warehouse: one full outer join by key of a day of a table
 * and of its shadow copy, each row reduced to the dialect's hash of its compared columns
 * (every column but {@code received_at} and {@code *_processed_at}).
 */
public final class SqlParityTables implements ParityTables {

	private final SqlWarehouse warehouse;

	private final TableCatalog catalog;

	private final String schema;

	public SqlParityTables(SqlWarehouse warehouse, TableCatalog catalog) {
		this(warehouse, catalog, TableNames.DEFAULT_SCHEMA);
	}

	/**
	 * @param schema the schema of the tables and their shadow copies
	 */
	public SqlParityTables(SqlWarehouse warehouse, TableCatalog catalog, String schema) {
		this.warehouse = warehouse;
		this.catalog = catalog;
		this.schema = schema;
	}

	@Override
	public TableParity compare(String table, LocalDate day) {
		TableSpec spec = this.catalog.table(table);
		WarehouseDialect dialect = this.warehouse.dialect();
		List<String> compared = spec.columns()
			.stream()
			.map(ColumnSpec::name)
			.filter(name -> !name.equals("received_at") && !name.endsWith("_processed_at"))
			.map(name -> "t." + name)
			.toList();
		String key = spec.keyColumns()
			.stream()
			.map(column -> dialect.keyText("t." + column))
			.reduce((left, right) -> dialect.concat(dialect.concat(left, "'|'"), right))
			.orElseThrow();
		String side = "SELECT " + key + " AS k, " + dialect.rowHash(compared) + " AS h FROM %s t WHERE "
				+ dialect.dayExpression(spec, "t") + " = ?";
		String joined = "WITH b AS (" + side.formatted(this.schema + "." + table) + "), s AS ("
				+ side.formatted(this.schema + "." + TableNames.shadowOf(table)) + "), "
				+ "j AS (SELECT b.k AS bk, s.k AS sk, b.h AS bh, s.h AS sh FROM b FULL JOIN s ON b.k = s.k) ";
		return this.warehouse.inOneTransaction(sql -> {
			Object[] counts = sql
				.query(joined + "SELECT count(bk), count(sk), "
						+ "sum(CASE WHEN sk IS NULL THEN 1 ELSE 0 END), sum(CASE WHEN bk IS NULL THEN 1 ELSE 0 END), "
						+ "sum(CASE WHEN bh <> sh THEN 1 ELSE 0 END) FROM j", day, day)
				.get(0);
			List<String> examples = new ArrayList<>();
			for (String[] kind : new String[][] { { "missing", "bk", "sk IS NULL" }, { "extra", "sk", "bk IS NULL" },
					{ "mismatched", "bk", "bh <> sh" } }) {
				for (Object[] row : sql.query(joined + "SELECT " + kind[1] + " FROM j WHERE " + kind[2] + " ORDER BY "
						+ kind[1] + " LIMIT " + TableParity.EXAMPLES, day, day)) {
					examples.add(kind[0] + " " + row[0]);
				}
			}
			return new TableParity(table, number(counts[0]), number(counts[1]), number(counts[2]), number(counts[3]),
					number(counts[4]), examples);
		});
	}

	private static long number(Object value) {
		return (value != null) ? ((Number) value).longValue() : 0;
	}

}
