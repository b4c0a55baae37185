package io.turnout.warehouse.live;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.turnout.warehouse.schema.SnowflakeDialect;
import io.turnout.warehouse.snowflake.SnowflakeConnections;
import io.turnout.warehouse.snowflake.SnowflakeMigrations;
import io.turnout.warehouse.snowflake.SnowflakeSettings;
import io.turnout.warehouse.sql.JdbcSqlWarehouse;
import io.turnout.warehouse.sql.UseCaseParitySuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real Snowflake account, when {@code TURNOUT_IT_SNOWFLAKE_*} is set: migrates
 * a fresh schema with Flyway, runs the parity suite of the use cases there, drops the
 * schema.
 */
class SnowflakeLiveTest {

	@TempDir
	Path home;

	@Test
	void theUseCasesWriteInSnowflakeWhatTheyWriteInDuckDb() throws Exception {
		Map<String, String> env = LiveEnvironment.require("TURNOUT_IT_SNOWFLAKE_",
				List.of("ACCOUNT", "USER", "WAREHOUSE", "DATABASE"), List.of("PASSWORD", "PRIVATE_KEY_FILE"),
				List.of("PRIVATE_KEY_PASSPHRASE", "ROLE"));
		String schema = LiveEnvironment.freshSchema();
		SnowflakeConnections connections = new SnowflakeConnections(
				new SnowflakeSettings(env.get("ACCOUNT"), env.get("USER"), env.get("PASSWORD"),
						env.containsKey("PRIVATE_KEY_FILE") ? Path.of(env.get("PRIVATE_KEY_FILE")) : null,
						env.get("PRIVATE_KEY_PASSPHRASE"), env.get("ROLE"), env.get("WAREHOUSE"), env.get("DATABASE"),
						schema, Duration.ofMinutes(10), Duration.ofSeconds(30), null));
		try {
			SnowflakeMigrations.migrate(connections, schema);
			try (JdbcSqlWarehouse warehouse = new JdbcSqlWarehouse(() -> connections.open("turnout:it"),
					new SnowflakeDialect())) {
				UseCaseParitySuite.run(warehouse, schema, this.home.resolve("reference.duckdb"), 20);
			}
		}
		finally {
			try (Connection connection = connections.open("turnout:it");
					Statement statement = connection.createStatement()) {
				statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
			}
		}
	}

}
