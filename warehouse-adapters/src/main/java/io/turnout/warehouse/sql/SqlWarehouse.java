package io.turnout.warehouse.sql;

import java.util.function.Function;

import io.turnout.warehouse.schema.WarehouseDialect;

/** A SQL warehouse: its dialect, and transactions on it. */
public interface SqlWarehouse {

	WarehouseDialect dialect();

	<T> T inOneTransaction(Function<SqlTransaction, T> work);

}
