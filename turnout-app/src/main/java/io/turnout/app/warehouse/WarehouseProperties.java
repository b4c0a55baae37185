package io.turnout.app.warehouse;

import java.nio.file.Path;
import java.time.Duration;

import io.turnout.warehouse.TableNames;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Which warehouse the use cases write ({@code turnout.warehouse.*}).
 *
 * @param type {@code duckdb}, {@code snowflake} or {@code bigquery}
 * @param duckdb the embedded DuckDB file, by default
 * {@code ${turnout.home}/warehouse.duckdb}
 * @param snowflake the Snowflake account, when {@code type=snowflake}
 * @param bigquery the BigQuery project and dataset, when {@code type=bigquery}
 */
@Validated
@ConfigurationProperties("turnout.warehouse")
public record WarehouseProperties(@DefaultValue("duckdb") @NotNull Type type, @DefaultValue DuckDb duckdb,
		@DefaultValue Snowflake snowflake, @DefaultValue BigQuery bigquery) {

	/** Where the tables live: the Snowflake schema, the BigQuery dataset, DuckDB's. */
	public String schema() {
		return switch (this.type) {
			case SNOWFLAKE -> this.snowflake.schema();
			case BIGQUERY -> this.bigquery.dataset();
			case DUCKDB -> TableNames.DEFAULT_SCHEMA;
		};
	}

	/** The warehouses Turnout writes. */
	public enum Type {

		DUCKDB, SNOWFLAKE, BIGQUERY

	}

	/** The embedded DuckDB warehouse. */
	public record DuckDb(Path path) {
	}

	/**
	 * A Snowflake account.
	 *
	 * @param account the account identifier ({@code orgname-account_name})
	 * @param user the user Turnout connects as
	 * @param password its password (or {@code TURNOUT_WAREHOUSE_SNOWFLAKE_PASSWORD});
	 * none with a key pair
	 * @param privateKeyFile a PKCS#8 key file for key-pair authentication
	 * @param privateKeyPassphrase the key file's passphrase, if encrypted
	 * @param role the role, else the user's default
	 * @param warehouse the virtual warehouse
	 * @param database the database
	 * @param schema the schema of the tables, created by the first migration
	 * ({@code marketing})
	 * @param statementTimeout how long a statement may run
	 * @param loginTimeout how long connecting may take
	 * @param host a host to reach instead of {@code <account>.snowflakecomputing.com}
	 */
	public record Snowflake(String account, String user, String password, Path privateKeyFile,
			String privateKeyPassphrase, String role, String warehouse, String database,
			@DefaultValue("marketing") String schema, @DefaultValue("10m") Duration statementTimeout,
			@DefaultValue("30s") Duration loginTimeout, String host) {

		@Override
		public String toString() {
			return "Snowflake account " + this.account + " as " + this.user;
		}

	}

	/**
	 * A BigQuery project and dataset.
	 *
	 * @param project the project that runs (and pays for) the jobs
	 * @param dataset the dataset of the tables ({@code marketing}); it must exist, in
	 * {@code location}
	 * @param location the dataset's location ({@code US}, {@code EU},
	 * {@code europe-west1})
	 * @param credentialsFile a service account key file; none for Application Default
	 * Credentials
	 * @param maximumBytesBilled the most one statement may process: a statement whose dry
	 * run estimates more is refused, and every job carries the cap
	 * @param host an API root to call instead of Google's (a private endpoint)
	 * @param retryTimeout how long a call is retried when BigQuery does not answer or
	 * answers with a server error
	 * @param mergeInterval how long the events stream gathers messages before one merge
	 * ({@link BigQueryStreamingDefaults})
	 */
	public record BigQuery(String project, @DefaultValue("marketing") String dataset,
			@DefaultValue("US") String location, Path credentialsFile,
			@DefaultValue("100GB") DataSize maximumBytesBilled, String host, @DefaultValue("60s") Duration retryTimeout,
			@DefaultValue("30s") Duration mergeInterval) {
	}

}
