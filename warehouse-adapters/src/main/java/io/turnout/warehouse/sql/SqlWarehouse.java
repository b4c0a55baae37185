package io.turnout.warehouse.sql;

import java.util.function.Function;

import io.turnout.warehouse.schema.WarehouseDialect;

/** A SQL warehouse: its dialect, and transactions on it. */
public interface SqlWarehouse {

	WarehouseDialect dialect();

	/**
	 * Runs the work in one transaction. The work may run more than once (a transaction
	 * rolled back and started again): it must have no effect outside the transaction.
	 */
	<T> T inOneTransaction(Function<SqlTransaction, T> work);

}
