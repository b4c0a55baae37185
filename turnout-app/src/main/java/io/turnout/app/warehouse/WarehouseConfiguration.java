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
import org.springframework.context.annotation.Import;

/**
 * The warehouse chosen by {@code turnout.warehouse.type} (DuckDB by default, Snowflake,
 * BigQuery), migrated on start-up, and the use cases that write through it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WarehouseProperties.class)
@Import({ SnowflakeWarehouseConfiguration.class, BigQueryWarehouseConfiguration.class,
		SqlWarehouseConfiguration.class })
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

}
