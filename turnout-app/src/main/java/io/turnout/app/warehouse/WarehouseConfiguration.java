package io.turnout.app.warehouse;

import io.turnout.app.TurnoutProperties;
import io.turnout.attribution.AttributeOrders;
import io.turnout.carts.CartWarehouse;
import io.turnout.carts.FindAbandonedCarts;
import io.turnout.events.EventWarehouse;
import io.turnout.revenue.ReportRevenue;
import io.turnout.events.IngestEvents;
import io.turnout.warehouse.duckdb.DuckDbAttributionWarehouse;
import io.turnout.warehouse.duckdb.DuckDbCartWarehouse;
import io.turnout.warehouse.duckdb.DuckDbDatabase;
import io.turnout.warehouse.duckdb.DuckDbRevenueWarehouse;
import io.turnout.sessions.BuildSessions;
import io.turnout.usecases.Modes;
import io.turnout.usecases.StreamingUseCases;
import io.turnout.warehouse.TableNames;
import io.turnout.sessions.SessionWarehouse;
import io.turnout.warehouse.duckdb.DuckDbEventWarehouse;
import io.turnout.warehouse.duckdb.DuckDbSessionWarehouse;
import io.turnout.warehouse.duckdb.DuckDbWriter;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The warehouse adapter chosen by {@code turnout.warehouse.type}, migrated by Flyway on
 * start-up, and the use cases that write through it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WarehouseProperties.class)
public class WarehouseConfiguration {

	@Bean(destroyMethod = "close")
	DuckDbDatabase duckDbDatabase(WarehouseProperties properties) {
		if (properties.type() != WarehouseProperties.Type.DUCKDB) {
			throw new IllegalStateException("turnout.warehouse.type=" + properties.type().name().toLowerCase()
					+ " is not available in this version; use duckdb (the Snowflake and BigQuery adapters are "
					+ "being built).");
		}
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
	IngestEvents ingestEvents(EventWarehouse eventWarehouse) {
		return new IngestEvents(eventWarehouse);
	}

	@Bean
	BuildSessions buildSessions(SessionWarehouse sessionWarehouse) {
		return new BuildSessions(sessionWarehouse);
	}

	@Bean
	AttributeOrders attributeOrders(DuckDbWriter writer) {
		return new AttributeOrders(new DuckDbAttributionWarehouse(writer));
	}

	@Bean
	ReportRevenue reportRevenue(DuckDbWriter writer, TurnoutProperties turnout) {
		return new ReportRevenue(new DuckDbRevenueWarehouse(writer), turnout.reportingCurrency());
	}

	@Bean
	CartWarehouse cartWarehouse(DuckDbWriter writer) {
		return new DuckDbCartWarehouse(writer);
	}

	@Bean
	FindAbandonedCarts findAbandonedCarts(CartWarehouse cartWarehouse) {
		return new FindAbandonedCarts(cartWarehouse);
	}

	/**
	 * The streaming functions' use cases: the same domain logic over the streaming side's
	 * tables, which are the {@code _shadow} copies while a use case runs shadow.
	 */
	@Bean
	StreamingUseCases streamingUseCases(DuckDbWriter writer, Modes modes, TurnoutProperties turnout) {
		TableNames names = TableNames.streamingSide(modes);
		return new StreamingUseCases(new IngestEvents(new DuckDbEventWarehouse(writer, names)),
				new BuildSessions(new DuckDbSessionWarehouse(writer, names)),
				new AttributeOrders(new DuckDbAttributionWarehouse(writer, names)),
				new ReportRevenue(new DuckDbRevenueWarehouse(writer, names), turnout.reportingCurrency()),
				new FindAbandonedCarts(new DuckDbCartWarehouse(writer, names)));
	}

}
