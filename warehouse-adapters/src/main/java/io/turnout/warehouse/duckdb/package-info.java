/**
 * The embedded DuckDB warehouse: one writer process per file, bulk Appender loads,
 * replace by key.
 */
package io.turnout.warehouse.duckdb;
