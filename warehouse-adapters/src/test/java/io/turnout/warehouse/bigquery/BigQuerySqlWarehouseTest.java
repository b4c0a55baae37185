package io.turnout.warehouse.bigquery;

import java.math.BigDecimal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.StandardSQLTypeName;
import io.turnout.events.IngestEvents;
import io.turnout.events.IngestReport;
import io.turnout.traffic.SyntheticTraffic;
import io.turnout.warehouse.TableNames;
import io.turnout.warehouse.WarehouseException;
import io.turnout.warehouse.bigquery.FakeBigQueryServer.Request;
import io.turnout.warehouse.schema.TableCatalog;
import io.turnout.warehouse.sql.SqlEventWarehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * BigQuery as a SQL warehouse, on the wire: the real client against a local server that
 * answers like the REST API. A transaction is one session: {@code BEGIN TRANSACTION}
 * creates it, every statement runs in it, rows arrive by load jobs into scratch tables
 * and one {@code INSERT ... SELECT} each, and the session ends with a commit, or with a
 * roll-back when a statement fails; scratch tables are deleted either way.
 */
class BigQuerySqlWarehouseTest {

	private final FakeBigQueryServer server = startServer();

	private final BigQuerySettings settings = new BigQuerySettings("acme", "marketing", "EU", null, 10_000_000_000L,
			this.server.host());

	private final BigQuerySqlWarehouse warehouse = new BigQuerySqlWarehouse(
			BigQueryClients.create(this.settings, FakeBigQueryServer.quickRetries(2)), this.settings,
			Map.of("app", "turnout", "use_case", "events"));

	private final IngestEvents ingest = new IngestEvents(
			new SqlEventWarehouse(this.warehouse, TableCatalog.load(), TableNames.batchSide()));

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void aMicroBatchIsOneSessionWhoseTransactionCommits() {
		List<String> lines = SyntheticTraffic.asLakeLines(SyntheticTraffic.day(LocalDate.parse("2026-03-10"), 40, 1),
				"web", 1);

		IngestReport report = this.ingest.ingest(lines);

		assertThat(report.newEvents()).isPositive();
		List<String> queries = this.server.queriesRun();
		assertThat(queries.subList(queries.size() - 2, queries.size())).containsExactly("COMMIT TRANSACTION",
				"CALL BQ.ABORT_SESSION()");
		assertThat(queries).doesNotContain("ROLLBACK TRANSACTION");
		// One session: the first statement creates it, every other one runs in it.
		assertThat(this.server.sessionsStarted()).hasSize(1);
		String session = this.server.sessionsStarted().get(0);
		assertThat(jobInsertions()).filteredOn(request -> !request.body().contains("\"dryRun\":true"))
			.allSatisfy(request -> assertThat(request.body()).containsAnyOf("\"createSession\":true",
					"\"connectionProperties\":[{\"key\":\"session_id\",\"value\":\"" + session + "\"}]"))
			.filteredOn(request -> request.body().contains("\"createSession\":true"))
			.hasSize(1);
		// The transaction begins at the first write of a table of the dataset, after the
		// events and links were loaded into scratch tables: a transaction reads tables
		// as they were when it began.
		int begin = queries.indexOf("BEGIN TRANSACTION");
		assertThat(queries.subList(0, begin)).noneMatch(BigQuerySqlWarehouse::writesDataset);
		assertThat(queries.get(begin + 1)).startsWith("INSERT INTO `marketing.events` (")
			.contains("PARSE_JSON(properties, wide_number_mode => 'round')")
			.contains(" FROM `marketing._turnout_load_");
		assertThat(queries.get(begin + 2)).startsWith("INSERT INTO `marketing.identity_links` (")
			.contains(" FROM `marketing._turnout_load_");
		assertThat(this.server.uploaded()).anySatisfy(body -> assertThat(body.split("\n")).hasSize(report.newEvents()));
		int lastUpload = 0;
		List<Request> requests = this.server.requests();
		for (int i = 0; i < requests.size(); i++) {
			if (requests.get(i).method().equals("PUT")) {
				lastUpload = i;
			}
		}
		assertThat(requests.subList(0, lastUpload)).noneMatch(request -> request.body().contains("BEGIN TRANSACTION"));
		// Loads after the begin travel inside the transaction as a JSON parameter: the
		// keys and the orders here.
		assertThat(queries.subList(begin, queries.size()))
			.anySatisfy(query -> assertThat(query).startsWith("INSERT INTO `marketing.orders` (order_id, ")
				.contains("SELECT JSON_VALUE(r, '$.order_id'), ")
				.contains("CAST(JSON_VALUE(r, '$.ordered_at') AS TIMESTAMP)")
				.endsWith(" FROM UNNEST(JSON_QUERY_ARRAY(?)) AS r"));
		assertThat(queries).anySatisfy(query -> assertThat(query).isEqualTo(
				"INSERT INTO `turnout_stage_keys` (k) SELECT JSON_VALUE(r, '$.k') FROM UNNEST(JSON_QUERY_ARRAY(?)) AS r"));
		// Scratch tables are deleted when the transaction ends.
		assertThat(deletedTables()).hasSameSizeAs(this.server.uploaded())
			.allSatisfy(path -> assertThat(path).contains("/datasets/marketing/tables/_turnout_load_"));
	}

	@Test
	void aFailingStatementRollsTheTransactionBackAndSaysWhy() {
		this.server.failQueryStartingWith("INSERT INTO `marketing.identity_links`", 400,
				"{\"error\":{\"code\":400,\"message\":\"Column user_id cannot be null\","
						+ "\"errors\":[{\"reason\":\"invalidQuery\",\"message\":\"Column user_id cannot be null\"}]}}");
		List<String> lines = SyntheticTraffic.asLakeLines(SyntheticTraffic.day(LocalDate.parse("2026-03-10"), 40, 1),
				"web", 1);

		assertThatThrownBy(() -> this.ingest.ingest(lines)).isInstanceOf(WarehouseException.class)
			.hasMessageContaining("INSERT INTO `marketing.identity_links`")
			.hasMessageContaining("Column user_id cannot be null (invalidQuery)")
			.hasMessageContaining("[HTTP 400]");

		List<String> queries = this.server.queriesRun();
		assertThat(queries).doesNotContain("COMMIT TRANSACTION");
		assertThat(queries.subList(queries.size() - 2, queries.size())).containsExactly("ROLLBACK TRANSACTION",
				"CALL BQ.ABORT_SESSION()");
		assertThat(deletedTables()).hasSameSizeAs(this.server.uploaded());
	}

	/**
	 * What one streaming micro-batch of 10,000 messages costs in BigQuery requests (the
	 * README's table of statements per micro-batch): counted, not timed.
	 */
	@Test
	void aMicroBatchOfTenThousandMessagesIsAFewLargeJobs() {
		List<String> lines = new ArrayList<>();
		for (int seed = 1; lines.size() < 10_000; seed++) {
			lines.addAll(SyntheticTraffic.asLakeLines(SyntheticTraffic.day(LocalDate.parse("2026-03-10"), 200, seed),
					"web", seed));
		}
		lines = lines.subList(0, 10_000);

		this.ingest.ingest(lines);

		List<String> queries = this.server.queriesRun();
		long dryRuns = jobInsertions().stream().filter(request -> request.body().contains("\"dryRun\":true")).count();
		long loads = this.server.uploaded().size();
		long rows = this.server.uploaded().stream().mapToLong(body -> body.split("\n").length).sum();
		System.out.printf(
				"BigQuery, one 10,000-message micro-batch: %d load jobs (%,d rows, %,d per job), "
						+ "%d query jobs (%d of them dry runs first), %d table deletions%n",
				loads, rows, rows / loads, queries.size(), dryRuns, deletedTables().size());
		assertThat(dryRuns).isLessThan(queries.size());
		assertThat(loads).isLessThanOrEqualTo(4);
		assertThat(queries.size()).isLessThanOrEqualTo(30);
	}

	@Test
	void rowsAreUploadedAsNewlineDelimitedJsonInUtc() {
		String json = new String(BigQuerySqlWarehouse.ndjson(TableCatalog.load().table("orders").columns(),
				List.<Object[]>of(new Object[] { "o-1", "e-1", Instant.parse("2026-03-10T09:15:30.123456Z"),
						LocalDate.parse("2026-03-10"), "anon \"1\"", null, null, null, new BigDecimal("19.9900"), "EUR",
						2 })));

		assertThat(json).isEqualTo("{\"order_id\":\"o-1\",\"event_id\":\"e-1\",\"ordered_at\":"
				+ "\"2026-03-10 09:15:30.123456\",\"event_date\":\"2026-03-10\",\"anonymous_id\":\"anon \\\"1\\\"\","
				+ "\"revenue\":19.9900,\"currency\":\"EUR\",\"duplicate_events\":2}\n");
	}

	@Test
	void theTransactionBeginsAtAWriteOfTheDatasetNotOfASessionTable() {
		assertThat(BigQuerySqlWarehouse.writesDataset("INSERT INTO `marketing.events` (event_id) SELECT 1")).isTrue();
		assertThat(BigQuerySqlWarehouse.writesDataset("DELETE FROM marketing.sessions WHERE event_date = ?")).isTrue();
		assertThat(BigQuerySqlWarehouse.writesDataset("MERGE `marketing.orders` t USING s ON FALSE")).isTrue();
		assertThat(BigQuerySqlWarehouse.writesDataset("UPDATE marketing.orders AS o SET session_id = p.session_id"))
			.isTrue();
		assertThat(BigQuerySqlWarehouse.writesDataset("INSERT INTO `turnout_stage_keys` (k) SELECT 1")).isFalse();
		assertThat(BigQuerySqlWarehouse.writesDataset("TRUNCATE TABLE `turnout_stage_keys`")).isFalse();
		assertThat(
				BigQuerySqlWarehouse.writesDataset("CREATE TEMP TABLE IF NOT EXISTS `turnout_stage_keys` (k STRING)"))
			.isFalse();
		assertThat(BigQuerySqlWarehouse.writesDataset("SELECT event_id FROM marketing.events")).isFalse();
	}

	@Test
	void parametersBindWithTheirTypes() {
		assertThat(BigQuerySqlWarehouse.parameter(LocalDate.parse("2026-03-10")))
			.isEqualTo(QueryParameterValue.date("2026-03-10"));
		assertThat(BigQuerySqlWarehouse.parameter(Instant.parse("2026-03-10T09:15:30Z")).getType())
			.isEqualTo(StandardSQLTypeName.TIMESTAMP);
		assertThat(BigQuerySqlWarehouse.parameter(Instant.parse("2026-03-10T09:15:30Z")).getValue())
			.isEqualTo("2026-03-10 09:15:30.000000+00:00");
		assertThat(BigQuerySqlWarehouse.parameter(7)).isEqualTo(QueryParameterValue.int64(7L));
		assertThatThrownBy(() -> BigQuerySqlWarehouse.parameter(null)).hasMessageContaining("cannot be null");
	}

	private List<Request> jobInsertions() {
		return this.server.requests()
			.stream()
			.filter(request -> request.method().equals("POST") && request.path().endsWith("/jobs")
					&& !request.path().startsWith("/upload/"))
			.toList();
	}

	private List<String> deletedTables() {
		return this.server.requests()
			.stream()
			.filter(request -> request.method().equals("DELETE"))
			.map(Request::path)
			.toList();
	}

	private static FakeBigQueryServer startServer() {
		try {
			return new FakeBigQueryServer();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
