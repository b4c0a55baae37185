package io.turnout.warehouse.duckdb;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import io.turnout.migration.TableParity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * migration.md: the parity check compares a closed day of a table and of its shadow copy
 * by key, on every column but processing time, and names the keys that differ.
 */
class DuckDbParityTablesTest {

	private static final LocalDate DAY = LocalDate.parse("2026-03-11");

	@TempDir
	Path home;

	DuckDbDatabase database;

	DuckDbWriter writer;

	DuckDbParityTables parity;

	@BeforeEach
	void open() {
		this.database = DuckDbDatabase.open(this.home.resolve("warehouse.duckdb"));
		this.database.migrate();
		this.writer = new DuckDbWriter(this.database);
		this.parity = new DuckDbParityTables(this.writer);
	}

	@AfterEach
	void close() throws SQLException {
		this.writer.close();
		this.database.close();
	}

	@Test
	void identicalDaysPass() {
		order("orders", "o-1", "2026-03-11", "10.00", "2026-03-11 10:00:00");
		order("orders_shadow", "o-1", "2026-03-11", "10.00", "2026-03-11 10:00:00");

		TableParity result = this.parity.compare("orders", DAY);

		assertThat(result).isEqualTo(new TableParity("orders", 1, 1, 0, 0, 0, List.of()));
		assertThat(result.passed()).isTrue();
	}

	@Test
	void missingExtraAndMismatchedRowsAreCountedAndNamed() {
		order("orders", "o-1", "2026-03-11", "10.00", "2026-03-11 10:00:00");
		order("orders", "o-2", "2026-03-11", "20.00", "2026-03-11 11:00:00");
		order("orders", "o-3", "2026-03-11", "30.00", "2026-03-11 12:00:00");
		order("orders_shadow", "o-2", "2026-03-11", "25.00", "2026-03-11 11:00:00");
		order("orders_shadow", "o-3", "2026-03-11", "30.00", "2026-03-11 12:00:00");
		order("orders_shadow", "o-4", "2026-03-11", "40.00", "2026-03-11 13:00:00");
		order("orders_shadow", "o-5", "2026-03-12", "50.00", "2026-03-12 13:00:00");

		TableParity result = this.parity.compare("orders", DAY);

		assertThat(result.batchRows()).isEqualTo(3);
		assertThat(result.shadowRows()).isEqualTo(3);
		assertThat(result.missing()).isEqualTo(1);
		assertThat(result.extra()).isEqualTo(1);
		assertThat(result.mismatched()).isEqualTo(1);
		assertThat(result.examples()).containsExactly("missing o-1", "extra o-4", "mismatched o-2");
		assertThat(result.passed()).isFalse();
	}

	@Test
	void processingTimeIsNotCompared() {
		this.writer.inOneTransaction(() -> {
			this.writer.execute(
					"INSERT INTO marketing.identity_links VALUES ('a-1', 'u-1', TIMESTAMP '2026-03-11 09:00:00', 'e-1')",
					"INSERT INTO marketing.identity_links_shadow VALUES ('a-1', 'u-1', TIMESTAMP '2026-03-11 09:00:00', 'e-1')");
			return null;
		});
		event("events", "e-1", "2026-03-11 12:00:00");
		event("events_shadow", "e-1", "2026-03-12 03:00:00");

		assertThat(this.parity.compare("events", DAY).passed()).isTrue();
		assertThat(this.parity.compare("identity_links", DAY).passed()).isTrue();
	}

	@Test
	void keysOfSeveralColumnsAreNamedWholeWithNullsSpelledOut() {
		this.writer.inOneTransaction(() -> {
			this.writer.execute("INSERT INTO marketing.revenue_daily VALUES (DATE '2026-03-11', 'Email', 'news', "
					+ "'email', NULL, 3, 1, 12.50, 1, 0)");
			return null;
		});

		assertThat(this.parity.compare("revenue_daily", DAY).examples())
			.containsExactly("missing 2026-03-11|Email|news|email|null");
	}

	private void order(String table, String orderId, String day, String revenue, String orderedAt) {
		this.writer.inOneTransaction(() -> {
			this.writer.update("INSERT INTO marketing." + table
					+ " VALUES (?, 'e-' || ?, CAST(? AS TIMESTAMP), CAST(? AS DATE), 'a-1', NULL, 'a-1', NULL, "
					+ "CAST(? AS DECIMAL(18, 4)), 'USD', 0)", orderId, orderId, orderedAt, day, revenue);
			return null;
		});
	}

	private void event(String table, String eventId, String receivedAt) {
		this.writer.inOneTransaction(() -> {
			this.writer.update(
					"INSERT INTO marketing." + table + " (event_id, event_type, event_kind, event_time, "
							+ "event_date, received_at, anonymous_id) VALUES (?, 'page', 'page_view', "
							+ "TIMESTAMP '2026-03-11 10:00:00', DATE '2026-03-11', CAST(? AS TIMESTAMP), 'a-1')",
					eventId, receivedAt);
			return null;
		});
	}

}
