package io.turnout.warehouse.live;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import io.turnout.warehouse.bigquery.BigQueryClients;
import io.turnout.warehouse.bigquery.BigQueryMigrations;
import io.turnout.warehouse.bigquery.BigQuerySettings;
import io.turnout.warehouse.bigquery.BigQuerySqlWarehouse;
import io.turnout.warehouse.bigquery.BigQueryStatements;
import io.turnout.warehouse.sql.UseCaseParitySuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real BigQuery project, when {@code TURNOUT_IT_BIGQUERY_PROJECT} is set
 * (credentials from {@code TURNOUT_IT_BIGQUERY_CREDENTIALS_FILE} or Application Default
 * Credentials): creates a fresh dataset, migrates it, runs the parity suite of the use
 * cases there, deletes the dataset with its tables.
 */
class BigQueryLiveTest {

	/** The most one statement of the test may process: 10 GB, about 6 US cents. */
	private static final long CAP = 10L * 1024 * 1024 * 1024;

	@TempDir
	Path home;

	@Test
	void theUseCasesWriteInBigQueryWhatTheyWriteInDuckDb() throws Exception {
		Map<String, String> env = LiveEnvironment.require("TURNOUT_IT_BIGQUERY_", List.of("PROJECT"), List.of(),
				List.of("LOCATION", "CREDENTIALS_FILE"));
		String dataset = LiveEnvironment.freshSchema();
		String location = env.getOrDefault("LOCATION", "US");
		BigQuerySettings settings = new BigQuerySettings(env.get("PROJECT"), dataset, location,
				env.containsKey("CREDENTIALS_FILE") ? Path.of(env.get("CREDENTIALS_FILE")) : null, CAP, null);
		BigQuery client = BigQueryClients.create(settings, BigQueryClients.defaultRetries());
		client.create(DatasetInfo.newBuilder(env.get("PROJECT"), dataset).setLocation(location).build());
		try {
			new BigQueryMigrations(client, settings, new BigQueryStatements(client, settings))
				.migrate(BigQueryMigrations.fromClasspath("db/warehouse/bigquery", List.of("V1__tables.sql")));
			UseCaseParitySuite.run(new BigQuerySqlWarehouse(client, settings, Map.of("app", "turnout", "run", "it")),
					dataset, this.home.resolve("reference.duckdb"), 10);
		}
		finally {
			client.delete(DatasetId.of(env.get("PROJECT"), dataset), BigQuery.DatasetDeleteOption.deleteContents());
		}
	}

}
