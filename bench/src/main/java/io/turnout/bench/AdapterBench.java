package io.turnout.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.turnout.events.EventWarehouse;
import io.turnout.events.IngestEvents;
import io.turnout.events.Outcome;
import io.turnout.traffic.SyntheticTraffic;
import io.turnout.warehouse.TableNames;
import io.turnout.warehouse.duckdb.DuckDbDatabase;
import io.turnout.warehouse.duckdb.DuckDbEventWarehouse;
import io.turnout.warehouse.duckdb.DuckDbSqlWarehouse;
import io.turnout.warehouse.duckdb.DuckDbWriter;
import io.turnout.warehouse.schema.TableCatalog;
import io.turnout.warehouse.schema.TableSpec;
import io.turnout.warehouse.schema.WarehouseDialect;
import io.turnout.warehouse.sql.SqlEventWarehouse;
import io.turnout.warehouse.sql.SqlTransaction;
import io.turnout.warehouse.sql.SqlWarehouse;

/**
 * What the warehouse abstraction costs (issue #6): the events use case stores the same
 * validated messages through the DuckDB-specific adapter and through the dialect-generic
 * SQL adapter on DuckDB, in chunks, alternating, each on a fresh file; and what the
 * generic adapter sends per 10,000-event micro-batch (loads and their rows, statements,
 * queries), which is what a Snowflake or BigQuery load issues.
 */
final class AdapterBench {

	private final Path work;

	private final int messages;

	AdapterBench(Path work, int messages) {
		this.work = work;
		this.messages = messages;
	}

	void run() throws Exception {
		IngestEvents validation = new IngestEvents(null);
		List<String> lines = new ArrayList<>();
		LocalDate day = LocalDate.parse("2026-09-01");
		for (long seed = 1; lines.size() < this.messages; seed++) {
			lines.addAll(SyntheticTraffic.asLakeLines(SyntheticTraffic.day(day, 2_000, seed), "web", seed));
		}
		List<Outcome> outcomes = lines.subList(0, this.messages).stream().map(validation::validate).toList();
		System.out.printf("adapters: %,d validated messages, stored in chunks of 50,000%n", outcomes.size());
		// A warm-up pair (not counted), then pairs in alternating order: each pair's
		// ratio compares two runs seconds apart, so the machine's drift cancels out.
		store(outcomes, 50_000, false, null);
		store(outcomes, 50_000, true, null);
		int rounds = Integer.getInteger("adapters.rounds", 6);
		Map<String, List<Double>> rates = new TreeMap<>();
		List<Double> ratios = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			double[] pair = new double[2];
			for (boolean generic : (round % 2 == 0) ? new boolean[] { false, true } : new boolean[] { true, false }) {
				String name = generic ? "generic SQL adapter on DuckDB" : "DuckDB adapter";
				double rate = outcomes.size() / store(outcomes, 50_000, generic, null);
				rates.computeIfAbsent(name, key -> new ArrayList<>()).add(rate);
				pair[generic ? 1 : 0] = rate;
			}
			ratios.add(pair[1] / pair[0]);
		}
		rates.forEach((name, each) -> System.out.printf("adapters: %s: %s messages/s%n", name,
				each.stream().map(rate -> String.format("%,.0f", rate)).toList()));
		double specific = best(rates.get("DuckDB adapter"));
		double generic = best(rates.get("generic SQL adapter on DuckDB"));
		double median = median(ratios);
		System.out.printf(
				"adapters: generic / specific per pair: %s; median %.2f (cost of the abstraction %.0f%%); "
						+ "best / best %.2f%n",
				ratios.stream().map(ratio -> String.format("%.2f", ratio)).toList(), median, 100 * (1 - median),
				generic / specific);

		Counts counts = new Counts();
		store(outcomes.subList(0, 10_000), 10_000, true, counts);
		System.out.printf(
				"adapters: one 10,000-message micro-batch through the generic adapter: %d bulk loads "
						+ "(%s rows), %d statements, %d queries%n",
				counts.loads.size(), counts.loads, counts.statements.get(), counts.queries.get());
	}

	private double store(List<Outcome> outcomes, int chunk, boolean generic, Counts counts) throws Exception {
		Path file = Files.createDirectories(this.work).resolve("adapters-" + System.nanoTime() + ".duckdb");
		try (DuckDbDatabase database = DuckDbDatabase.open(file); DuckDbWriter writer = new DuckDbWriter(database)) {
			database.migrate();
			SqlWarehouse sql = new DuckDbSqlWarehouse(writer);
			EventWarehouse warehouse = generic ? new SqlEventWarehouse((counts != null) ? counts.around(sql) : sql,
					TableCatalog.load(), TableNames.batchSide()) : new DuckDbEventWarehouse(writer);
			IngestEvents events = new IngestEvents(warehouse);
			long started = System.nanoTime();
			for (int from = 0; from < outcomes.size(); from += chunk) {
				events.store(outcomes.subList(from, Math.min(from + chunk, outcomes.size())));
			}
			return (System.nanoTime() - started) / 1e9;
		}
		finally {
			Files.deleteIfExists(file);
			Files.deleteIfExists(Path.of(file + ".wal"));
		}
	}

	static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	private static double best(List<Double> rates) {
		return rates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
	}

	/** What the generic adapter sends to its warehouse. */
	private static final class Counts {

		private final List<Integer> loads = new ArrayList<>();

		private final AtomicLong statements = new AtomicLong();

		private final AtomicLong queries = new AtomicLong();

		SqlWarehouse around(SqlWarehouse warehouse) {
			return new SqlWarehouse() {

				@Override
				public WarehouseDialect dialect() {
					return warehouse.dialect();
				}

				@Override
				public <T> T inOneTransaction(Function<SqlTransaction, T> work) {
					return warehouse.inOneTransaction(transaction -> work.apply(counting(transaction)));
				}

			};
		}

		private SqlTransaction counting(SqlTransaction transaction) {
			return new SqlTransaction() {

				@Override
				public void load(String table, TableSpec spec, List<Object[]> rows) {
					if (!rows.isEmpty()) {
						Counts.this.loads.add(rows.size());
					}
					transaction.load(table, spec, rows);
				}

				@Override
				public void loadKeys(String keys, List<String> values) {
					Counts.this.loads.add(values.size());
					transaction.loadKeys(keys, values);
				}

				@Override
				public void execute(String sql, Object... parameters) {
					Counts.this.statements.incrementAndGet();
					transaction.execute(sql, parameters);
				}

				@Override
				public List<Object[]> query(String sql, Object... parameters) {
					Counts.this.queries.incrementAndGet();
					return transaction.query(sql, parameters);
				}

			};
		}

	}

}
