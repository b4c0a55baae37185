package io.turnout.app.warehouse;

import io.turnout.warehouse.sql.SqlWarehouse;

/**
 * The SQL warehouse of the streaming functions, where it loads differently from the
 * nightly jobs' (BigQuery: the Storage Write API instead of load jobs); the same one
 * otherwise.
 */
record StreamingSqlWarehouse(SqlWarehouse warehouse) {
}
