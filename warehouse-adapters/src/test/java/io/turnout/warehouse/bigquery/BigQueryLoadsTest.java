package io.turnout.warehouse.bigquery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.turnout.warehouse.bigquery.FakeBigQueryServer.Request;
import io.turnout.warehouse.schema.TableCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch load path of BigQuery, on the wire: a staging table created like the target,
 * a load job uploading the newline-delimited JSON file into it (truncating, never
 * creating), one MERGE replacing the day, and the staging table dropped.
 */
class BigQueryLoadsTest {

	private final FakeBigQueryServer server = BigQueryStatementsTest.startServer();

	private final BigQuerySettings settings = new BigQuerySettings("acme", "marketing", "EU", null, 10_000_000_000L,
			this.server.host());

	@TempDir
	Path dir;

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void aDayIsLoadedIntoAStagingTableThenMergedInOneStatement() throws IOException {
		var bigquery = BigQueryClients.create(this.settings, BigQueryClients.defaultRetries());
		BigQueryLoads loads = new BigQueryLoads(bigquery, this.settings,
				new BigQueryStatements(bigquery, this.settings));
		Path rows = this.dir.resolve("sessions.ndjson");
		Files.writeString(rows, "{\"session_id\":\"s-1\",\"event_date\":\"2026-11-25\"}\n"
				+ "{\"session_id\":\"s-2\",\"event_date\":\"2026-11-25\"}\n");

		long affected = loads.replaceDay(TableCatalog.load().table("sessions"), LocalDate.parse("2026-11-25"), rows,
				Map.of("use_case", "sessions", "run", "nightly"));

		assertThat(affected).isEqualTo(7);
		List<String> jobs = this.server.requests()
			.stream()
			.filter(request -> request.method().equals("POST"))
			.map(Request::body)
			.toList();
		assertThat(jobs).hasSize(7);
		assertThat(jobs.get(0)).contains("\"dryRun\":true", "CREATE TABLE IF NOT EXISTS `marketing._stage_sessions_",
				"LIKE `marketing.sessions`");
		assertThat(jobs.get(2)).contains("\"load\"", "\"sourceFormat\":\"NEWLINE_DELIMITED_JSON\"",
				"\"writeDisposition\":\"WRITE_TRUNCATE\"", "\"createDisposition\":\"CREATE_NEVER\"",
				"\"datasetId\":\"marketing\"", "\"tableId\":\"_stage_sessions_", "\"use_case\":\"sessions\"");
		assertThat(this.server.uploaded()).containsExactly(Files.readString(rows));
		assertThat(jobs.get(4)).contains("MERGE `marketing.sessions` t USING `marketing._stage_sessions_",
				"WHEN NOT MATCHED BY SOURCE AND t.event_date = ? THEN DELETE",
				"\"queryParameters\":[{\"parameterType\":{\"type\":\"DATE\"},\"parameterValue\":{\"value\":\"2026-11-25\"}}]",
				"\"maximumBytesBilled\":\"10000000000\"");
		assertThat(jobs.get(6)).contains("DROP TABLE IF EXISTS `marketing._stage_sessions_");
	}

}
