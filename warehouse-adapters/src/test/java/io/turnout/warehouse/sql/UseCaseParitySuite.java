package io.turnout.warehouse.sql;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.turnout.attribution.AttributeOrders;
import io.turnout.carts.FindAbandonedCarts;
import io.turnout.events.IngestEvents;
import io.turnout.json.Json;
import io.turnout.json.JsonValue;
import io.turnout.revenue.ReportRevenue;
import io.turnout.sessions.BuildSessions;
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
import io.turnout.warehouse.schema.TableCatalog;
import io.turnout.warehouse.schema.TableSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parity suite of the use cases, for any SQL warehouse: two days of shuffled traffic
 * (duplicates, orders, failures) stored in batches, a replayed batch, then the nightly
 * chain of both days; every table must then hold, value for value, what the DuckDB
 * adapters wrote into an embedded reference warehouse from the same messages. Run on
 * DuckDB in every build, and against Snowflake and BigQuery where credentials are
 * present.
 */
public final class UseCaseParitySuite {

	static final List<LocalDate> DAYS = List.of(LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-11"));

	private UseCaseParitySuite() {
	}

	/**
	 * Runs the suite.
	 * @param warehouse the warehouse under test, migrated, its tables empty
	 * @param schema where its tables are
	 * @param reference a file for the embedded reference warehouse
	 * @param visitors visitors per day (the size of the run)
	 */
	public static void run(SqlWarehouse warehouse, String schema, Path reference, int visitors) throws SQLException {
		List<String> lines = new ArrayList<>();
		long seed = 1;
		for (LocalDate day : DAYS) {
			lines.addAll(SyntheticTraffic.asLakeLines(SyntheticTraffic.day(day, visitors, seed), "web", seed));
			seed++;
		}
		Collections.shuffle(lines, new Random(7));
		List<List<String>> batches = new ArrayList<>();
		int batch = Math.max(1, lines.size() / 4);
		for (int from = 0; from < lines.size(); from += batch) {
			batches.add(lines.subList(from, Math.min(from + batch, lines.size())));
		}
		batches.add(batches.get(1));

		TableCatalog catalog = TableCatalog.load();
		TableNames names = TableNames.batchSide(schema);
		run(batches, new IngestEvents(new SqlEventWarehouse(warehouse, catalog, names)),
				new BuildSessions(new SqlSessionWarehouse(warehouse, catalog, names)),
				new AttributeOrders(SqlDerivedWarehouses.attribution(warehouse, catalog, names)),
				new ReportRevenue(SqlDerivedWarehouses.revenue(warehouse, catalog, names), "USD"),
				new FindAbandonedCarts(SqlDerivedWarehouses.carts(warehouse, catalog, names)));

		DuckDbDatabase database = DuckDbDatabase.open(reference);
		database.migrate();
		try (DuckDbWriter writer = new DuckDbWriter(database)) {
			run(batches, new IngestEvents(new DuckDbEventWarehouse(writer)),
					new BuildSessions(new DuckDbSessionWarehouse(writer)),
					new AttributeOrders(new DuckDbAttributionWarehouse(writer)),
					new ReportRevenue(new DuckDbRevenueWarehouse(writer), "USD"),
					new FindAbandonedCarts(new DuckDbCartWarehouse(writer)));
			SqlWarehouse expected = new DuckDbSqlWarehouse(writer);
			for (TableSpec table : catalog.tables()) {
				List<List<String>> want = rows(expected, TableNames.DEFAULT_SCHEMA, table);
				List<List<String>> got = rows(warehouse, schema, table);
				assertThat(got).as(table.name()).containsExactlyElementsOf(want);
			}
			assertThat(rows(expected, TableNames.DEFAULT_SCHEMA, catalog.table("events"))).isNotEmpty();
			assertThat(rows(expected, TableNames.DEFAULT_SCHEMA, catalog.table("orders"))).isNotEmpty();
			assertThat(rows(expected, TableNames.DEFAULT_SCHEMA, catalog.table("failed_events"))).isNotEmpty();
		}
		finally {
			database.close();
		}
	}

	private static void run(List<List<String>> batches, IngestEvents events, BuildSessions sessions,
			AttributeOrders attribution, ReportRevenue revenue, FindAbandonedCarts carts) {
		batches.forEach(events::ingest);
		for (LocalDate day : DAYS) {
			sessions.restate(day);
			attribution.restate(day);
			revenue.restate(day);
			carts.restate(day);
		}
	}

	/** Every row of a table, by key, each value in one neutral text form. */
	static List<List<String>> rows(SqlWarehouse warehouse, String schema, TableSpec table) {
		String where = warehouse.dialect().everyDay(table, null);
		List<Object[]> rows = warehouse.inOneTransaction(sql -> sql.query("SELECT "
				+ String.join(", ", table.columnNames()) + " FROM " + schema + "." + table.name() + " WHERE " + where));
		// Sorted by key, duplicates kept: a second row of a key is a failure.
		List<Map.Entry<String, List<String>>> keyed = new ArrayList<>();
		for (Object[] row : rows) {
			List<String> values = new ArrayList<>(row.length);
			for (int i = 0; i < row.length; i++) {
				values.add(text(row[i], table.columns().get(i).type()));
			}
			StringBuilder key = new StringBuilder();
			for (String column : table.keyColumns()) {
				key.append(values.get(table.columnNames().indexOf(column))).append('|');
			}
			keyed.add(Map.entry(key.toString() + values, values));
		}
		keyed.sort(Map.Entry.comparingByKey());
		return keyed.stream().map(Map.Entry::getValue).toList();
	}

	/** A value as text whatever the driver returned: UTC times, plain numbers, JSON. */
	private static String text(Object value, String type) {
		if (value == null) {
			return null;
		}
		if (value instanceof Instant instant) {
			return instant.toString();
		}
		if (value instanceof LocalDateTime time) {
			return time.toInstant(ZoneOffset.UTC).toString();
		}
		if (value instanceof java.sql.Timestamp timestamp) {
			return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC).toString();
		}
		if (value instanceof java.sql.Date date) {
			return date.toLocalDate().toString();
		}
		if (type.equals("DOUBLE")) {
			return new BigDecimal(((Number) value).doubleValue()).round(new MathContext(12))
				.stripTrailingZeros()
				.toPlainString();
		}
		if (value instanceof Number number) {
			return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
		}
		if (type.equals("JSON")) {
			// Snowflake returns VARIANT text pretty-printed, BigQuery may order members.
			return Json.write(canonical(Json.parse(value.toString())));
		}
		return value.toString();
	}

	private static JsonValue canonical(JsonValue value) {
		if (value instanceof JsonValue.JsonObject object) {
			Map<String, JsonValue> members = new TreeMap<>();
			object.members().forEach((name, member) -> members.put(name, canonical(member)));
			return new JsonValue.JsonObject(new LinkedHashMap<>(members));
		}
		if (value instanceof JsonValue.JsonArray array) {
			return new JsonValue.JsonArray(array.values().stream().map(UseCaseParitySuite::canonical).toList());
		}
		return value;
	}

}
