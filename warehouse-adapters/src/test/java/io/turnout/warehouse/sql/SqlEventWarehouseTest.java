package io.turnout.warehouse.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.turnout.events.EventWarehouse;
import io.turnout.events.IngestEvents;
import io.turnout.events.IngestReport;
import io.turnout.traffic.SyntheticTraffic;
import io.turnout.warehouse.TableNames;
import io.turnout.warehouse.duckdb.DuckDbDatabase;
import io.turnout.warehouse.duckdb.DuckDbEventWarehouse;
import io.turnout.warehouse.duckdb.DuckDbSqlWarehouse;
import io.turnout.warehouse.duckdb.DuckDbWriter;
import io.turnout.warehouse.schema.DuckDbDialect;
import io.turnout.warehouse.schema.TableCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dialect-generic events adapter, run on DuckDB through its dialect, stores exactly
 * what the DuckDB-specific adapter stores: the same messages (two days of synthetic
 * traffic with resent copies and bad messages, shuffled, in batches, some batches
 * replayed, earlier copies arriving last) give the same four tables and the same reports.
 */
class SqlEventWarehouseTest {

	static final Map<String, String> TABLES = Map.of("events", "event_id", "identity_links", "event_id", "orders",
			"order_id", "failed_events", "failure_id");

	@TempDir
	Path home;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "appender", "jdbc" })
	void theGenericAdapterStoresWhatTheDuckDbAdapterStores(String loads) throws SQLException {
		List<String> lines = new ArrayList<>(
				SyntheticTraffic.asLakeLines(SyntheticTraffic.day(LocalDate.parse("2026-03-10"), 60, 1), "web", 1));
		lines
			.addAll(SyntheticTraffic.asLakeLines(SyntheticTraffic.day(LocalDate.parse("2026-03-11"), 60, 2), "web", 2));
		Collections.shuffle(lines, new Random(3));
		// Copies of some messages received earlier than the stored ones arrive at the
		// end.
		List<String> earlierCopies = lines.subList(0, 40)
			.stream()
			.map(line -> line.replaceFirst("\"receivedAt\":\"2026-03-1", "\"receivedAt\":\"2026-03-0"))
			.toList();
		List<List<String>> batches = new ArrayList<>();
		for (int from = 0; from < lines.size(); from += 250) {
			batches.add(lines.subList(from, Math.min(from + 250, lines.size())));
		}
		batches.add(batches.get(1));
		batches.add(earlierCopies);

		try (Stored specific = new Stored(this.home.resolve("specific.duckdb"), null);
				Stored generic = new Stored(this.home.resolve("generic.duckdb"), loads)) {
			for (List<String> batch : batches) {
				IngestReport bySpecific = specific.ingest.ingest(batch);
				IngestReport byGeneric = generic.ingest.ingest(batch);
				assertThat(byGeneric).isEqualTo(bySpecific);
			}
			for (String table : TABLES.keySet()) {
				List<List<String>> rows = specific.rows(table);
				assertThat(rows).as(table).isNotEmpty();
				assertThat(generic.rows(table)).as(table).containsExactlyElementsOf(rows);
			}
		}
	}

	/** One DuckDB warehouse with the events use case over one of the two adapters. */
	private static final class Stored implements AutoCloseable {

		private final DuckDbDatabase database;

		private final DuckDbWriter writer;

		private final IngestEvents ingest;

		/**
		 * @param loads null for the DuckDB adapter; {@code appender} or {@code jdbc} for
		 * the generic one loading through DuckDB's Appender or JDBC batches (Snowflake's
		 * path)
		 */
		Stored(Path file, String loads) {
			this.database = DuckDbDatabase.open(file);
			this.database.migrate();
			this.writer = new DuckDbWriter(this.database);
			EventWarehouse warehouse;
			if (loads == null) {
				warehouse = new DuckDbEventWarehouse(this.writer);
			}
			else {
				SqlWarehouse sql = loads.equals("jdbc") ? new JdbcSqlWarehouse(this::connect, new DuckDbDialect())
						: new DuckDbSqlWarehouse(this.writer);
				warehouse = new SqlEventWarehouse(sql, TableCatalog.load(), TableNames.batchSide());
			}
			this.ingest = new IngestEvents(warehouse);
		}

		private Connection connect() {
			return DuckDbRows.connect(this.database);
		}

		List<List<String>> rows(String table) throws SQLException {
			return DuckDbRows.query(this.database,
					"SELECT * FROM marketing." + table + " ORDER BY " + TABLES.get(table));
		}

		@Override
		public void close() throws SQLException {
			this.writer.close();
			this.database.close();
		}

	}

}
