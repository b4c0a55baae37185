package io.turnout.app.warehouse;

import io.turnout.app.TurnoutProperties;
import io.turnout.attribution.AttributeOrders;
import io.turnout.attribution.AttributionWarehouse;
import io.turnout.carts.CartWarehouse;
import io.turnout.carts.FindAbandonedCarts;
import io.turnout.events.EventWarehouse;
import io.turnout.events.IngestEvents;
import io.turnout.migration.ParityTables;
import io.turnout.revenue.ReportRevenue;
import io.turnout.revenue.RevenueWarehouse;
import io.turnout.sessions.BuildSessions;
import io.turnout.sessions.SessionWarehouse;
import io.turnout.usecases.Modes;
import io.turnout.usecases.StreamingUseCases;
import io.turnout.warehouse.TableNames;
import io.turnout.warehouse.duckdb.DuckDbAttributionWarehouse;
import io.turnout.warehouse.duckdb.DuckDbCartWarehouse;
import io.turnout.warehouse.duckdb.DuckDbDatabase;
import io.turnout.warehouse.duckdb.DuckDbEventWarehouse;
import io.turnout.warehouse.duckdb.DuckDbParityTables;
import io.turnout.warehouse.duckdb.DuckDbRevenueWarehouse;
import io.turnout.warehouse.duckdb.DuckDbSessionWarehouse;
import io.turnout.warehouse.duckdb.DuckDbWriter;
import io.turnout.warehouse.schema.SnowflakeDialect;
import io.turnout.warehouse.schema.TableCatalog;
import io.turnout.warehouse.snowflake.SnowflakeConnections;
import io.turnout.warehouse.snowflake.SnowflakeMigrations;
import io.turnout.warehouse.snowflake.SnowflakeSettings;
import io.turnout.warehouse.sql.JdbcSqlWarehouse;
import io.turnout.warehouse.sql.SqlDerivedWarehouses;
import io.turnout.warehouse.sql.SqlEventWarehouse;
import io.turnout.warehouse.sql.SqlParityTables;
import io.turnout.warehouse.sql.SqlSessionWarehouse;
import io.turnout.warehouse.sql.SqlWarehouse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The warehouse chosen by {@code turnout.warehouse.type} (DuckDB by default, Snowflake),
 * migrated on start-up, and the use cases that write through it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WarehouseProperties.class)
public class WarehouseConfiguration {

	@Bean
	IngestEvents ingestEvents(EventWarehouse eventWarehouse) {
		return new IngestEvents(eventWarehouse);
	}

	@Bean
	BuildSessions buildSessions(SessionWarehouse sessionWarehouse) {
		return new BuildSessions(sessionWarehouse);
	}

	@Bean
	AttributeOrders attributeOrders(AttributionWarehouse attributionWarehouse) {
		return new AttributeOrders(attributionWarehouse);
	}

	@Bean
	ReportRevenue reportRevenue(RevenueWarehouse revenueWarehouse, TurnoutProperties turnout) {
		return new ReportRevenue(revenueWarehouse, turnout.reportingCurrency());
	}

	@Bean
	FindAbandonedCarts findAbandonedCarts(CartWarehouse cartWarehouse) {
		return new FindAbandonedCarts(cartWarehouse);
	}

	/** The embedded default: a DuckDB file, written through one connection. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "turnout.warehouse.type", havingValue = "duckdb", matchIfMissing = true)
	static class DuckDbWarehouse {

		@Bean(destroyMethod = "close")
		DuckDbDatabase duckDbDatabase(WarehouseProperties properties) {
			if (properties.duckdb().path() == null) {
				throw new IllegalStateException("turnout.warehouse.duckdb.path is not set.");
			}
			DuckDbDatabase database = DuckDbDatabase.open(properties.duckdb().path());
			database.migrate();
			return database;
		}

		@Bean(destroyMethod = "close")
		DuckDbWriter duckDbWriter(DuckDbDatabase database) {
			return new DuckDbWriter(database);
		}

		@Bean
		EventWarehouse eventWarehouse(DuckDbWriter writer) {
			return new DuckDbEventWarehouse(writer);
		}

		@Bean
		SessionWarehouse sessionWarehouse(DuckDbWriter writer) {
			return new DuckDbSessionWarehouse(writer);
		}

		@Bean
		AttributionWarehouse attributionWarehouse(DuckDbWriter writer) {
			return new DuckDbAttributionWarehouse(writer);
		}

		@Bean
		RevenueWarehouse revenueWarehouse(DuckDbWriter writer) {
			return new DuckDbRevenueWarehouse(writer);
		}

		@Bean
		CartWarehouse cartWarehouse(DuckDbWriter writer) {
			return new DuckDbCartWarehouse(writer);
		}

		@Bean
		ParityTables parityTables(DuckDbWriter writer) {
			return new DuckDbParityTables(writer);
		}

		/**
		 * The streaming functions' use cases: the same domain logic over the streaming
		 * side's tables, which are the {@code _shadow} copies while a use case runs
		 * shadow.
		 */
		@Bean
		StreamingUseCases streamingUseCases(DuckDbWriter writer, Modes modes, TurnoutProperties turnout) {
			TableNames names = TableNames.streamingSide(modes);
			return StreamingUseCases.over(new DuckDbEventWarehouse(writer, names),
					new DuckDbSessionWarehouse(writer, names), new DuckDbAttributionWarehouse(writer, names),
					new DuckDbRevenueWarehouse(writer, names), new DuckDbCartWarehouse(writer, names),
					turnout.reportingCurrency());
		}

	}

	/**
	 * Snowflake: one session through the JDBC driver, its tables migrated by Flyway at
	 * start-up, every use case over the dialect-generic SQL adapters.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "turnout.warehouse.type", havingValue = "snowflake")
	static class SnowflakeWarehouse {

		private static final String SCHEMA = "MARKETING";

		@Bean(destroyMethod = "close")
		JdbcSqlWarehouse sqlWarehouse(WarehouseProperties properties) {
			WarehouseProperties.Snowflake snowflake = properties.snowflake();
			if (snowflake.account() == null || snowflake.user() == null) {
				throw new IllegalStateException("turnout.warehouse.type=snowflake needs "
						+ "turnout.warehouse.snowflake.account and .user (and .password or .private-key-file).");
			}
			SnowflakeConnections connections = new SnowflakeConnections(new SnowflakeSettings(snowflake.account(),
					snowflake.user(), snowflake.password(), snowflake.privateKeyFile(),
					snowflake.privateKeyPassphrase(), snowflake.role(), snowflake.warehouse(), snowflake.database(),
					SCHEMA, snowflake.statementTimeout(), snowflake.loginTimeout(), snowflake.host()));
			SnowflakeMigrations.migrate(connections, SCHEMA);
			return new JdbcSqlWarehouse(() -> connections.open("turnout"), new SnowflakeDialect());
		}

		@Bean
		TableCatalog tableCatalog() {
			return TableCatalog.load();
		}

		@Bean
		EventWarehouse eventWarehouse(SqlWarehouse sql, TableCatalog catalog) {
			return new SqlEventWarehouse(sql, catalog, TableNames.batchSide());
		}

		@Bean
		SessionWarehouse sessionWarehouse(SqlWarehouse sql, TableCatalog catalog) {
			return new SqlSessionWarehouse(sql, catalog, TableNames.batchSide());
		}

		@Bean
		AttributionWarehouse attributionWarehouse(SqlWarehouse sql, TableCatalog catalog) {
			return SqlDerivedWarehouses.attribution(sql, catalog, TableNames.batchSide());
		}

		@Bean
		RevenueWarehouse revenueWarehouse(SqlWarehouse sql, TableCatalog catalog) {
			return SqlDerivedWarehouses.revenue(sql, catalog, TableNames.batchSide());
		}

		@Bean
		CartWarehouse cartWarehouse(SqlWarehouse sql, TableCatalog catalog) {
			return SqlDerivedWarehouses.carts(sql, catalog, TableNames.batchSide());
		}

		@Bean
		ParityTables parityTables(SqlWarehouse sql, TableCatalog catalog) {
			return new SqlParityTables(sql, catalog);
		}

		@Bean
		StreamingUseCases streamingUseCases(SqlWarehouse sql, TableCatalog catalog, Modes modes,
				TurnoutProperties turnout) {
			TableNames names = TableNames.streamingSide(modes);
			return StreamingUseCases.over(new SqlEventWarehouse(sql, catalog, names),
					new SqlSessionWarehouse(sql, catalog, names), SqlDerivedWarehouses.attribution(sql, catalog, names),
					SqlDerivedWarehouses.revenue(sql, catalog, names), SqlDerivedWarehouses.carts(sql, catalog, names),
					turnout.reportingCurrency());
		}

	}

	/**
	 * BigQuery: refused until its SqlWarehouse is built; whichever of its beans is asked
	 * for first says so.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "turnout.warehouse.type", havingValue = "bigquery")
	static class BigQueryWarehouse {

		@Bean
		EventWarehouse eventWarehouse() {
			throw refusal();
		}

		@Bean
		SessionWarehouse sessionWarehouse() {
			throw refusal();
		}

		@Bean
		AttributionWarehouse attributionWarehouse() {
			throw refusal();
		}

		@Bean
		RevenueWarehouse revenueWarehouse() {
			throw refusal();
		}

		@Bean
		CartWarehouse cartWarehouse() {
			throw refusal();
		}

		@Bean
		ParityTables parityTables() {
			throw refusal();
		}

		@Bean
		StreamingUseCases streamingUseCases() {
			throw refusal();
		}

		private static IllegalStateException refusal() {
			return new IllegalStateException("turnout.warehouse.type=bigquery is not available in this version: its "
					+ "statements, load jobs and migrations exist, the use cases over them do not yet; use duckdb "
					+ "or snowflake.");
		}

	}

}
