package io.turnout.app.warehouse;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which warehouse the use cases write ({@code turnout.warehouse.*}).
 *
 * @param type {@code duckdb}, {@code snowflake} or {@code bigquery}
 * @param duckdb the embedded DuckDB file, by default
 * {@code ${turnout.home}/warehouse.duckdb}
 * @param snowflake the Snowflake account, when {@code type=snowflake}
 */
@Validated
@ConfigurationProperties("turnout.warehouse")
public record WarehouseProperties(@DefaultValue("duckdb") @NotNull Type type, @DefaultValue DuckDb duckdb,
		@DefaultValue Snowflake snowflake) {

	/** The warehouses Turnout writes. */
	public enum Type {

		DUCKDB, SNOWFLAKE, BIGQUERY

	}

	/** The embedded DuckDB warehouse. */
	public record DuckDb(Path path) {
	}

	/**
	 * A Snowflake account. The tables live in schema {@code marketing} of the database.
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
	 * @param statementTimeout how long a statement may run
	 * @param loginTimeout how long connecting may take
	 * @param host a host to reach instead of {@code <account>.snowflakecomputing.com}
	 */
	public record Snowflake(String account, String user, String password, Path privateKeyFile,
			String privateKeyPassphrase, String role, String warehouse, String database,
			@DefaultValue("10m") Duration statementTimeout, @DefaultValue("30s") Duration loginTimeout, String host) {

		@Override
		public String toString() {
			return "Snowflake account " + this.account + " as " + this.user;
		}

	}

}
