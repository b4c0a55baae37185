package io.turnout.warehouse.snowflake;

import java.util.Map;

import io.turnout.warehouse.ConnectionDataSource;
import org.flywaydb.core.Flyway;

/**
 * Applies the Snowflake migrations ({@code db/warehouse/snowflake}) with Flyway, which
 * keeps its history in the schema and refuses to start when an applied file changed.
 */
public final class SnowflakeMigrations {

	private SnowflakeMigrations() {
	}

	public static void migrate(SnowflakeConnections connections, String schema) {
		Flyway.configure()
			.dataSource(new ConnectionDataSource(() -> connections.open("turnout:migrate")))
			.locations("classpath:db/warehouse/snowflake")
			.schemas(schema)
			.placeholders(Map.of("schema", schema))
			.load()
			.migrate();
	}

}
