package io.turnout.warehouse.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import io.turnout.migration.TableParity;
import io.turnout.warehouse.duckdb.DuckDbDatabase;
import io.turnout.warehouse.duckdb.DuckDbParityTables;
import io.turnout.warehouse.duckdb.DuckDbSqlWarehouse;
import io.turnout.warehouse.duckdb.DuckDbWriter;
import io.turnout.warehouse.schema.TableCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parity check over any SQL warehouse, on DuckDB: the same counts and example keys as
 * DuckDB's own check, for missing, extra and mismatched rows, keys of several columns
 * with nulls, and processing time left out.
 */
class SqlParityTablesTest {

	private static final LocalDate DAY = LocalDate.parse("2026-03-11");

	@TempDir
	Path home;

	private DuckDbDatabase database;

	private DuckDbWriter writer;

	@BeforeEach
	void open() throws SQLException {
		this.database = DuckDbDatabase.open(this.home.resolve("warehouse.duckdb"));
		this.database.migrate();
		this.writer = new DuckDbWriter(this.database);
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			for (String sql : List.of(
					"INSERT INTO marketing.orders VALUES ('o-1', 'e-1', TIMESTAMP '2026-03-11 10:00:00', DATE '2026-03-11', 'a', NULL, 'a', NULL, 10, 'USD', 0)",
					"INSERT INTO marketing.orders VALUES ('o-2', 'e-2', TIMESTAMP '2026-03-11 11:00:00', DATE '2026-03-11', 'a', NULL, 'a', NULL, 20, 'USD', 0)",
					"INSERT INTO marketing.orders_shadow VALUES ('o-2', 'e-2', TIMESTAMP '2026-03-11 11:00:00', DATE '2026-03-11', 'a', NULL, 'a', NULL, 25, 'USD', 0)",
					"INSERT INTO marketing.orders_shadow VALUES ('o-3', 'e-3', TIMESTAMP '2026-03-11 12:00:00', DATE '2026-03-11', 'a', NULL, 'a', NULL, 30, 'USD', 0)",
					"INSERT INTO marketing.revenue_daily VALUES (DATE '2026-03-11', 'Email', 'news', 'email', NULL, 3, 1, 12.5, 1, 0)",
					"INSERT INTO marketing.revenue_daily_shadow VALUES (DATE '2026-03-11', 'Email', 'news', 'email', NULL, 3, 1, 12.5, 1, 0)",
					"INSERT INTO marketing.revenue_daily_shadow VALUES (DATE '2026-03-11', 'Direct', '(direct)', '(none)', NULL, 9, 0, 0, 0, 0)",
					"INSERT INTO marketing.identity_links VALUES ('a', 'u', TIMESTAMP '2026-03-11 09:00:00', 'e-9')",
					"INSERT INTO marketing.events (event_id, event_type, event_kind, event_time, event_date, received_at) "
							+ "VALUES ('e-9', 'identify', 'identify', TIMESTAMP '2026-03-11 09:00:00', DATE '2026-03-11', TIMESTAMP '2026-03-11 09:00:01')",
					"INSERT INTO marketing.events_shadow (event_id, event_type, event_kind, event_time, event_date, received_at) "
							+ "VALUES ('e-9', 'identify', 'identify', TIMESTAMP '2026-03-11 09:00:00', DATE '2026-03-11', TIMESTAMP '2026-03-12 00:00:00')")) {
				statement.execute(sql);
			}
		}
	}

	@AfterEach
	void close() throws SQLException {
		this.writer.close();
		this.database.close();
	}

	@Test
	void theSqlCheckFindsWhatDuckDbsOwnCheckFinds() {
		DuckDbParityTables own = new DuckDbParityTables(this.writer);
		SqlParityTables sql = new SqlParityTables(new DuckDbSqlWarehouse(this.writer), TableCatalog.load());

		for (String table : List.of("orders", "revenue_daily", "identity_links", "events", "sessions")) {
			assertThat(sql.compare(table, DAY)).as(table).isEqualTo(own.compare(table, DAY));
		}
		assertThat(sql.compare("orders", DAY))
			.isEqualTo(new TableParity("orders", 2, 2, 1, 1, 1, List.of("missing o-1", "extra o-3", "mismatched o-2")));
		assertThat(sql.compare("revenue_daily", DAY).examples())
			.containsExactly("extra 2026-03-11|Direct|(direct)|(none)|null");
		assertThat(sql.compare("identity_links", DAY).passed()).isFalse();
		assertThat(sql.compare("events", DAY).passed()).as("received_at is processing time").isTrue();
	}

}
