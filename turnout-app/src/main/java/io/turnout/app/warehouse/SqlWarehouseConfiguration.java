package io.turnout.app.warehouse;

import io.turnout.app.TurnoutProperties;
import io.turnout.attribution.AttributionWarehouse;
import io.turnout.carts.CartWarehouse;
import io.turnout.events.EventWarehouse;
import io.turnout.migration.ParityTables;
import io.turnout.revenue.RevenueWarehouse;
import io.turnout.sessions.SessionWarehouse;
import io.turnout.usecases.Modes;
import io.turnout.usecases.StreamingUseCases;
import io.turnout.warehouse.TableNames;
import io.turnout.warehouse.schema.TableCatalog;
import io.turnout.warehouse.sql.SqlDerivedWarehouses;
import io.turnout.warehouse.sql.SqlEventWarehouse;
import io.turnout.warehouse.sql.SqlParityTables;
import io.turnout.warehouse.sql.SqlSessionWarehouse;
import io.turnout.warehouse.sql.SqlWarehouse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every use case over a cloud warehouse's {@link SqlWarehouse} (Snowflake, BigQuery): the
 * dialect-generic SQL adapters, in the configured schema or dataset.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${turnout.warehouse.type:duckdb}'.equalsIgnoreCase('duckdb')")
class SqlWarehouseConfiguration {

	@Bean
	TableCatalog tableCatalog() {
		return TableCatalog.load();
	}

	@Bean
	EventWarehouse eventWarehouse(SqlWarehouse sql, TableCatalog catalog, WarehouseProperties properties) {
		return new SqlEventWarehouse(sql, catalog, TableNames.batchSide(properties.schema()));
	}

	@Bean
	SessionWarehouse sessionWarehouse(SqlWarehouse sql, TableCatalog catalog, WarehouseProperties properties) {
		return new SqlSessionWarehouse(sql, catalog, TableNames.batchSide(properties.schema()));
	}

	@Bean
	AttributionWarehouse attributionWarehouse(SqlWarehouse sql, TableCatalog catalog, WarehouseProperties properties) {
		return SqlDerivedWarehouses.attribution(sql, catalog, TableNames.batchSide(properties.schema()));
	}

	@Bean
	RevenueWarehouse revenueWarehouse(SqlWarehouse sql, TableCatalog catalog, WarehouseProperties properties) {
		return SqlDerivedWarehouses.revenue(sql, catalog, TableNames.batchSide(properties.schema()));
	}

	@Bean
	CartWarehouse cartWarehouse(SqlWarehouse sql, TableCatalog catalog, WarehouseProperties properties) {
		return SqlDerivedWarehouses.carts(sql, catalog, TableNames.batchSide(properties.schema()));
	}

	@Bean
	ParityTables parityTables(SqlWarehouse sql, TableCatalog catalog, WarehouseProperties properties) {
		return new SqlParityTables(sql, catalog, properties.schema());
	}

	/**
	 * The streaming functions' use cases: the same SQL adapters over the streaming side's
	 * tables, which are the {@code _shadow} copies while a use case runs shadow.
	 */
	@Bean
	StreamingUseCases streamingUseCases(SqlWarehouse batchSql, ObjectProvider<StreamingSqlWarehouse> streaming,
			TableCatalog catalog, Modes modes, TurnoutProperties turnout, WarehouseProperties properties) {
		SqlWarehouse sql = streaming.getIfAvailable(() -> new StreamingSqlWarehouse(batchSql)).warehouse();
		TableNames names = TableNames.streamingSide(modes, properties.schema());
		return StreamingUseCases.over(new SqlEventWarehouse(sql, catalog, names),
				new SqlSessionWarehouse(sql, catalog, names), SqlDerivedWarehouses.attribution(sql, catalog, names),
				SqlDerivedWarehouses.revenue(sql, catalog, names), SqlDerivedWarehouses.carts(sql, catalog, names),
				turnout.reportingCurrency());
	}

}
