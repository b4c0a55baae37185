/**
 * The use cases' warehouse ports over any SQL warehouse: rows staged in bulk by the
 * warehouse's own loader, replaced by the statements of its {@code WarehouseDialect},
 * read back with plain SQL. DuckDB runs them in the tests; Snowflake and BigQuery plug in
 * their loader and dialect.
 */
package io.turnout.warehouse.sql;
