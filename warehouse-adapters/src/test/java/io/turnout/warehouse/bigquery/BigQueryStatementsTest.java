package io.turnout.warehouse.bigquery;

import java.util.List;
import java.util.Map;

import com.google.cloud.bigquery.QueryParameterValue;
import io.turnout.warehouse.WarehouseException;
import io.turnout.warehouse.bigquery.FakeBigQueryServer.Request;
import io.turnout.warehouse.schema.BigQueryDialect;
import io.turnout.warehouse.schema.TableCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The BigQuery wire contract: the real google-cloud-bigquery client, pointed at a local
 * server that answers like the REST API, dry-runs each statement, refuses one over the
 * cost cap without running it, runs the others with {@code maximumBytesBilled} and the
 * job labels, retries a 5xx answer, and turns a 4xx answer into an error a user can act
 * on.
 */
class BigQueryStatementsTest {

	private static final long CAP = 10_000_000_000L;

	private final FakeBigQueryServer server = startServer();

	private final BigQuerySettings settings = new BigQuerySettings("acme", "marketing", "EU", null, CAP,
			this.server.host());

	private final BigQueryStatements statements = new BigQueryStatements(
			BigQueryClients.create(this.settings, FakeBigQueryServer.quickRetries(3)), this.settings);

	private final String merge = new BigQueryDialect()
		.replaceDay(TableCatalog.load().table("sessions"), "marketing.sessions", "marketing._stage_sessions")
		.get(0);

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void aStatementIsDryRunThenRunWithTheCapAndItsLabels() {
		BigQueryStatements.Result result = this.statements.run("replace sessions of 2026-11-25", this.merge,
				Map.of("day", QueryParameterValue.date("2026-11-25")),
				Map.of("use_case", "sessions", "run", "nightly"));

		assertThat(result).isEqualTo(new BigQueryStatements.Result(1_000, 7, null, List.of()));
		List<Request> inserts = this.server.requests()
			.stream()
			.filter(request -> request.method().equals("POST") && request.path().endsWith("/projects/acme/jobs"))
			.toList();
		assertThat(inserts).hasSize(2);
		assertThat(inserts.get(0).body()).contains("\"dryRun\":true", "\"useQueryCache\":false",
				"MERGE `marketing.sessions` t USING `marketing._stage_sessions` s ON FALSE", "\"name\":\"day\"",
				"\"value\":\"2026-11-25\"");
		assertThat(inserts.get(1).body()).doesNotContain("\"dryRun\":true")
			.contains("\"maximumBytesBilled\":\"" + CAP + "\"", "\"useLegacySql\":false", "\"use_case\":\"sessions\"",
					"\"run\":\"nightly\"", "\"location\":\"EU\"", "\"jobId\":\"turnout_");
	}

	@Test
	void aStatementOverTheCapIsRefusedWithItsEstimateAndNeverRun() {
		this.server.estimateBytes(CAP + 1);

		assertThatExceptionOfType(WarehouseException.class)
			.isThrownBy(() -> this.statements.run("replace sessions of 2026-11-25", this.merge,
					Map.of("day", QueryParameterValue.date("2026-11-25")), Map.of()))
			.withMessageContaining("replace sessions of 2026-11-25")
			.withMessageContaining("estimates " + (CAP + 1) + " bytes")
			.withMessageContaining("cap of " + CAP + " bytes")
			.withMessageContaining("turnout.warehouse.bigquery.maximum-bytes-billed");
		assertThat(this.server.requests().stream().filter(request -> request.method().equals("POST"))).singleElement()
			.satisfies(request -> assertThat(request.body()).contains("\"dryRun\":true"));
	}

	@Test
	void aServerErrorIsRetried() {
		this.server.failNextInsert(503, "{\"error\":{\"code\":503,\"message\":\"Backend error\","
				+ "\"errors\":[{\"reason\":\"backendError\",\"message\":\"Backend error\"}],\"status\":\"UNAVAILABLE\"}}");

		BigQueryStatements.Result result = this.statements.run("replace sessions", this.merge,
				Map.of("day", QueryParameterValue.date("2026-11-25")), Map.of());

		assertThat(result.affectedRows()).isEqualTo(7);
		assertThat(this.server.requests().stream().filter(request -> request.method().equals("POST")).count())
			.as("the failed dry run, its retry and the job")
			.isEqualTo(3);
	}

	@Test
	void aClientErrorIsReportedWithBigQuerysReason() {
		this.server.failNextInsert(400,
				"{\"error\":{\"code\":400,\"message\":\"Syntax error: Unexpected keyword MERGEE at [1:1]\","
						+ "\"errors\":[{\"reason\":\"invalidQuery\",\"location\":\"q\",\"message\":"
						+ "\"Syntax error: Unexpected keyword MERGEE at [1:1]\"}],\"status\":\"INVALID_ARGUMENT\"}}");

		assertThatExceptionOfType(WarehouseException.class)
			.isThrownBy(() -> this.statements.run("replace sessions", "MERGEE", Map.of(), Map.of()))
			.withMessageContaining("BigQuery refused the statement (replace sessions)")
			.withMessageContaining("Syntax error: Unexpected keyword MERGEE at [1:1]")
			.withMessageContaining("invalidQuery")
			.withMessageContaining("HTTP 400");
		assertThat(this.server.requests().stream().filter(request -> request.method().equals("POST")))
			.as("a 4xx is not retried")
			.hasSize(1);
	}

	static FakeBigQueryServer startServer() {
		try {
			return new FakeBigQueryServer();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
