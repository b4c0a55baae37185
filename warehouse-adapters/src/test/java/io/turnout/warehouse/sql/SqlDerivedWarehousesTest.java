package io.turnout.warehouse.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.turnout.attribution.AttributeOrders;
import io.turnout.carts.FindAbandonedCarts;
import io.turnout.events.IngestEvents;
import io.turnout.revenue.ReportRevenue;
import io.turnout.sessions.BuildSessions;
import io.turnout.sessions.SessionKeys;
import io.turnout.traffic.SyntheticTraffic;
import io.turnout.warehouse.TableNames;
import io.turnout.warehouse.duckdb.DuckDbAttributionWarehouse;
import io.turnout.warehouse.duckdb.DuckDbCartWarehouse;
import io.turnout.warehouse.duckdb.DuckDbDatabase;
import io.turnout.warehouse.duckdb.DuckDbEventWarehouse;
import io.turnout.warehouse.duckdb.DuckDbRevenueWarehouse;
import io.turnout.warehouse.duckdb.DuckDbSessionWarehouse;
import io.turnout.warehouse.duckdb.DuckDbSqlWarehouse;
import io.turnout.warehouse.duckdb.DuckDbWriter;
import io.turnout.warehouse.schema.DuckDbDialect;
import io.turnout.warehouse.schema.TableCatalog;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The derived use cases over the dialect-generic SQL adapters, on DuckDB, write exactly
 * what they write over the DuckDB adapters: the nightly chain of two days, then a
 * restatement of some session keys from a time on and of some carts, as the streaming
 * side does.
 */
class SqlDerivedWarehousesTest {

	static final Map<String, String> TABLES = new LinkedHashMap<>(Map.of("sessions", "session_id", "orders", "order_id",
			"attribution", "order_id, model, touch_index", "revenue_daily",
			"event_date, channel_group, source, medium, campaign", "cart_abandonments", "session_id"));

	static final List<LocalDate> DAYS = List.of(LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-11"));

	@TempDir
	Path home;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "appender", "jdbc" })
	void theGenericAdaptersWriteWhatTheDuckDbAdaptersWrite(String loads) throws SQLException {
		List<String> lines = new ArrayList<>();
		long seed = 1;
		for (LocalDate day : DAYS) {
			lines.addAll(SyntheticTraffic.asLakeLines(SyntheticTraffic.day(day, 80, seed), "web", seed));
			seed++;
		}
		try (Warehouse specific = new Warehouse(this.home.resolve("specific.duckdb"), null);
				Warehouse generic = new Warehouse(this.home.resolve("generic.duckdb"), loads)) {
			for (Warehouse warehouse : List.of(specific, generic)) {
				warehouse.events.ingest(lines);
				for (LocalDate day : DAYS) {
					warehouse.sessions.restate(day);
					warehouse.attribution.restate(day);
					warehouse.revenue.restate(day);
					warehouse.carts.restate(day);
				}
			}
			for (String table : TABLES.keySet()) {
				assertThat(specific.rows(table)).as(table).isNotEmpty();
				assertThat(generic.rows(table)).as(table).containsExactlyElementsOf(specific.rows(table));
			}

			// The streaming side's restatements: some keys from a time on, some carts.
			List<String> keys = specific
				.column("SELECT DISTINCT session_key FROM marketing.sessions WHERE event_date = '" + DAYS.get(1)
						+ "' ORDER BY session_key LIMIT 25");
			Map<String, Instant> since = new LinkedHashMap<>();
			for (int i = 0; i < keys.size(); i++) {
				since.put(keys.get(i),
						(i % 2 == 0) ? SessionKeys.WHOLE_DAY : DAYS.get(1).atTime(12, 0).toInstant(ZoneOffset.UTC));
			}
			for (Warehouse warehouse : List.of(specific, generic)) {
				warehouse.execute("DELETE FROM marketing.sessions WHERE session_key IN ('" + keys.get(0) + "', '"
						+ keys.get(1) + "')");
				warehouse.sessions.restate(DAYS.get(1), SessionKeys.since(since));
				warehouse.carts.restate(DAYS.get(1), SessionKeys.of(keys));
			}
			for (String table : TABLES.keySet()) {
				assertThat(generic.rows(table)).as(table + " after restating keys")
					.containsExactlyElementsOf(specific.rows(table));
			}
		}
	}

	/** One DuckDB warehouse with every use case over one kind of adapter. */
	private static final class Warehouse implements AutoCloseable {

		private final DuckDbDatabase database;

		private final DuckDbWriter writer;

		private final IngestEvents events;

		private final BuildSessions sessions;

		private final AttributeOrders attribution;

		private final ReportRevenue revenue;

		private final FindAbandonedCarts carts;

		/**
		 * @param loads null for the DuckDB adapters; {@code appender} or {@code jdbc} for
		 * the generic ones
		 */
		Warehouse(Path file, String loads) {
			this.database = DuckDbDatabase.open(file);
			this.database.migrate();
			this.writer = new DuckDbWriter(this.database);
			this.events = new IngestEvents(new DuckDbEventWarehouse(this.writer));
			if (loads == null) {
				this.sessions = new BuildSessions(new DuckDbSessionWarehouse(this.writer));
				this.attribution = new AttributeOrders(new DuckDbAttributionWarehouse(this.writer));
				this.revenue = new ReportRevenue(new DuckDbRevenueWarehouse(this.writer), "USD");
				this.carts = new FindAbandonedCarts(new DuckDbCartWarehouse(this.writer));
			}
			else {
				SqlWarehouse sql = loads.equals("jdbc") ? new JdbcSqlWarehouse(this::connect, new DuckDbDialect())
						: new DuckDbSqlWarehouse(this.writer);
				TableCatalog catalog = TableCatalog.load();
				TableNames names = TableNames.batchSide();
				this.sessions = new BuildSessions(new SqlSessionWarehouse(sql, catalog, names));
				this.attribution = new AttributeOrders(SqlDerivedWarehouses.attribution(sql, catalog, names));
				this.revenue = new ReportRevenue(SqlDerivedWarehouses.revenue(sql, catalog, names), "USD");
				this.carts = new FindAbandonedCarts(SqlDerivedWarehouses.carts(sql, catalog, names));
			}
		}

		private Connection connect() {
			return DuckDbRows.connect(this.database);
		}

		void execute(String sql) throws SQLException {
			try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
		}

		List<String> column(String sql) throws SQLException {
			return query(sql).stream().map(row -> row.get(0)).toList();
		}

		List<List<String>> rows(String table) throws SQLException {
			return query("SELECT * FROM marketing." + table + " ORDER BY " + TABLES.get(table));
		}

		private List<List<String>> query(String sql) throws SQLException {
			return DuckDbRows.query(this.database, sql);
		}

		@Override
		public void close() throws SQLException {
			this.writer.close();
			this.database.close();
		}

	}

}
