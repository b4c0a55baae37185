package io.turnout.warehouse.schema;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.turnout.warehouse.duckdb.DuckDbDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dialect-neutral replace statements, executed on DuckDB: a day slice, the staged
 * session keys of a day and the staged keys are replaced exactly, nothing else changes,
 * and running a replace twice gives the same table.
 */
class DuckDbDialectTest {

	private static final LocalDate DAY = LocalDate.parse("2026-03-11");

	private final TableCatalog catalog = TableCatalog.load();

	private final DuckDbDialect dialect = new DuckDbDialect();

	@TempDir
	Path home;

	private DuckDbDatabase database;

	private Connection connection;

	@BeforeEach
	void open() throws SQLException {
		this.database = DuckDbDatabase.open(this.home.resolve("warehouse.duckdb"));
		this.database.migrate();
		this.connection = this.database.connect();
		TableSpec sessions = this.catalog.table("sessions");
		execute(this.dialect.createStage(sessions, "stage", "marketing.sessions"),
				"CREATE TEMP TABLE stage_keys (k VARCHAR)");
		session("marketing.sessions", "a", DAY, 1);
		session("marketing.sessions", "b", DAY, 1);
		session("marketing.sessions", "c", DAY, 1);
		session("marketing.sessions", "a", DAY.plusDays(1), 1);
	}

	@AfterEach
	void close() throws SQLException {
		this.connection.close();
		this.database.close();
	}

	@Test
	void replacingTheStagedKeysOfADayLeavesTheDaysOtherKeysAndOtherDays() throws SQLException {
		session("stage", "b", DAY, 2);
		session("stage", "d", DAY, 2);
		execute("INSERT INTO stage_keys VALUES ('b'), ('d')");

		for (int run = 0; run < 2; run++) {
			replace(this.dialect.replaceDayOfKeys(this.catalog.table("sessions"), "marketing.sessions", "stage",
					"session_key", "stage_keys"));
		}

		assertThat(sessions()).containsExactly("2026-03-11 a 1", "2026-03-11 b 2", "2026-03-11 c 1", "2026-03-11 d 2",
				"2026-03-12 a 1");
	}

	@Test
	void replacingADayLeavesTheOtherDays() throws SQLException {
		session("stage", "x", DAY, 3);

		for (int run = 0; run < 2; run++) {
			replace(this.dialect.replaceDay(this.catalog.table("sessions"), "marketing.sessions", "stage"));
		}

		assertThat(sessions()).containsExactly("2026-03-11 x 3", "2026-03-12 a 1");
	}

	@Test
	void replacingKeysComparesNullableKeyColumnsNullSafe() throws SQLException {
		TableSpec revenue = this.catalog.table("revenue_daily");
		execute(this.dialect.createStage(revenue, "revenue_stage", "marketing.revenue_daily"),
				"INSERT INTO marketing.revenue_daily VALUES (DATE '2026-03-11', 'Email', 'news', 'email', NULL, 3, 1, 12.5, 1, 0)",
				"INSERT INTO marketing.revenue_daily VALUES (DATE '2026-03-11', 'Direct', '(direct)', '(none)', NULL, 9, 0, 0, 0, 0)",
				"INSERT INTO revenue_stage VALUES (DATE '2026-03-11', 'Email', 'news', 'email', NULL, 5, 2, 20, 2, 0)");

		for (int run = 0; run < 2; run++) {
			replace(this.dialect.replaceKeys(revenue, "marketing.revenue_daily", "revenue_stage"));
		}

		assertThat(rows("SELECT channel_group || ' ' || sessions FROM marketing.revenue_daily ORDER BY 1"))
			.containsExactly("Direct 9", "Email 5");
	}

	private void replace(List<String> statements) throws SQLException {
		this.connection.setAutoCommit(false);
		for (String sql : statements) {
			try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
				if (sql.contains("?")) {
					statement.setObject(1, DAY);
				}
				statement.execute();
			}
		}
		this.connection.commit();
		this.connection.setAutoCommit(true);
	}

	private void session(String table, String key, LocalDate day, int events) throws SQLException {
		execute("INSERT INTO " + table + " (session_id, session_key, event_date, started_at, ended_at, "
				+ "duration_seconds, events, page_views, clicks, products_added, orders, revenue, channel_group, "
				+ "cart_abandoned, customer_key) VALUES ('" + key + "-" + day + "', '" + key + "', DATE '" + day
				+ "', TIMESTAMP '" + day + " 10:00:00', TIMESTAMP '" + day + " 10:05:00', 300, " + events
				+ ", 1, 0, 0, 0, 0, 'Direct', false, 'anon:" + key + "')");
	}

	private List<String> sessions() throws SQLException {
		return rows("SELECT event_date || ' ' || session_key || ' ' || events FROM marketing.sessions ORDER BY 1");
	}

	private List<String> rows(String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Statement statement = this.connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
		}
		return rows;
	}

	private void execute(String... statements) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
