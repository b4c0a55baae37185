package io.turnout.app.warehouse;

import io.turnout.warehouse.schema.SnowflakeDialect;
import io.turnout.warehouse.snowflake.SnowflakeConnections;
import io.turnout.warehouse.snowflake.SnowflakeMigrations;
import io.turnout.warehouse.snowflake.SnowflakeSettings;
import io.turnout.warehouse.sql.JdbcSqlWarehouse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snowflake: one session through the JDBC driver, its tables migrated by Flyway at
 * start-up; the use cases run over the SQL adapters ({@link SqlWarehouseConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "turnout.warehouse.type", havingValue = "snowflake")
class SnowflakeWarehouseConfiguration {

	@Bean(destroyMethod = "close")
	JdbcSqlWarehouse sqlWarehouse(WarehouseProperties properties) {
		WarehouseProperties.Snowflake snowflake = properties.snowflake();
		if (snowflake.account() == null || snowflake.user() == null) {
			throw new IllegalStateException("turnout.warehouse.type=snowflake needs "
					+ "turnout.warehouse.snowflake.account and .user (and .password or .private-key-file).");
		}
		SnowflakeConnections connections = new SnowflakeConnections(new SnowflakeSettings(snowflake.account(),
				snowflake.user(), snowflake.password(), snowflake.privateKeyFile(), snowflake.privateKeyPassphrase(),
				snowflake.role(), snowflake.warehouse(), snowflake.database(), snowflake.schema(),
				snowflake.statementTimeout(), snowflake.loginTimeout(), snowflake.host()));
		SnowflakeMigrations.migrate(connections, snowflake.schema());
		return new JdbcSqlWarehouse(() -> connections.open("turnout"), new SnowflakeDialect());
	}

}
