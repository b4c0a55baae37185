package io.turnout.warehouse.schema;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.turnout.warehouse.duckdb.DuckDbDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table catalog the cloud dialects generate their tables from says exactly what the
 * DuckDB migrations create: every table, column, type and nullability, in order, and a
 * description for every column.
 */
class TableCatalogTest {

	@TempDir
	Path home;

	@Test
	void theCatalogIsTheDuckDbSchema() throws SQLException {
		TableCatalog catalog = TableCatalog.load();
		List<String> fromCatalog = new ArrayList<>();
		for (TableSpec table : catalog.tables()) {
			for (ColumnSpec column : table.columns()) {
				fromCatalog.add(table.name() + "." + column.name() + " " + duckDbType(column.type())
						+ (column.nullable() ? "" : " NOT NULL"));
			}
		}
		List<String> fromDuckDb = new ArrayList<>();
		try (DuckDbDatabase database = DuckDbDatabase.open(this.home.resolve("warehouse.duckdb"))) {
			database.migrate();
			try (Connection connection = database.connect();
					Statement statement = connection.createStatement();
					ResultSet rs = statement
						.executeQuery("SELECT c.table_name, c.column_name, c.data_type, c.is_nullable "
								+ "FROM information_schema.columns c JOIN information_schema.tables t "
								+ "ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
								+ "WHERE c.table_schema = 'marketing' AND c.table_name NOT LIKE '%_shadow' "
								+ "ORDER BY t.table_name, c.ordinal_position")) {
				while (rs.next()) {
					fromDuckDb.add(rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3)
							+ (rs.getString(4).equals("YES") ? "" : " NOT NULL"));
				}
			}
		}
		// The same columns, in the same order within each table.
		assertThat(fromCatalog).containsExactlyInAnyOrderElementsOf(fromDuckDb);
		for (TableSpec table : catalog.tables()) {
			assertThat(fromCatalog.stream().filter(column -> column.startsWith(table.name() + "."))).as(table.name())
				.containsExactlyElementsOf(
						fromDuckDb.stream().filter(column -> column.startsWith(table.name() + ".")).toList());
		}
		assertThat(catalog.tables()).extracting(TableSpec::name)
			.containsExactly("events", "identity_links", "orders", "failed_events", "sessions", "attribution",
					"revenue_daily", "cart_abandonments");
		assertThat(catalog.tables()).flatExtracting(TableSpec::columns)
			.allSatisfy(column -> assertThat(column.description()).as(column.name()).isNotBlank());
		assertThat(catalog.table("attribution").keyColumns()).containsExactly("order_id", "model", "touch_index");
	}

	/** DuckDB reports VARCHAR(3) as VARCHAR; JSON columns hold text. */
	private static String duckDbType(String type) {
		return type.startsWith("VARCHAR") || type.equals("JSON") ? "VARCHAR" : type;
	}

}
