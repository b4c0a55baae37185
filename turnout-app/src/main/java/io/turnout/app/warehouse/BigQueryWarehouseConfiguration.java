package io.turnout.app.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import io.turnout.warehouse.bigquery.BigQueryClients;
import io.turnout.warehouse.bigquery.BigQueryMigrations;
import io.turnout.warehouse.bigquery.BigQuerySettings;
import io.turnout.warehouse.bigquery.BigQuerySqlWarehouse;
import io.turnout.warehouse.bigquery.BigQueryStatements;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * BigQuery: the client from Application Default Credentials or a key file, the dataset
 * migrated at start-up by the versioned files of {@code flyway/warehouse/bigquery}; the
 * use cases run over the SQL adapters ({@link SqlWarehouseConfiguration}), each
 * transaction a session of BigQuery.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "turnout.warehouse.type", havingValue = "bigquery")
class BigQueryWarehouseConfiguration {

	private static final String FOLDER = "db/warehouse/bigquery";

	@Bean
	BigQuerySettings bigQuerySettings(WarehouseProperties properties) {
		WarehouseProperties.BigQuery configured = properties.bigquery();
		if (configured.project() == null) {
			throw new IllegalStateException("turnout.warehouse.type=bigquery needs turnout.warehouse.bigquery.project "
					+ "(and .dataset, .location; credentials from .credentials-file or Application Default "
					+ "Credentials).");
		}
		return new BigQuerySettings(configured.project(), configured.dataset(), configured.location(),
				configured.credentialsFile(), configured.maximumBytesBilled().toBytes(), configured.host());
	}

	/** One client for both sides: it is thread-safe. */
	@Bean
	BigQuery bigQuery(BigQuerySettings settings, WarehouseProperties properties) {
		return BigQueryClients.create(settings, BigQueryClients.retriesWithin(properties.bigquery().retryTimeout()));
	}

	/**
	 * The nightly jobs' warehouse, loading by load jobs; creating it migrates the
	 * dataset.
	 */
	@Bean
	BigQuerySqlWarehouse sqlWarehouse(BigQuery client, BigQuerySettings settings) {
		new BigQueryMigrations(client, settings, new BigQueryStatements(client, settings))
			.migrate(BigQueryMigrations.fromClasspath(FOLDER, migrationFiles()));
		return new BigQuerySqlWarehouse(client, settings, Map.of("app", "turnout", "run", "nightly"));
	}

	/** The Storage Write API client of the streaming side. */
	@Bean(destroyMethod = "close")
	BigQueryWriteClient bigQueryWriteClient(BigQuerySettings settings) {
		return BigQueryClients.writeClient(settings);
	}

	/**
	 * The streaming functions' warehouse: micro-batches load through the Storage Write
	 * API's pending streams, never by load jobs (whose daily quotas a stream would
	 * exhaust). Created after the nightly one, whose start-up migrates the dataset.
	 */
	@Bean
	StreamingSqlWarehouse streamingSqlWarehouse(BigQuerySqlWarehouse nightly, BigQuery client,
			BigQuerySettings settings, BigQueryWriteClient writeClient) {
		return new StreamingSqlWarehouse(
				new BigQuerySqlWarehouse(client, settings, writeClient, Map.of("app", "turnout", "run", "streaming")));
	}

	/** The versioned files of the folder, wherever the classpath has them (the jar). */
	static List<String> migrationFiles() {
		try {
			List<String> files = new ArrayList<>();
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:" + FOLDER + "/V*__*.sql")) {
				files.add(resource.getFilename());
			}
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the BigQuery migrations in " + FOLDER, ex);
		}
	}

}
